import { z } from 'zod';
import { idSchema, replyClaimSchema } from '@/lib/model';
import { SENSITIVE_KINDS } from '@/lib/replies/sensitive-types';

export const langSchema = z.enum(['en', 'ja']);
const sensitiveKindSchema = z.enum(SENSITIVE_KINDS);

export const channelSchema = z.enum(['public', 'private']);

/** Why a suggestion was changed or withheld (lib/replies/prepare-reply.ts), for the panel to say. */
export const replyNoteSchema = z.discriminatedUnion('code', [
  z.object({ code: z.enum(['customer-value', 'own-value']), kind: sensitiveKindSchema }),
  z.object({ code: z.literal('left-out'), variable: z.string() }),
  z.object({ code: z.enum(['promise', 'unverified']), claim: replyClaimSchema }),
  z.object({ code: z.enum(['private-only', 'internal-only']) }),
]);
export type ReplyNoteView = z.infer<typeof replyNoteSchema>;

export const suggestionViewSchema = z.object({
  id: idSchema,
  kind: z.enum(['template', 'article', 'past-reply']),
  title: z.string(),
  /** The filled text; a variable still missing stands as `[[name]]`. */
  text: z.string(),
  missing: z.array(z.string()),
  complete: z.boolean(),
  /** This template, or this very reply, already went to this person. */
  alreadySent: z.boolean(),
  shortcut: z.string().nullable(),
  url: z.string().nullable(),
  lang: langSchema.nullable(),
  /** Where this text may go: this page's reply box, or (private on a public page) only a private message. */
  channel: channelSchema,
  /** May go into this page's reply box (once nothing is missing). */
  insertable: z.boolean(),
  notes: z.array(replyNoteSchema),
  /** Articles: the internal notes, for the agent's eyes only. */
  internalNotes: z.string().nullable(),
});
export type SuggestionView = z.infer<typeof suggestionViewSchema>;

/** What the panel shows about a found item: its kind and the text with most of it masked. */
export const sensitiveFindingViewSchema = z.object({ kind: sensitiveKindSchema, masked: z.string() });

export const moveToDmViewSchema = z.object({
  /** Shown prominently: the public text holds personal data, account talk or strong anger. */
  suggested: z.boolean(),
  reasons: z.array(sensitiveKindSchema),
  publicReply: z.string(),
  privateMessage: z.string().nullable(),
  /**
   * How the private channel opens: a message composer (`dm`), the person's profile where the site's
   * own Message button is (X without their numeric id), or not at all (`none`).
   */
  opens: z.enum(['dm', 'profile', 'none']),
  channelUrl: z.string().nullable(),
  /** The channel's URL carries the message itself; otherwise Replyline fills the composer once it opens. */
  prefilledByUrl: z.boolean(),
  alternative: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('connection-request'), note: z.string(), publicReply: z.string(), url: z.string().nullable() }),
      z.object({ kind: z.literal('public-ask'), publicReply: z.string() }),
    ])
    .nullable(),
  /** Already linked to a private conversation. */
  linked: z.boolean(),
});
export type MoveToDmView = z.infer<typeof moveToDmViewSchema>;

/** The reply help for the message or comment on screen. */
export const repliesViewSchema = z.object({
  subject: z
    .object({
      text: z.string(),
      authorName: z.string(),
      /** The author's handle: whom the reply goes to. */
      authorHandle: z.string(),
      /** The @handle to show beside the name, only on sites that address people by it (X, Instagram). */
      mention: z.string().optional(),
      source: z.enum(['message', 'comment', 'post']),
    })
    .nullable(),
  /** Other messages or comments on the page the agent may answer instead (index = choice). */
  choices: z.array(z.object({ authorName: z.string(), text: z.string() })),
  choice: z.number().int().nonnegative().nullable(),
  lang: langSchema,
  /** The message's own language; `lang` differs when the agent asked for the other one. */
  messageLang: langSchema,
  /** The reply box on this page. */
  channel: channelSchema,
  /** What the site allows in this reply box, and how it counts. */
  limit: z.object({ limit: z.number().int().positive(), counting: z.enum(['weighted', 'graphemes']) }),
  /** What is done and may be said so (a DM exists; what the agent ticked). */
  done: z.array(replyClaimSchema),
  suggestions: z.array(suggestionViewSchema),
  sensitive: z.object({
    suggestPrivate: z.boolean(),
    reasons: z.array(sensitiveKindSchema),
    findings: z.array(sensitiveFindingViewSchema),
  }),
  moveToDm: moveToDmViewSchema.nullable(),
  /** A reply provider is configured and switched on. */
  canGenerate: z.boolean(),
});
export type RepliesView = z.infer<typeof repliesViewSchema>;

export const insertTargetSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('suggestion'), kind: z.enum(['template', 'article', 'past-reply']), id: idSchema, channel: channelSchema.optional() }),
  z.object({ by: z.literal('shortcut'), shortcut: z.string().trim().toLowerCase().min(1).max(32) }),
  z.object({ by: z.literal('generated'), generationId: idSchema }),
]);
export type InsertTarget = z.infer<typeof insertTargetSchema>;

export const insertResultSchema = z.object({
  inserted: z.boolean(),
  /**
   * Why nothing went in: no reply box on the page, variables still to fill, nothing by that name, text
   * unfit for a composer, text the safety gate refused for a public box (`unsafe`, with `message`),
   * text meant for a private message only, or text over the site's limit without the agent's confirmation.
   */
  reason: z.enum(['no-composer', 'incomplete', 'not-found', 'unfit', 'unsafe', 'private-only', 'over-limit']).nullable(),
  missing: z.array(z.string()),
  message: z.string().nullable().default(null),
  /** The reply box's length after the insert, as the site counts it. */
  length: z.number().int().nonnegative().nullable().default(null),
});
export type InsertResult = z.infer<typeof insertResultSchema>;

export const replyProviderViewSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string(),
  model: z.string(),
  /** A key is stored; the key itself never leaves the background. */
  hasKey: z.boolean(),
});
export type ReplyProviderView = z.infer<typeof replyProviderViewSchema>;

