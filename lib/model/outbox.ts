import { z } from 'zod';
import { hlcStampSchema, idSchema, isoDateTimeSchema } from './common';

export const syncedStoreNameSchema = z.enum([
  'contacts',
  'identities',
  'notes',
  'conversations',
  'messages',
  'slaPolicies',
  'templates',
  'articles',
  'followUps',
]);
export type SyncedStoreName = z.infer<typeof syncedStoreNameSchema>;

/** One local write waiting to be pushed: the fields it changed, with their new stamps. */
export const outboxEntrySchema = z.object({
  seq: z.number().int().positive().optional(),
  mutationId: idSchema,
  store: syncedStoreNameSchema,
  recordId: idSchema,
  fields: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), hlcStampSchema),
  createdAt: isoDateTimeSchema,
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
