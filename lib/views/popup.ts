import { z } from 'zod';
import { prioritySchema, siteSchema } from '@/lib/model';
import { contactViewSchema } from './panel';

/** Where a queued conversation is: in public (a post or its comments) or in private (a DM), on which site. */
export const pendingPlaceSchema = z.object({
  conversationId: z.string(),
  site: siteSchema,
  where: z.enum(['public', 'private']),
  url: z.string(),
});
export type PendingPlace = z.infer<typeof pendingPlaceSchema>;

/**
 * One row of the pending queue: a conversation waiting on us (a public comment and the DM it moved to
 * count as one, with both places), or a check-in that is due.
 */
export const pendingItemSchema = z.object({
  kind: z.enum(['conversation', 'follow-up']),
  id: z.string(),
  conversationId: z.string().nullable(),
  site: z.nullable(siteSchema),
  personName: z.string(),
  excerpt: z.string(),
  url: z.string(),
  status: z.enum(['waiting', 'snoozed', 'due']),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  waitingSince: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  /** Null for a check-in. */
  priority: prioritySchema.nullable(),
  /** The conversation's places, the one the row opens first; none for a check-in without a conversation. */
  places: z.array(pendingPlaceSchema).max(2),
});
export type PendingItem = z.infer<typeof pendingItemSchema>;

/** The popup's queue: its most urgent rows, and how many wait (check-ins included) and are snoozed in all. */
export const pendingPageSchema = z.object({
  items: z.array(pendingItemSchema),
  waitingCount: z.number().int().min(0),
  snoozedCount: z.number().int().min(0),
});
export type PendingPage = z.infer<typeof pendingPageSchema>;

export const recentContactSchema = contactViewSchema.pick({
  id: true,
  displayName: true,
  headline: true,
  stage: true,
  lastSeenAt: true,
  identities: true,
});
export type RecentContact = z.infer<typeof recentContactSchema>;
