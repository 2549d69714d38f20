import type { Contact, Conversation, Message, SlaPolicy } from '@/lib/model';
import { evaluateSla } from '@/lib/sla/evaluate';
import { matchPolicy } from '@/lib/sla/match-policy';
import { statusOf } from './status';
import { timelineOf } from './timeline';

/** The fields of a conversation that follow from its messages, events, policy and the time. */
export type DerivedFields = Pick<
  Conversation,
  'status' | 'policyId' | 'targets' | 'dueAt' | 'snoozedUntil' | 'waitingSince' | 'firstResponseAt' | 'resolvedAt' | 'preview'
>;

function previewOf(messages: readonly Message[]): Conversation['preview'] {
  const last = messages.findLast((message) => message.direction === 'in' && !message.deletedAt);
  return last ? { authorName: last.authorName, text: last.text.replace(/\s+/g, ' ').trim().slice(0, 280), at: last.at } : null;
}

export function nextConversationState(
  conversation: Conversation,
  messages: readonly Message[],
  policies: readonly SlaPolicy[],
  contact: Pick<Contact, 'tags'> | undefined,
  nowIso: string,
): DerivedFields {
  const policy = matchPolicy([...policies], {
    site: conversation.site,
    priority: conversation.priority,
    tags: contact?.tags ?? [],
  });
  const evaluation = evaluateSla(policy, timelineOf(conversation, messages), nowIso);
  const { status, snoozedUntil } = statusOf(conversation, evaluation, nowIso);
  const active = status === 'waiting' || status === 'snoozed';
  return {
    status,
    snoozedUntil,
    policyId: policy?.id ?? null,
    targets: evaluation.targets,
    dueAt: active ? evaluation.dueAt : null,
    waitingSince: evaluation.waitingSince,
    firstResponseAt: evaluation.firstResponseAt,
    resolvedAt: evaluation.resolvedAt,
    preview: previewOf(messages),
  };
}
