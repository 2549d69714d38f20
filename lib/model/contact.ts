import { z } from 'zod';
import { isoDateTimeSchema, recordBaseSchema, tagListSchema } from './common';

export const contactStageSchema = z.enum(['new', 'lead', 'contacted', 'qualified', 'customer', 'churned']);
export type ContactStage = z.infer<typeof contactStageSchema>;
export const contactStages = contactStageSchema.options;

/** A person we sell to or serve, across sites; their per-site accounts are identities. */
export const contactSchema = recordBaseSchema.extend({
  displayName: z.string().max(200),
  headline: z.string().max(500).optional(),
  avatarUrl: z.string().max(2000).optional(),
  company: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  stage: contactStageSchema,
  tags: tagListSchema,
  firstSeenAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
});
export type Contact = z.infer<typeof contactSchema>;
