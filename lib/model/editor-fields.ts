import type { z } from 'zod';
import { knowledgeArticleSchema } from './article';
import { slaPolicySchema } from './sla-policy';
import { replyTemplateSchema } from './template';

/** What the editor sets of a policy; the background owns ids, times, stamps and the order. */
export const policyFieldsSchema = slaPolicySchema.pick({
  name: true,
  enabled: true,
  match: true,
  targets: true,
  warnAtPercent: true,
  businessHours: true,
  pauseOutsideBusinessHours: true,
  autoAckSatisfiesFirstResponse: true,
});
export type PolicyFields = z.infer<typeof policyFieldsSchema>;

export const templateFieldsSchema = replyTemplateSchema.pick({ title: true, body: true, lang: true, tags: true, shortcut: true });
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

/** `body` is the internal notes (never inserted); `customerText` what may be said to the customer. */
export const articleFieldsSchema = knowledgeArticleSchema.pick({ title: true, body: true, customerText: true, url: true, tags: true, lang: true });
export type ArticleFields = z.infer<typeof articleFieldsSchema>;
