import type { z } from 'zod';
import type { StoreRecord } from '@/lib/db/schema';
import {
  contactSchema,
  conversationSchema,
  followUpSchema,
  identitySchema,
  knowledgeArticleSchema,
  messageSchema,
  noteSchema,
  replyTemplateSchema,
  slaPolicySchema,
  type SyncedStoreName,
} from '@/lib/model';

/** The schema a record of each synced store must pass before it is stored. */
export const syncedRecordSchemas: { readonly [S in SyncedStoreName]: z.ZodType<StoreRecord<S>> } = {
  contacts: contactSchema,
  identities: identitySchema,
  notes: noteSchema,
  conversations: conversationSchema,
  messages: messageSchema,
  slaPolicies: slaPolicySchema,
  templates: replyTemplateSchema,
  articles: knowledgeArticleSchema,
  followUps: followUpSchema,
};
