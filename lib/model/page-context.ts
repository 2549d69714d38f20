// zod/mini: the content scripts parse with these, and the full zod would triple their size.
import * as z from 'zod/mini';

export const siteSchema = z.enum(['linkedin', 'x', 'facebook', 'instagram']);
export type Site = z.infer<typeof siteSchema>;

export const personSchema = z.object({
  handle: z.string().check(z.minLength(1)),
  profileUrl: z.string(),
  displayName: z.string(),
  headline: z.optional(z.string()),
  avatarUrl: z.optional(z.string()),
});
export type Person = z.infer<typeof personSchema>;

const direction = z.enum(['in', 'out']);

export const pageMessageSchema = z.object({
  author: personSchema,
  direction,
  text: z.string(),
  at: z.optional(z.string()),
});
export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageKindSchema = z.enum(['profile', 'conversation', 'post', 'inbox', 'other']);

export const pageContextSchema = z.object({
  site: siteSchema,
  kind: pageKindSchema,
  person: z.optional(personSchema),
  me: z.optional(personSchema),
  conversation: z.optional(
    z.object({
      threadKey: z.string().check(z.minLength(1)),
      participants: z.array(personSchema),
      messages: z.array(pageMessageSchema),
    }),
  ),
  post: z.optional(
    z.object({
      threadKey: z.string().check(z.minLength(1)),
      author: personSchema,
      text: z.string(),
      at: z.optional(z.string()),
      comments: z.array(pageMessageSchema),
    }),
  ),
  inbox: z.optional(
    z.array(
      z.object({
        threadKey: z.string().check(z.minLength(1)),
        person: personSchema,
        excerpt: z.string(),
        at: z.optional(z.string()),
        unread: z.boolean(),
      }),
    ),
  ),
  misses: z.array(z.string()),
});
export type PageContext = z.infer<typeof pageContextSchema>;
