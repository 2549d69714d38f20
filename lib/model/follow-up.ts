import { z } from 'zod';
import { idSchema, isoDateTimeSchema, recordBaseSchema } from './common';

/** A check-in we owe a contact ("is it working now?"), with its own clock. */
export const followUpSchema = recordBaseSchema.extend({
  contactId: idSchema,
  conversationId: idSchema.nullable(),
  dueAt: isoDateTimeSchema,
  reason: z.string().max(500),
  doneAt: isoDateTimeSchema.nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
