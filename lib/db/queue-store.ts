import type { IDBPTransaction } from 'idb';
import { z } from 'zod';
import type { ReplylineDb } from './open';
import { isQueued, NONE_MS, nextAlertMs, queueEntryOf, queueEntrySchema, warningKey, type QueueEntry } from './queue';
import type { ReplylineSchema } from './schema';

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

/** Meta key of the queue's floors: no entry's `alertMs` (`staleMs`) lies before `floors.alertMs` (`staleMs`). */
export const QUEUE_FLOORS_KEY = 'queueFloors';
const floorsSchema = z.object({ alertMs: z.number(), staleMs: z.number() });
/**
 * Lower bounds of the earliest threshold not yet warned about and of the earliest instant time alone
 * changes an entry. While a floor is in the future the refresh skips that index: Chromium leaves the
 * index entries of rewritten and deleted records behind (deleted only by a read-write cursor passing
 * them, or by an occasional sweep when the database closes), and a read-only read of `by-alert` up to
 * now walks every one of them, reading its record, to find nothing.
 */
export type QueueFloors = z.infer<typeof floorsSchema>;
export type QueueFloorField = keyof QueueFloors;
/** No floor kept yet (a new or upgraded database, a benchmark's seeding): every index must be read. */
export const UNKNOWN_FLOORS: QueueFloors = { alertMs: Number.NEGATIVE_INFINITY, staleMs: Number.NEGATIVE_INFINITY };
const FLOOR_INDEX = { alertMs: 'by-alert', staleMs: 'by-stale' } as const;
const FLOOR_FIELDS: readonly QueueFloorField[] = ['alertMs', 'staleMs'];

/**
 * Meta updates of one transaction run one after the other (each read-modify-write issued from the
 * previous one's callback), so queued bulk writes cannot lose an update; the transaction stays active
 * throughout because each request is issued while it is.
 */
const metaChains = new WeakMap<MetaStoreView, Promise<void>>();

function chained(meta: MetaStoreView, work: () => Promise<void>): Promise<void> {
  const next = (metaChains.get(meta) ?? Promise.resolve()).then(work);
  metaChains.set(meta, next.catch(() => undefined));
  return next;
}

function adjustCounts(meta: MetaStoreView, delta: QueueCounts): Promise<void> {
  if (delta.waiting === 0 && delta.snoozed === 0) return Promise.resolve();
  return chained(meta, async () => {
    const stored = countsSchema.safeParse(await meta.get(QUEUE_COUNTS_KEY));
    const counts = stored.success ? stored.data : { waiting: 0, snoozed: 0 };
    await meta.put(
      { waiting: Math.max(0, counts.waiting + delta.waiting), snoozed: Math.max(0, counts.snoozed + delta.snoozed) },
      QUEUE_COUNTS_KEY,
    );
  });
}

