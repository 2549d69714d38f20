import { z } from 'zod';
import { idSchema, recordBaseSchema } from './common';

export const NOTE_MAX_LENGTH = 10_000;

export const noteBodySchema = z.string().trim().min(1).max(NOTE_MAX_LENGTH);

/** Plain text, always rendered as text. */
export const noteSchema = recordBaseSchema.extend({
  contactId: idSchema,
  body: noteBodySchema,
});
export type Note = z.infer<typeof noteSchema>;
