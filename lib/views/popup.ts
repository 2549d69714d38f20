import { z } from 'zod';
import { siteSchema } from '@/lib/model';
import { contactViewSchema } from './panel';

/** One row of the pending queue: a conversation waiting on us, or a check-in that is due. */
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
