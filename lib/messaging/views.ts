import { z } from 'zod';
import { contactSchema, conversationSchema, noteSchema, pageKindSchema, personSchema, prioritySchema, siteSchema } from '@/lib/model';

/** What the panel shows about a contact: the record without its sync bookkeeping. */
export const contactViewSchema = contactSchema
  .pick({ id: true, displayName: true, headline: true, avatarUrl: true, stage: true, tags: true, firstSeenAt: true, lastSeenAt: true })
  .extend({ identities: z.array(z.object({ site: siteSchema, handle: z.string(), profileUrl: z.string() })) });
export type ContactView = z.infer<typeof contactViewSchema>;

export const noteViewSchema = noteSchema.pick({ id: true, body: true, createdAt: true, updatedAt: true });
export type NoteView = z.infer<typeof noteViewSchema>;

export const pageSummarySchema = z.object({ site: siteSchema, kind: pageKindSchema, misses: z.array(z.string()), url: z.string() });

/** Another agent in the conversation right now, as the team's presence stream said, until it lapses. */
export const teammatePresenceSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  activity: z.enum(['viewing', 'replying']),
  until: z.string(),
});
export type TeammatePresence = z.infer<typeof teammatePresenceSchema>;

/** Who owns a conversation and who else is in it; only with a team backend connected. */
export const conversationTeamSchema = z.object({
  /** `name` is null for an owner this replica has not heard of yet (no presence, not us). */
  owner: z.object({ id: z.string(), name: z.string().nullable(), isMe: z.boolean() }).nullable(),
  /** Replying ones first. */
  others: z.array(teammatePresenceSchema),
});
export type ConversationTeam = z.infer<typeof conversationTeamSchema>;

/** A conversation on the tab's page with its clock, as the panel shows it. */
export const conversationViewSchema = conversationSchema
  .pick({
    id: true,
    kind: true,
    status: true,
    priority: true,
    dueAt: true,
    waitingSince: true,
    firstResponseAt: true,
    resolvedAt: true,
    snoozedUntil: true,
    targets: true,
  })
  .extend({
    personName: z.string(),
    warnAt: z.string().nullable(),
    policyName: z.string().nullable(),
    /** Outside the policy's business hours: when they open again. */
    afterHours: z.object({ opensAt: z.string() }).nullable(),
    /** Null without a team backend. */
    team: conversationTeamSchema.nullable(),
  });
export type ConversationView = z.infer<typeof conversationViewSchema>;

/** Everything the panel renders for one tab. */
export const panelViewSchema = z.object({
  page: pageSummarySchema.nullable(),
  person: z.nullable(personSchema),
  /** The signed-in account, when the page is about it: the panel says "This is you". */
  self: z.nullable(personSchema).default(null),
  contact: contactViewSchema.nullable(),
  notes: z.array(noteViewSchema),
  conversations: z.array(conversationViewSchema),
  canTrack: z.boolean(),
  /** Tags already in use on any contact, for autocomplete (one spelling each). */
  knownTags: z.array(z.string()).default([]),
});
export type PanelView = z.infer<typeof panelViewSchema>;

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
