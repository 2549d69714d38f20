import { ME_AGENT, type Conversation, type Priority, type RoutingRule } from '@/lib/model';
import { escalationOf } from './escalation-priority';
import { readsMessage, ruleMatches, type RoutingSubject } from './match-rule';
import { priorityRank } from './priority-rank';
import { prioritySetByHand, type PrioritySource } from './priority-source';

export interface RoutingDecision {
  /** Set only when it raises the conversation's priority. */
  priority: { value: Priority; source: PrioritySource } | null;
  /** Set only when the conversation has no owner yet. */
  ownerId: string | null;
}

export interface RoutingContext {
  rules: readonly RoutingRule[];
  /** This replica's agent id on the team backend; null without one (ME_AGENT then assigns nobody). */
  meAgentId: string | null;
}

type Candidate = { value: Priority; source: PrioritySource; readsMessage: boolean };

function highest(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const candidate of candidates) if (!best || priorityRank(candidate.value) > priorityRank(best.value)) best = candidate;
  return best;
}

/**
 * What routing does when a conversation is captured or a customer message arrives: the escalation
 * intents of the new messages and the matching rules may raise the priority (never lower it); a
 * priority an agent chose by hand is raised only by what the new message says (an escalation, a
 * keyword rule), never by a rule on site or tag alone. The first matching rule with an owner assigns
 * a conversation nobody owns yet.
 */
export function routeConversation(
  conversation: Pick<Conversation, 'priority' | 'ownerId' | 'events'>,
  subject: RoutingSubject,
  context: RoutingContext,
): RoutingDecision {
  const matching = context.rules.filter((rule) => ruleMatches(rule, subject));
  const candidates: Candidate[] = [];
  const escalation = escalationOf(subject.newTexts);
  if (escalation) candidates.push({ value: escalation.priority, source: { kind: 'intent', intent: escalation.intent }, readsMessage: true });
  for (const rule of matching) {
    if (rule.then.priority) candidates.push({ value: rule.then.priority, source: { kind: 'rule', ruleId: rule.id }, readsMessage: readsMessage(rule) });
  }
  const handSet = prioritySetByHand(conversation.events);
  const candidate = highest(candidates.filter((one) => !handSet || one.readsMessage));
  const raised = candidate !== null && priorityRank(candidate.value) > priorityRank(conversation.priority) ? candidate : null;
  const assignTo = conversation.ownerId === null ? matching.find((rule) => rule.then.assignTo !== null)?.then.assignTo : undefined;
  const ownerId = assignTo === undefined || assignTo === null ? null : assignTo === ME_AGENT ? context.meAgentId : assignTo;
  return { priority: raised ? { value: raised.value, source: raised.source } : null, ownerId };
}
