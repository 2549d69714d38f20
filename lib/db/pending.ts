import { conversationSchema, type Conversation } from '@/lib/model';
import type { ReplylineDb } from './open';

/**
 * What the queue and the badge need of a conversation. Parsing only these fields (not the message
 * history or every past event) keeps the queue quick with thousands of conversations.
 */
export const queueEntrySchema = conversationSchema.pick({
  id: true,
  site: true,
  url: true,
  status: true,
  contactId: true,
  dueAt: true,
  snoozedUntil: true,
  waitingSince: true,
  targets: true,
  preview: true,
  deletedAt: true,
});
export type QueueEntry = Pick<Conversation, keyof typeof queueEntrySchema.shape>;

/** Conversations whose clock may still run: waiting on us, or snoozed while waiting. */
export async function activeConversations(db: ReplylineDb): Promise<QueueEntry[]> {
  const tx = db.transaction('conversations');
  const index = tx.store.index('by-status');
  const [waiting, snoozed] = await Promise.all([index.getAll('waiting'), index.getAll('snoozed')]);
  await tx.done;
  const entries: QueueEntry[] = [];
  for (const value of [...waiting, ...snoozed] as unknown[]) {
    const entry = queueEntrySchema.parse(value);
    if (!entry.deletedAt) entries.push(entry);
  }
  return entries;
}

/**
 * Whether time alone has changed this conversation since it was last computed: a snooze ended, or a
 * deadline passed that is not yet marked breached. Cheap, so a tick can skip the rest.
 */
export function isStale(conversation: Pick<QueueEntry, 'status' | 'snoozedUntil' | 'targets'>, nowIso: string): boolean {
  if (conversation.status === 'snoozed' && conversation.snoozedUntil !== null && conversation.snoozedUntil <= nowIso) return true;
  return conversation.targets.some((target) => target.metAt === null && !target.breached && target.dueAt <= nowIso);
}
