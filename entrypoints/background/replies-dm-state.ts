/**
 * Whether a DM exists that a public reply may mention ("I've sent you a private message"): the
 * public conversation is linked to a private one AND that private one holds a message we sent since
 * the hand-off. A link alone only means Move to DM opened the private composer prefilled; until the
 * agent sends it and the page shows it, nothing was sent. Older messages of ours in that thread are
 * not about this matter.
 */
import type { ReplylineDb } from '@/lib/db/open';
import { messages } from '@/lib/db/messages';
import type { Conversation } from '@/lib/model';

export async function dmSentFor(db: ReplylineDb, publicConversation: Conversation | undefined): Promise<boolean> {
  const privateId = publicConversation?.linkedConversationId ?? null;
  if (!publicConversation || privateId === null) return false;
  const handOffAt = publicConversation.events.findLast((event) => event.type === 'handed-off')?.at;
  const range = IDBKeyRange.bound([privateId, ''], [privateId, '\uffff']);
  const values: unknown[] = await db.transaction('messages').store.index('by-conversation').getAll(range);
  return values.some((value) => {
    const message = messages.parse(value);
    return message.direction === 'out' && !message.deletedAt && (handOffAt === undefined || Date.parse(message.at) >= Date.parse(handOffAt));
  });
}
