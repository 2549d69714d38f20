import { z } from 'zod';
import { recordBaseSchema, tagListSchema } from './common';

export const languageSchema = z.enum(['en', 'ja']);

/** A reply with {{variables}}; `shortcut` calls it from the keyboard. */
export const replyTemplateSchema = recordBaseSchema.extend({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(10_000),
  lang: languageSchema,
  tags: tagListSchema,
  shortcut: z.string().regex(/^[a-z0-9-]{1,32}$/).nullable(),
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;
