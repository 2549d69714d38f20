import { z } from 'zod';
import { siteSchema } from './page-context';
import { idSchema, isoDateTimeSchema, recordBaseSchema } from './common';
import { slaTargetKinds, type SlaTargetKind } from './sla-target-kinds';

export const conversationStatusSchema = z.enum(['open', 'waiting', 'snoozed', 'resolved']);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

export const slaTargetKindSchema = z.enum(slaTargetKinds as [SlaTargetKind, ...SlaTargetKind[]]);

export const slaTargetStateSchema = z.object({
  kind: slaTargetKindSchema,
  dueAt: isoDateTimeSchema,
  metAt: isoDateTimeSchema.nullable(),
  breached: z.boolean(),
  /** When the clock started (the customer's message, or a reopening); null in records stored before it was kept. */
  startedAt: isoDateTimeSchema.nullable().default(null),
  /** When the warning threshold is (or was) reached; null in records stored before it was kept. */
  warnAt: isoDateTimeSchema.nullable().default(null),
});

/**
 * What people did to a conversation, besides the messages: the SLA clocks and the metrics read these.
 * `replied` is a reply the agent marks as sent elsewhere (the page never showed it to us); `acknowledged`
 * holds the after-hours acknowledgement put into the composer, so that the message it becomes is known as one.
 * `prioritized` says who set the priority: `detail` is 'hand' when an agent chose it, else the automatic reason
 * (see lib/routing/priority-source.ts), so automatic routing never lowers what an agent chose.
 */
export const conversationEventSchema = z.object({
  type: z.enum(['tracked', 'replied', 'acknowledged', 'resolved', 'reopened', 'snoozed', 'unsnoozed', 'assigned', 'handed-off', 'prioritized']),
  at: isoDateTimeSchema,
  by: z.string().max(200).optional(),
  until: isoDateTimeSchema.optional(),
  detail: z.string().max(2000).optional(),
});
export type ConversationEvent = z.infer<typeof conversationEventSchema>;

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
  /** The latest message from them, kept on the record so the pending queue needs no second query. */
  preview: z
    .object({ authorName: z.string().max(200), text: z.string().max(280), at: isoDateTimeSchema })
    .nullable()
    .default(null),
  /** Oldest first; stores written before events existed read as none. */
  events: z.array(conversationEventSchema).max(500).default([]),
});
export type Conversation = z.infer<typeof conversationSchema>;
