import { z } from 'zod';
import { siteSchema } from './page-context';
import { businessHoursSchema } from './business-hours';
import { prioritySchema } from './conversation';
import { recordBaseSchema, tagListSchema } from './common';
import { SLA_TARGET_KINDS, slaTargetKinds } from './sla-target-kinds';

const minutes = z.number().int().positive().max(60 * 24 * 90);

type Kinds = typeof SLA_TARGET_KINDS;
type TargetsShape = {
  [K in keyof Kinds as Kinds[K]['minutesField']]: Kinds[K]['required'] extends true ? typeof minutes : z.ZodOptional<typeof minutes>;
};

/** Each kind's minutes under its own field (see sla-target-kinds.ts), optional unless the kind is required. */
export const slaTargetsSchema = z.object(
  Object.fromEntries(
    slaTargetKinds.map((kind) => [SLA_TARGET_KINDS[kind].minutesField, SLA_TARGET_KINDS[kind].required ? minutes : minutes.optional()]),
  ) as TargetsShape,
);

/** Matched in `order`; the first policy whose conditions all hold applies. */
export const slaPolicySchema = recordBaseSchema.extend({
  name: z.string().trim().min(1).max(120),
  order: z.number().int(),
  enabled: z.boolean(),
  match: z.object({
    sites: z.array(siteSchema),
    priorities: z.array(prioritySchema),
    tags: tagListSchema,
  }),
  targets: slaTargetsSchema,
  /** Percent of a target's time after which we warn, e.g. 75. */
  warnAtPercent: z.number().int().min(1).max(99),
  businessHours: businessHoursSchema.nullable(),
  pauseOutsideBusinessHours: z.boolean(),
  autoAckSatisfiesFirstResponse: z.boolean(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