/** Lowers the floors to the entry's instants; unknown floors stay unknown (the next refresh sets them). */
function lowerFloors(meta: MetaStoreView, entry: QueueEntry | null): Promise<void> {
  const alertMs = entry?.alertMs ?? Number.POSITIVE_INFINITY;
  const staleMs = entry?.staleMs ?? Number.POSITIVE_INFINITY;
  if (alertMs === Number.POSITIVE_INFINITY && staleMs === Number.POSITIVE_INFINITY) return Promise.resolve();
  return chained(meta, async () => {
    const stored = floorsSchema.safeParse(await meta.get(QUEUE_FLOORS_KEY));
    if (!stored.success || (stored.data.alertMs <= alertMs && stored.data.staleMs <= staleMs)) return;
    await meta.put({ alertMs: Math.min(stored.data.alertMs, alertMs), staleMs: Math.min(stored.data.staleMs, staleMs) }, QUEUE_FLOORS_KEY);
  });
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
  await Promise.all([adjustCounts(meta, { waiting: after.waiting - before.waiting, snoozed: after.snoozed - before.snoozed }), lowerFloors(meta, entry)]);
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

/**
 * Sets the kept counts from the index and forgets the floors (after writers that bypass
 * indexConversationIn, such as a benchmark's seeding): the next refresh reads the indexes and sets them.
 */
export async function recountQueue(db: ReplylineDb): Promise<QueueCounts> {
  const counts = await countQueueByIndex(db);
  await db.put('meta', counts, QUEUE_COUNTS_KEY);
  await db.delete('meta', QUEUE_FLOORS_KEY);
  return counts;
}

/** The kept floors, or UNKNOWN_FLOORS. */
export async function queueFloors(db: ReplylineDb): Promise<QueueFloors> {
  const stored = floorsSchema.safeParse(await db.get('meta', QUEUE_FLOORS_KEY));
  return stored.success ? stored.data : UNKNOWN_FLOORS;
}

type FloorsTransaction = IDBPTransaction<ReplylineSchema, ('queue' | 'meta')[], 'readwrite'>;

/**
 * Sets the named floors (and any unknown one) to the smallest key their index holds now, which is
 * always a valid floor. Read-write on purpose: the cursor
 * then also deletes the stale index entries it passes, so the next read-only read no longer walks them.
 */
async function raiseFloorsIn(tx: FloorsTransaction, fields: readonly QueueFloorField[]): Promise<QueueFloors> {
  const stored = floorsSchema.safeParse(await tx.objectStore('meta').get(QUEUE_FLOORS_KEY));
  const floors = { ...(stored.success ? stored.data : UNKNOWN_FLOORS) };
  // A floor still unknown is set too: the record holds both or none.
  for (const field of FLOOR_FIELDS.filter((name) => fields.includes(name) || !Number.isFinite(floors[name]))) {
    const cursor = await tx.objectStore('queue').index(FLOOR_INDEX[field]).openKeyCursor();
    floors[field] = cursor ? cursor.key : NONE_MS;
  }
  await tx.objectStore('meta').put(floors, QUEUE_FLOORS_KEY);
  return floors;
}

/** raiseFloorsIn in a transaction of its own (after the stale entries are rewritten, or to set unknown floors). */
export async function raiseQueueFloors(db: ReplylineDb, fields: readonly QueueFloorField[]): Promise<QueueFloors> {
  const tx = db.transaction(['queue', 'meta'], 'readwrite');
  const floors = await raiseFloorsIn(tx, fields);
  await tx.done;
  return floors;
}

/** What the badge's colour needs: the nearest deadline and the nearest warning among waiting entries. */
export async function queueUrgencyMarks(db: ReplylineDb): Promise<{ earliestDueMs: number | null; earliestWarnMs: number | null }> {
  const tx = db.transaction('queue');
  const [due, warn] = await Promise.all([tx.store.index('by-waiting-due').openKeyCursor(), tx.store.index('by-waiting-warn').openKeyCursor()]);
  await tx.done;
  return { earliestDueMs: due ? due.key : null, earliestWarnMs: warn ? warn.key : null };
}

/** What a refresh reads of the queue store: the badge's counts and nearest instants, the floors, the wake-up instant. */
export interface QueueRefreshMarks {
  counts: QueueCounts;
  floors: QueueFloors;
  earliestDueMs: number | null;
  earliestWarnMs: number | null;
  /** The next instant after `nowMs` at which what the queue shows changes, if any. */
  nextInstantMs: number | null;
  /** Entries time alone has changed by `nowMs`; not looked for (empty) while the stale floor is later. */
  staleIds: string[];
}

/** One read-only transaction, its requests issued together; `by-stale` is read only once its floor is reached. */
export async function queueRefreshMarks(db: ReplylineDb, nowMs: number): Promise<QueueRefreshMarks> {
  const tx = db.transaction(['queue', 'meta']);
  const queue = tx.objectStore('queue');
  const meta = tx.objectStore('meta');
  const [storedCounts, storedFloors, due, warn, instant] = await Promise.all([
    meta.get(QUEUE_COUNTS_KEY),
    meta.get(QUEUE_FLOORS_KEY),
    queue.index('by-waiting-due').openKeyCursor(),
    queue.index('by-waiting-warn').openKeyCursor(),
    queue.index('by-instant').openKeyCursor(IDBKeyRange.lowerBound(nowMs, true)),
  ]);
  const counts = countsSchema.safeParse(storedCounts);
  const floors = floorsSchema.safeParse(storedFloors);
  const known = floors.success ? floors.data : UNKNOWN_FLOORS;
  const staleIds = known.staleMs <= nowMs ? (await queue.index('by-stale').getAllKeys(IDBKeyRange.upperBound(nowMs))).map(String) : [];
  await tx.done;
  return {
    counts: counts.success ? counts.data : { waiting: 0, snoozed: 0 },
    floors: known,
    earliestDueMs: due ? due.key : null,
    earliestWarnMs: warn ? warn.key : null,
    nextInstantMs: instant ? instant.key : null,
    staleIds,
  };
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
 * Then raises the alert floor past them, in the same transaction (with nothing shown, it only sets it).
 */
export async function markWarned(db: ReplylineDb, shown: ReadonlyArray<{ id: string; key: string }>): Promise<void> {
  const tx = db.transaction(['queue', 'meta'], 'readwrite');
  const store = tx.objectStore('queue');
  await Promise.all(
    shown.map(async ({ id, key }) => {
      const stored = queueEntrySchema.safeParse(await store.get(id));
      if (!stored.success || stored.data.dueAt === null || !key.endsWith(`@${stored.data.dueAt}`)) return;
      if (stored.data.warned.includes(key)) return;
      const next: QueueEntry = { ...stored.data, warned: [...stored.data.warned, key] };
      delete next.alertMs;
      const alertMs = nextAlertMs(next);
      if (alertMs !== undefined) next.alertMs = alertMs;
      await store.put(next);
    }),
  );
  // The thresholds just warned about no longer hold the floor up.
  await raiseFloorsIn(tx, ['alertMs']);
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
