import { z } from 'zod';
import { contactSchema, noteSchema, pageKindSchema, personSchema, siteSchema } from '@/lib/model';

/** What the panel shows about a contact: the record without its sync bookkeeping. */
export const contactViewSchema = contactSchema
  .pick({ id: true, displayName: true, headline: true, avatarUrl: true, stage: true, tags: true, firstSeenAt: true, lastSeenAt: true })
  .extend({ identities: z.array(z.object({ site: siteSchema, handle: z.string(), profileUrl: z.string() })) });
export type ContactView = z.infer<typeof contactViewSchema>;

export const noteViewSchema = noteSchema.pick({ id: true, body: true, createdAt: true, updatedAt: true });
export type NoteView = z.infer<typeof noteViewSchema>;

export const pageSummarySchema = z.object({ site: siteSchema, kind: pageKindSchema, misses: z.array(z.string()), url: z.string() });

/** Everything the panel renders for one tab. */
export const panelViewSchema = z.object({
  page: pageSummarySchema.nullable(),
  person: z.nullable(personSchema),
  contact: contactViewSchema.nullable(),
  notes: z.array(noteViewSchema),
});
export type PanelView = z.infer<typeof panelViewSchema>;

export const pendingItemSchema = z.object({
  conversationId: z.string(),
  site: siteSchema,
  personName: z.string(),
  excerpt: z.string(),
  url: z.string(),
  dueAt: z.string().nullable(),
});
export type PendingItem = z.infer<typeof pendingItemSchema>;

export const recentContactSchema = contactViewSchema.pick({
  id: true,
  displayName: true,
  headline: true,
  stage: true,
  lastSeenAt: true,
  identities: true,
});
export type RecentContact = z.infer<typeof recentContactSchema>;
