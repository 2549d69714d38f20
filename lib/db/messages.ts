import { messageSchema, type Message } from '@/lib/model';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';

export const messages = createRepository('messages', messageSchema);

/** The latest message of a conversation that is not deleted. */
export async function lastMessageOf(db: ReplylineDb, conversationId: string): Promise<Message | undefined> {
  const range = IDBKeyRange.bound([conversationId, ''], [conversationId, '\uffff']);
  let cursor = await db.transaction('messages').store.index('by-conversation').openCursor(range, 'prev');
  while (cursor) {
    const message = messages.parse(cursor.value);
    if (!message.deletedAt) return message;
    cursor = await cursor.continue();
  }
  return undefined;
}
