import { z } from 'zod';
import { route } from './route';

const backendUrl = z.url({ protocol: /^https?$/ }).max(500);
const token = z.string().trim().min(8).max(500);

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

const connectionCheck = z.object({
  ok: z.boolean(),
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  agent: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'agent']) }).nullable(),
  error: z.string().nullable(),
});

/** The team backend connection: the token is written here and never read back. */
export const syncProtocol = {
  'sync.status': route(z.object({}), syncStatusSchema),
  'sync.test': route(z.object({ backendUrl, token }), connectionCheck),
  /** Connects (checking the connection first) or, with nulls, disconnects. */
  'sync.configure': route(z.object({ backendUrl: backendUrl.nullable(), token: token.nullable() }), syncStatusSchema),
  'sync.now': route(z.object({}), syncStatusSchema),
} as const;
