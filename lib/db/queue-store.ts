import type { ReplylineDb } from './open';
import { isQueued, nextAlertMs, queueEntryOf, queueEntrySchema, warningKey, type QueueEntry } from './queue';

/** What keeping the queue store needs of an object store, in whichever transaction writes the conversation. */
export interface QueueStoreView {
  get(key: string): Promise<unknown>;
  put(value: QueueEntry): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

type QueueSource = Parameters<typeof queueEntryOf>[0];

/**
 * Brings the conversation's queue entry in line with the conversation just stored in the same
 * transaction. Not awaiting the result is allowed (bulk writers queue it): the put is issued from a
 * request callback, while the transaction is still active.
 */
export async function indexConversationIn(store: QueueStoreView, conversation: QueueSource): Promise<void> {
  if (!isQueued(conversation)) {
    await store.delete(conversation.id);
    return;
  }
  const stored = queueEntrySchema.safeParse(await store.get(conversation.id));
  const entry = queueEntryOf(conversation, stored.success ? stored.data : undefined);
  if (entry) await store.put(entry);
}

const parse = (value: unknown): QueueEntry => queueEntrySchema.parse(value);

/** The first `limit` entries in the queue's order (the nearest deadline first, then the longest waiting). */
export async function queueHead(db: ReplylineDb, limit: number): Promise<QueueEntry[]> {
  const values: unknown[] = await db.getAllFromIndex('queue', 'by-order', null, limit);
  return values.map(parse);
}

export async function queueCounts(db: ReplylineDb): Promise<{ waiting: number; snoozed: number }> {
  const tx = db.transaction('queue');
  const index = tx.store.index('by-status');
  const [waiting, snoozed] = await Promise.all([index.count('waiting'), index.count('snoozed')]);
  await tx.done;
  return { waiting, snoozed };
}

/** What the badge's colour needs: the nearest deadline and the nearest warning among waiting entries. */
export async function queueUrgencyMarks(db: ReplylineDb): Promise<{ earliestDueMs: number | null; earliestWarnMs: number | null }> {
  const tx = db.transaction('queue');
  const [due, warn] = await Promise.all([tx.store.index('by-waiting-due').openKeyCursor(), tx.store.index('by-waiting-warn').openKeyCursor()]);
  await tx.done;
  return { earliestDueMs: due ? due.key : null, earliestWarnMs: warn ? warn.key : null };
}

/** Ids of the entries time alone has changed by `nowMs` (a snooze ended, a deadline passed unmarked). */
export async function staleQueueIds(db: ReplylineDb, nowMs: number): Promise<string[]> {
  const keys = await db.getAllKeysFromIndex('queue', 'by-stale', IDBKeyRange.upperBound(nowMs));
  return keys.map(String);
}

/** The next instant after `nowMs` at which what the queue shows changes, if any. */
export async function nextQueueInstantMs(db: ReplylineDb, nowMs: number): Promise<number | null> {
  const cursor = await db.transaction('queue').store.index('by-instant').openKeyCursor(IDBKeyRange.lowerBound(nowMs, true));
  return cursor ? cursor.key : null;
}

/** Waiting entries with a threshold crossed by `nowMs` and not warned about yet, the most overdue first. */
export async function alertsDue(db: ReplylineDb, nowMs: number): Promise<QueueEntry[]> {
  const values: unknown[] = await db.getAllFromIndex('queue', 'by-alert', IDBKeyRange.upperBound(nowMs));
  return values.map(parse);
}

/**
 * Records the warnings shown, each against the entry as it is now: a key for a deadline the entry
 * no longer has (the conversation changed meanwhile) is dropped, so the new deadline warns again.
 */
export async function markWarned(db: ReplylineDb, shown: ReadonlyArray<{ id: string; key: string }>): Promise<void> {
  if (shown.length === 0) return;
  const tx = db.transaction('queue', 'readwrite');
  await Promise.all(
    shown.map(async ({ id, key }) => {
      const stored = queueEntrySchema.safeParse(await tx.store.get(id));
      if (!stored.success || stored.data.dueAt === null || !key.endsWith(`@${stored.data.dueAt}`)) return;
      if (stored.data.warned.includes(key)) return;
      const next: QueueEntry = { ...stored.data, warned: [...stored.data.warned, key] };
      delete next.alertMs;
      const alertMs = nextAlertMs(next);
      if (alertMs !== undefined) next.alertMs = alertMs;
      await tx.store.put(next);
    }),
  );
  await tx.done;
}

/** The warning a crossed threshold gives, judged at `nowIso` (the deadline wins over its warning). */
export function crossedThreshold(entry: QueueEntry, nowMs: number): { key: string; level: 'warning' | 'overdue' } | null {
  if (entry.status !== 'waiting' || entry.dueAt === null) return null;
  const dueMs = Date.parse(entry.dueAt);
  if (dueMs <= nowMs) return { key: warningKey('overdue', entry.dueAt), level: 'overdue' };
  const warnMs = entry.warnAt === null ? Number.NaN : Date.parse(entry.warnAt);
  if (warnMs <= nowMs) return { key: warningKey('warning', entry.dueAt), level: 'warning' };
  return null;
}
