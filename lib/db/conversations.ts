import { conversationSchema, type Conversation, type ConversationStatus } from '@/lib/model';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';

export const conversations = createRepository('conversations', conversationSchema);

export async function conversationsWithStatus(db: ReplylineDb, status: ConversationStatus): Promise<Conversation[]> {
  const values: unknown[] = await db.getAllFromIndex('conversations', 'by-status', status);
  return values.map(conversations.parse).filter((conversation) => !conversation.deletedAt);
}
