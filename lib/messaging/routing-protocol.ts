import { z } from 'zod';
import { routingSettingsSchema } from '@/lib/model';
import { route } from './route';

/** An agent a rule can assign to: this replica's own ("me"), or a teammate the team connection named. */
export const routingAgentSchema = z.object({ id: z.string(), name: z.string(), isMe: z.boolean() });
export type RoutingAgent = z.infer<typeof routingAgentSchema>;

/** The options page's routing section, and opening a queued conversation from the popup. */
export const routingProtocol = {
  'routing.get': route(
    z.object({}),
    z.object({
      settings: routingSettingsSchema,
      agents: z.array(routingAgentSchema),
      /** Whether the team backend can tell teammates of a coming breach (it has no notice event yet). */
      teamNotices: z.boolean(),
    }),
  ),
  'routing.save': route(routingSettingsSchema, routingSettingsSchema),
  /**
   * From the popup: focuses a tab already showing one of the conversations (a public comment and its
   * DM are one row), else one at the URL, else opens the URL. Only the supported sites' https pages.
   */
  'conversation.open': route(
    z.object({ conversationIds: z.array(z.string().min(1).max(200)).min(1).max(2), url: z.url({ protocol: /^https$/ }) }),
    z.object({ focused: z.boolean() }),
  ),
} as const;
