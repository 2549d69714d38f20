import { z } from 'zod';
import { idSchema, isoDateTimeSchema, recordBaseSchema } from './common';

/** One message or comment of a conversation, as read from the page. */
export const messageSchema = recordBaseSchema.extend({
  conversationId: idSchema,
  direction: z.enum(['in', 'out']),
  authorHandle: z.string().max(200),
  authorName: z.string().max(200),
  text: z.string().max(50_000),
  /** When the site says it was sent; else when we first saw it. */
  at: isoDateTimeSchema,
  /** Stable across re-reads of the page, so the same message seen twice is stored once. */
  fingerprint: z.string().min(1).max(200),
  /** Ours, and the after-hours acknowledgement the panel offered: it may not count as a first response. */
  autoAck: z.boolean().optional(),
});
export type Message = z.infer<typeof messageSchema>;
