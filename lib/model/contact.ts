import { z } from 'zod';
import { idSchema, isoDateTimeSchema, recordBaseSchema, tagListSchema } from './common';

export const contactStageSchema = z.enum(['new', 'lead', 'contacted', 'qualified', 'customer', 'churned']);
export type ContactStage = z.infer<typeof contactStageSchema>;
export const contactStages = contactStageSchema.options;

/** One change of a contact's stage, as the agent made it (oldest first on the contact). */
export const stageChangeSchema = z.object({ stage: contactStageSchema, at: isoDateTimeSchema });
export type StageChange = z.infer<typeof stageChangeSchema>;
export const STAGE_HISTORY_MAX = 100;

/** A person we sell to or serve, across sites; their per-site accounts are identities. */
export const contactSchema = recordBaseSchema.extend({
  displayName: z.string().max(200),
  headline: z.string().max(500).optional(),
  avatarUrl: z.string().max(2000).optional(),
  company: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  /** The job title: typed by the agent, or a Connections.csv Position or a CSV Title column on import. */
  position: z.string().max(200).optional(),
  phone: z.string().max(100).optional(),
  stage: contactStageSchema,
  tags: tagListSchema,
  firstSeenAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  /** Stage changes made here or on a teammate's replica; contacts stored before it was kept read as none. */
  stageHistory: z.array(stageChangeSchema).max(STAGE_HISTORY_MAX).optional(),
  /** Set on the contact a manual merge folded into another one (which is then tombstoned). */
  mergedInto: idSchema.optional(),
});
export type Contact = z.infer<typeof contactSchema>;
