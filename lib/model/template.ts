import { z } from 'zod';
import { recordBaseSchema, tagListSchema } from './common';
import { siteSchema } from './page-context';

export const languageSchema = z.enum(['en', 'ja']);

/** What a reply can claim was done; the panel offers such a claim only once it is true (lib/replies/claims.ts). */
export const replyClaims = ['checked-order', 'dm-sent', 'refund-issued', 'issue-fixed'] as const;
export const replyClaimSchema = z.enum(replyClaims);
export type ReplyClaim = z.infer<typeof replyClaimSchema>;

/**
 * Where a reply may go: `public` (a post or comment thread), `private` (a DM), or `any`. Records
 * without it (older ones, templates written elsewhere) take it from their tags (lib/replies/candidate-meta.ts).
 */
export const replyChannelSchema = z.enum(['any', 'public', 'private']);
/** The sites a template is for: the sites the extension reads. */
export const replySiteSchema = siteSchema;

/** A reply with {{variables}}; `shortcut` calls it from the keyboard. */
export const replyTemplateSchema = recordBaseSchema.extend({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(10_000),
  lang: languageSchema,
  tags: tagListSchema,
  shortcut: z.string().regex(/^[a-z0-9-]{1,32}$/).nullable(),
  /** What the text says was done ("I’ve checked your order"); absent means nothing declared (the words are still read). */
  asserts: z.array(replyClaimSchema).max(replyClaims.length).optional(),
  /** Optional metadata; absent, it comes from the tags (`site:x`, `private`, `stage:lead`). */
  channel: replyChannelSchema.optional(),
  sites: z.array(replySiteSchema).max(siteSchema.options.length).optional(),
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;
