import { z } from 'zod';
import { contactStageSchema, siteSchema } from '@/lib/model';

const optionalText = (max: number) => z.string().trim().max(max);

/** What the agent may type about a contact; an empty string clears the field. */
export const contactFactsSchema = z.object({
  company: optionalText(200).optional(),
  position: optionalText(200).optional(),
  email: z.union([z.literal(''), z.email('not an e-mail address').max(320)]).optional(),
  phone: z
    .string()
    .trim()
    .max(100)
    .regex(/^[+()\d\s./-]*$/, 'a phone number has digits, spaces and + ( ) - . / only')
    .optional(),
});
export type ContactFacts = z.infer<typeof contactFactsSchema>;

export const contactRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  position: z.string().nullable(),
  stage: contactStageSchema,
  tags: z.array(z.string()),
  identities: z.array(z.object({ site: siteSchema, handle: z.string() })),
  lastSeenAt: z.string(),
});
export type ContactRowView = z.infer<typeof contactRowSchema>;

export const contactSearchAnswerSchema = z.object({
  rows: z.array(contactRowSchema),
  /** How many contacts matched; `rows` holds at most the request's limit of them. */
  total: z.number().int().nonnegative(),
});
export type ContactSearchAnswer = z.infer<typeof contactSearchAnswerSchema>;

export const historyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), at: z.string(), id: z.string(), body: z.string() }),
  z.object({
    kind: z.literal('conversation'),
    at: z.string(),
    id: z.string(),
    site: siteSchema,
    conversationKind: z.string(),
    status: z.string(),
    url: z.string(),
    preview: z.string().nullable(),
  }),
  z.object({ kind: z.literal('stage'), at: z.string(), stage: contactStageSchema }),
  z.object({ kind: z.literal('identity'), at: z.string(), site: siteSchema, handle: z.string(), profileUrl: z.string() }),
]);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const contactDetailSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  headline: z.string().nullable(),
  company: z.string().nullable(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  stage: contactStageSchema,
  tags: z.array(z.string()),
  identities: z.array(z.object({ site: siteSchema, handle: z.string(), profileUrl: z.string() })),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** Newest first. */
  history: z.array(historyEntrySchema),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

