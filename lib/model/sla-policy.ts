import { z } from 'zod';
import { siteSchema } from './page-context';
import { businessHoursSchema } from './business-hours';
import { prioritySchema } from './conversation';
import { recordBaseSchema, tagListSchema } from './common';

const minutes = z.number().int().positive().max(60 * 24 * 90);

export const slaTargetsSchema = z.object({
  firstResponseMinutes: minutes,
  nextResponseMinutes: minutes.optional(),
  resolutionMinutes: minutes.optional(),
});

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
