import { z } from 'zod';

export const siteSchema = z.enum(['linkedin', 'x', 'facebook', 'instagram']);
export type Site = z.infer<typeof siteSchema>;

export const personSchema = z.object({
  handle: z.string().min(1),
  profileUrl: z.string(),
  displayName: z.string(),
  headline: z.string().optional(),
  avatarUrl: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

const direction = z.enum(['in', 'out']);

export const pageMessageSchema = z.object({
  author: personSchema,
  direction,
  text: z.string(),
  at: z.string().optional(),
});
export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageContextSchema = z.object({
  site: siteSchema,
  kind: z.enum(['profile', 'conversation', 'post', 'inbox', 'other']),
  person: personSchema.optional(),
  me: personSchema.optional(),
  conversation: z
    .object({
      threadKey: z.string().min(1),
      participants: z.array(personSchema),
      messages: z.array(pageMessageSchema),
    })
    .optional(),
  post: z
    .object({
      threadKey: z.string().min(1),
      author: personSchema,
      text: z.string(),
      at: z.string().optional(),
      comments: z.array(pageMessageSchema),
    })
    .optional(),
  inbox: z
    .array(
      z.object({
        threadKey: z.string().min(1),
        person: personSchema,
        excerpt: z.string(),
        at: z.string().optional(),
        unread: z.boolean(),
      }),
    )
    .optional(),
  misses: z.array(z.string()),
});
export type PageContext = z.infer<typeof pageContextSchema>;
