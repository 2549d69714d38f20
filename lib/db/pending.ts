import type { Conversation } from '@/lib/model';
import { conversations } from './conversations';
import type { ReplylineDb } from './open';

/** Conversations whose clock may still run: waiting on us, or snoozed while waiting. */
export async function activeConversations(db: ReplylineDb): Promise<Conversation[]> {
  const tx = db.transaction('conversations');
  const index = tx.store.index('by-status');
  const [waiting, snoozed] = await Promise.all([index.getAll('waiting'), index.getAll('snoozed')]);
  await tx.done;
  return [...waiting, ...snoozed].map((value: unknown) => conversations.parse(value)).filter((conversation) => !conversation.deletedAt);
}

/**
 * Whether time alone has changed this conversation since it was last computed: a snooze ended, or a
 * deadline passed that is not yet marked breached. Cheap, so a tick can skip the rest.
 */
export function isStale(conversation: Conversation, nowIso: string): boolean {
  if (conversation.status === 'snoozed' && conversation.snoozedUntil !== null && conversation.snoozedUntil <= nowIso) return true;
  return conversation.targets.some((target) => target.metAt === null && !target.breached && target.dueAt <= nowIso);
}
