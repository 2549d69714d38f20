import type { Conversation, ConversationStatus } from '@/lib/model';

/**
 * Where a conversation stands: resolved until they write again; waiting when the last word is theirs,
 * unless snoozed (until the snooze ends or they write again); open when the ball is in their court.
 */
export function statusOf(
  conversation: Pick<Conversation, 'snoozedUntil' | 'resolvedAt'>,
  evaluation: { waitingOnUs: boolean; resolvedAt: string | null },
  nowIso: string,
): { status: ConversationStatus; snoozedUntil: string | null } {
  if (evaluation.resolvedAt && !evaluation.waitingOnUs) return { status: 'resolved', snoozedUntil: null };
  if (!evaluation.waitingOnUs) return { status: 'open', snoozedUntil: null };
  const snoozedUntil = conversation.snoozedUntil;
  if (snoozedUntil && snoozedUntil > nowIso) return { status: 'snoozed', snoozedUntil };
  return { status: 'waiting', snoozedUntil: null };
}
