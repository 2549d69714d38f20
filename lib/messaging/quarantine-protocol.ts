import { z } from 'zod';
import { idSchema, isoDateTimeSchema, syncedStoreNameSchema } from '@/lib/model';
import { pushRejectReasonSchema } from '@/lib/sync/wire';
import { route } from './route';

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

const byMutation = z.object({ mutationId: idSchema });
const done = z.object({ ok: z.literal(true) });

/** The options page's "Changes the team server refused": list them, put one back in the outbox, or discard it. */
export const quarantineProtocol = {
  'sync.quarantine.list': route(
    z.object({}),
    z.object({ changes: z.array(refusedChangeViewSchema), unreadable: z.number().int().nonnegative() }),
  ),
  'sync.quarantine.retry': route(byMutation, done),
  'sync.quarantine.discard': route(byMutation, done),
} as const;
