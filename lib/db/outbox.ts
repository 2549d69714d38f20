import { outboxEntrySchema, type OutboxEntry } from '@/lib/sync/outbox-entry';
import type { ReplylineDb } from './open';

/** The oldest unpushed writes first. */
export async function pendingOutbox(db: ReplylineDb, limit: number): Promise<OutboxEntry[]> {
  const values: unknown[] = await db.getAll('outbox', undefined, limit);
  return values.map((value) => outboxEntrySchema.parse(value));
}

export async function outboxSize(db: ReplylineDb): Promise<number> {
  return db.count('outbox');
}
