import type { Conversation, ConversationEvent } from '@/lib/model';
import { prioritySourceDetail } from './priority-source';
import type { RoutingDecision } from './route-conversation';

export type RoutingPatch = Pick<Conversation, 'events'> & Partial<Pick<Conversation, 'priority' | 'ownerId'>>;

/** The fields a routing decision changes, with an event for each change (so the history says why); null when nothing changes. */
export function routingPatch(conversation: Pick<Conversation, 'events'>, decision: RoutingDecision, at: string): RoutingPatch | null {
  const added: ConversationEvent[] = [];
  const patch: Partial<Pick<Conversation, 'priority' | 'ownerId'>> = {};
  if (decision.priority) {
    patch.priority = decision.priority.value;
    added.push({ type: 'prioritized', at, by: 'routing', detail: `${prioritySourceDetail(decision.priority.source)} → ${decision.priority.value}` });
  }
  if (decision.ownerId) {
    patch.ownerId = decision.ownerId;
    added.push({ type: 'assigned', at, by: 'routing', detail: decision.ownerId });
  }
  if (added.length === 0) return null;
  return { ...patch, events: [...conversation.events, ...added].slice(-500) };
}
