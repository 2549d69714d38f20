import { z } from 'zod';

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

