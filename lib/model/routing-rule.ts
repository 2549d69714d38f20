import { z } from 'zod';
import { siteSchema } from './page-context';
import { prioritySchema } from './conversation';
import { tagListSchema } from './common';

/** "Me": whoever this replica's agent is (the connected team agent; with no backend, nobody to assign to). */
export const ME_AGENT = 'me';

/**
 * A routing rule, edited in the options page and kept per device. Its conditions all hold for a
 * conversation when each non-empty list matches (any site, any tag, any keyword in the customer's new
 * message); an empty list matches anything. A rule sets a priority, an owner, or both.
 */
export const routingRuleSchema = z
  .object({
    id: z.string().min(1).max(100),
    enabled: z.boolean(),
    when: z.object({
      sites: z.array(siteSchema),
      tags: tagListSchema,
      keywords: z.array(z.string().trim().min(1).max(100)).max(50),
    }),
    then: z.object({
      priority: prioritySchema.nullable(),
      /** An agent id of the team, or ME_AGENT. */
      assignTo: z.string().trim().min(1).max(200).nullable(),
    }),
  })
  .refine((rule) => rule.then.priority !== null || rule.then.assignTo !== null, {
    message: 'A rule must set a priority or an owner',
    path: ['then'],
  });
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const routingSettingsSchema = z.object({
  rules: z.array(routingRuleSchema).max(200),
});
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;

export const defaultRoutingSettings: RoutingSettings = { rules: [] };
