import { z } from 'zod';

export const syncStatusSchema = z.object({
  /** off: no backend configured; idle: in step; syncing; offline: retrying; error: needs the user (bad token). */
  state: z.enum(['off', 'idle', 'syncing', 'offline', 'error']),
  backendUrl: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Local changes not yet acknowledged by the backend. */
  pendingChanges: z.number().int().nonnegative(),
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  agent: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'agent']) }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
