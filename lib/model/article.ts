import { z } from 'zod';
import { recordBaseSchema, tagListSchema } from './common';
import { languageSchema } from './template';

export const knowledgeArticleSchema = recordBaseSchema.extend({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(100_000),
  url: z.string().max(2000).nullable(),
  tags: tagListSchema,
  lang: languageSchema,
});
export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;
