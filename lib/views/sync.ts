import { z } from 'zod';
import { idSchema, isoDateTimeSchema, syncedStoreNameSchema } from '@/lib/model';
import { pushRejectReasonSchema } from '@/lib/model/push-reject-reason';

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

/** One local change the team server refused, as the options page shows it. */
export const refusedChangeViewSchema = z.object({
  mutationId: idSchema,
  store: syncedStoreNameSchema,
  recordId: idSchema,
  /** The field the server named, when it named one. */
  field: z.string().nullable(),
  /** Every field the change sets. */
  fields: z.array(z.string()),
  /** A short excerpt of the change's text, for the person to recognise it; unprintable characters made visible. */
  preview: z.string().nullable(),
  reason: pushRejectReasonSchema,
  /** The server's own words. */
  message: z.string(),
  quarantinedAt: isoDateTimeSchema,
});
export type RefusedChangeView = z.infer<typeof refusedChangeViewSchema>;

