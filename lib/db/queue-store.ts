import { z } from 'zod';
import type { ReplylineDb } from './open';
import { isQueued, nextAlertMs, queueEntryOf, queueEntrySchema, warningKey, type QueueEntry } from './queue';

/** What keeping the queue store needs of an object store, in whichever transaction writes the conversation. */
export interface QueueStoreView {
  get(key: string): Promise<unknown>;
  put(value: QueueEntry): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

/** The `meta` store of the same transaction, where the queue's counts are kept. */
export interface MetaStoreView {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

type QueueSource = Parameters<typeof queueEntryOf>[0];

/** Meta key of the queue's counts, kept with every entry write so reading them is one get. */
export const QUEUE_COUNTS_KEY = 'queueCounts';
const countsSchema = z.object({ waiting: z.number().int().min(0), snoozed: z.number().int().min(0) });
export type QueueCounts = z.infer<typeof countsSchema>;

/**
 * Counter updates of one transaction run one after the other (each read-modify-write issued from the
 * previous one's callback), so queued bulk writes cannot lose an update; the transaction stays active
 * throughout because each request is issued while it is.
 */
const counterChains = new WeakMap<MetaStoreView, Promise<void>>();

function adjustCounts(meta: MetaStoreView, delta: QueueCounts): Promise<void> {
  if (delta.waiting === 0 && delta.snoozed === 0) return Promise.resolve();
  const previous = counterChains.get(meta) ?? Promise.resolve();
  const next = previous.then(async () => {
    const stored = countsSchema.safeParse(await meta.get(QUEUE_COUNTS_KEY));
    const counts = stored.success ? stored.data : { waiting: 0, snoozed: 0 };
    await meta.put(
      { waiting: Math.max(0, counts.waiting + delta.waiting), snoozed: Math.max(0, counts.snoozed + delta.snoozed) },
      QUEUE_COUNTS_KEY,
    );
  });
  counterChains.set(meta, next.catch(() => undefined));
  return next;
}

function countOf(status: QueueEntry['status'] | undefined): QueueCounts {
  return { waiting: status === 'waiting' ? 1 : 0, snoozed: status === 'snoozed' ? 1 : 0 };
}

/**
 * Brings the conversation's queue entry (and the queue's counts) in line with the conversation just
 * stored in the same transaction. Not awaiting the result is allowed (bulk writers queue it): every
 * later request is issued from a request callback, while the transaction is still active.
 */
export async function indexConversationIn(store: QueueStoreView, meta: MetaStoreView, conversation: QueueSource): Promise<void> {
  const stored = queueEntrySchema.safeParse(await store.get(conversation.id));
  const previous = stored.success ? stored.data : undefined;
  const entry = isQueued(conversation) ? queueEntryOf(conversation, previous) : null;
  if (entry) await store.put(entry);
  else if (previous) await store.delete(conversation.id);
  const before = countOf(previous?.status);
  const after = countOf(entry?.status);
  await adjustCounts(meta, { waiting: after.waiting - before.waiting, snoozed: after.snoozed - before.snoozed });
}

const parse = (value: unknown): QueueEntry => queueEntrySchema.parse(value);

/** The first `limit` entries in the queue's order (the nearest deadline first, then the longest waiting). */
export async function queueHead(db: ReplylineDb, limit: number): Promise<QueueEntry[]> {
  const values: unknown[] = await db.getAllFromIndex('queue', 'by-order', null, limit);
  return values.map(parse);
}

/** How many entries wait and are snoozed: one read of the counts kept with the entries. */
export async function queueCounts(db: ReplylineDb): Promise<QueueCounts> {
  const stored = countsSchema.safeParse(await db.get('meta', QUEUE_COUNTS_KEY));
  return stored.success ? stored.data : { waiting: 0, snoozed: 0 };
}

/** The counts by walking the status index (proportional to the queue's length): for the migration, checks and repairs. */
export async function countQueueByIndex(db: ReplylineDb): Promise<QueueCounts> {
  const tx = db.transaction('queue');
  const index = tx.store.index('by-status');
  const [waiting, snoozed] = await Promise.all([index.count('waiting'), index.count('snoozed')]);
  await tx.done;
  return { waiting, snoozed };
}

/** Sets the kept counts from the index (after writers that bypass indexConversationIn, such as a benchmark's seeding). */
export async function recountQueue(db: ReplylineDb): Promise<QueueCounts> {
  const counts = await countQueueByIndex(db);
  await db.put('meta', counts, QUEUE_COUNTS_KEY);
  return counts;
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
