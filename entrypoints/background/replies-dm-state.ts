/**
 * Whether a DM exists that a public reply may mention ("I've sent you a private message"): the
 * public conversation is linked to a private one AND that private one holds a message we sent.
 * A link alone only means Move to DM opened the private composer prefilled; until the agent sends
 * it and the page shows it, nothing was sent.
 */
import type { ReplylineDb } from '@/lib/db/open';
import { messages } from '@/lib/db/messages';
import type { Conversation } from '@/lib/model';

export async function dmSentFor(db: ReplylineDb, publicConversation: Conversation | undefined): Promise<boolean> {
  const privateId = publicConversation?.linkedConversationId ?? null;
  if (privateId === null) return false;
  const range = IDBKeyRange.bound([privateId, ''], [privateId, '\uffff']);
  const values: unknown[] = await db.transaction('messages').store.index('by-conversation').getAll(range);
  return values.some((value) => {
    const message = messages.parse(value);
    return message.direction === 'out' && !message.deletedAt;
  });
}
