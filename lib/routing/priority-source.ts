import type { ConversationEvent } from '@/lib/model';
import type { EscalationIntent } from '@/lib/replies/intent';

/** Why a priority was set: by an agent's hand, by an escalation intent, or by a routing rule. */
export type PrioritySource = { kind: 'hand' } | { kind: 'intent'; intent: EscalationIntent } | { kind: 'rule'; ruleId: string };

/** How the source is kept in the `prioritized` event's detail. */
export function prioritySourceDetail(source: PrioritySource): string {
  switch (source.kind) {
    case 'hand':
      return 'hand';
    case 'intent':
      return `intent:${source.intent}`;
    case 'rule':
      return `rule:${source.ruleId}`;
  }
}

/** Whether the priority the conversation has now is one an agent chose (the latest `prioritized` event says so). */
export function prioritySetByHand(events: readonly ConversationEvent[]): boolean {
  return events.findLast((event) => event.type === 'prioritized')?.detail === 'hand';
}
