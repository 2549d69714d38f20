import { z } from 'zod';
import { recordBaseSchema, tagListSchema } from './common';
import { languageSchema, replyChannelSchema, replyClaimSchema, replyClaims, replySiteSchema } from './template';

/**
 * A knowledge-base article. `body` is what the agent needs to know (internal notes, shown to the
 * agent, never inserted); `customerText` is what may be said to the customer, and only it (or the
 * article's link) goes into a reply box. Articles stored before the split have no
 * `customerText`: they are shown, and offered as a link where they have one, never pasted whole.
 */
export const knowledgeArticleSchema = recordBaseSchema.extend({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(100_000),
  url: z.string().max(2000).nullable(),
  tags: tagListSchema,
  lang: languageSchema,
  customerText: z.string().max(5_000).optional(),
  asserts: z.array(replyClaimSchema).max(replyClaims.length).optional(),
  channel: replyChannelSchema.optional(),
  sites: z.array(replySiteSchema).max(replySiteSchema.options.length).optional(),
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;
