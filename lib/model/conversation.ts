import { z } from 'zod';
import { siteSchema } from './page-context';
import { idSchema, isoDateTimeSchema, recordBaseSchema } from './common';

export const conversationStatusSchema = z.enum(['open', 'waiting', 'snoozed', 'resolved']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

export const slaTargetKindSchema = z.enum(['firstResponse', 'nextResponse', 'resolution']);

export const slaTargetStateSchema = z.object({
  kind: slaTargetKindSchema,
  dueAt: isoDateTimeSchema,
  metAt: isoDateTimeSchema.nullable(),
  breached: z.boolean(),
});

/**
 * A thread, a post's comments or a DM on one site. `waiting` means waiting on us;
 * `dueAt` is the nearest unmet SLA deadline (indexed for the pending queue).
 */
export const conversationSchema = recordBaseSchema.extend({
  site: siteSchema,
  threadKey: z.string().min(1).max(500),
  kind: z.enum(['conversation', 'post', 'comment', 'profile']),
  url: z.string().max(2000),
  contactId: idSchema.nullable(),
  status: conversationStatusSchema,
  priority: prioritySchema,
  policyId: idSchema.nullable(),
  targets: z.array(slaTargetStateSchema),
  dueAt: isoDateTimeSchema.nullable(),
  snoozedUntil: isoDateTimeSchema.nullable(),
  waitingSince: isoDateTimeSchema.nullable(),
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  ownerId: z.string().max(200).nullable(),
  linkedConversationId: idSchema.nullable(),
});
export type Conversation = z.infer<typeof conversationSchema>;
