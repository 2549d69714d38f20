import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { blankConversation } from '@/lib/conversations/blank';
import { applyRemoteChanges } from '@/lib/db/apply-remote';
import { conversations } from '@/lib/db/conversations';
import { migrations, v1CreateStores } from '@/lib/db/migrations';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import { queueEntryOf } from '@/lib/db/queue';
import { WriteBatch } from '@/lib/db/write-batch';
import {
  alertsDue,
  countQueueByIndex,
  markWarned,
  nextQueueInstantMs,
  queueCounts,
  queueFloors,
  queueHead,
  queueRefreshMarks,
  queueUrgencyMarks,
  raiseQueueFloors,
  recountQueue,
  staleQueueIds,
  UNKNOWN_FLOORS,
} from '@/lib/db/queue-store';
import { NONE_MS } from '@/lib/db/queue';
import type { Conversation } from '@/lib/model';
import { comparePending } from '@/lib/sla/urgency';
import v1Example from '../../fixtures/db/v1-example.json';
import { clockFor, freshDb } from './helpers';

const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function waitingFields(index: number, dueMs: number, patch: Partial<Conversation> = {}) {
  return {
    ...blankConversation({ site: 'x', threadKey: `x:thread:${index}`, kind: 'conversation', url: `https://x.com/messages/${index}`, contactId: null }),
    status: 'waiting' as const,
    waitingSince: iso(START - index * 1000),
    dueAt: iso(dueMs),
    targets: [{ kind: 'firstResponse' as const, dueAt: iso(dueMs), metAt: null, breached: false, startedAt: iso(START), warnAt: iso(dueMs - HOUR) }],
    preview: { authorName: `Person ${index}`, text: `message ${index}`, at: iso(START) },
    ...patch,
  };
}

/** The queue store must always equal what the conversations store derives, entry for entry. */
async function expectQueueDerived(db: ReplylineDb) {
  const derived = (await conversations.all(db)).map((conversation) => queueEntryOf(conversation)).filter((entry) => entry !== null);
  const stored = await db.getAll('queue');
  const strip = (entries: Array<{ id: string; warned: string[]; alertMs?: number }>) =>
    entries.map((entry) => ({ ...entry, warned: [], alertMs: undefined })).sort((a, b) => a.id.localeCompare(b.id));
  expect(strip(stored)).toEqual(strip(derived));
  expect(await queueCounts(db)).toEqual(await countQueueByIndex(db));
}

describe('the pending-queue store', () => {
  it('follows every write of a conversation in the same transaction: in while waiting or snoozed, out otherwise', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const waiting = await conversations.create(db, waitingFields(1, START + 2 * HOUR), clock);
    const open = await conversations.create(db, { ...waitingFields(2, START + HOUR), status: 'open' }, clock);
    expect((await queueHead(db, 10)).map((entry) => entry.id)).toEqual([waiting.id]);

    await conversations.update(db, open.id, { status: 'snoozed', snoozedUntil: iso(START + 3 * HOUR) }, clock);
    expect(await queueCounts(db)).toEqual({ waiting: 1, snoozed: 1 });
    await conversations.update(db, waiting.id, { status: 'resolved' }, clock);
    await conversations.remove(db, open.id, clock);
    expect(await db.count('queue')).toBe(0);
    await expectQueueDerived(db);
  });

  it('reads the head in the queue’s order and only as many as asked, whatever the insertion order', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const dues = [5, 1, 4, 1, 3, 9, 2, 6].map((hours) => START + hours * HOUR);
    for (const [index, dueMs] of dues.entries()) await conversations.create(db, waitingFields(index, dueMs), clock);
    await conversations.create(db, { ...waitingFields(99, START), dueAt: null, targets: [] }, clock);

    const all = (await conversations.all(db)).sort(comparePending).map((conversation) => conversation.id);
    expect((await queueHead(db, 100)).map((entry) => entry.id)).toEqual(all);
    expect((await queueHead(db, 3)).map((entry) => entry.id)).toEqual(all.slice(0, 3));
  });

  it('answers the badge, stale, wake-up and alert questions from its indexes', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const soon = await conversations.create(db, waitingFields(1, START + 2 * HOUR), clock);
    await conversations.create(db, waitingFields(2, START + 5 * HOUR), clock);
    const snoozed = await conversations.create(db, { ...waitingFields(3, START + HOUR), status: 'snoozed', snoozedUntil: iso(START + 30 * 60_000) }, clock);

    expect(await queueUrgencyMarks(db)).toEqual({ earliestDueMs: START + 2 * HOUR, earliestWarnMs: START + HOUR });
    expect(await nextQueueInstantMs(db, START)).toBe(START + 30 * 60_000);
    expect(await staleQueueIds(db, START)).toEqual([]);
    expect(await staleQueueIds(db, START + 31 * 60_000)).toEqual([snoozed.id]);

    const crossed = START + HOUR + 1;
    expect((await alertsDue(db, crossed)).map((entry) => entry.id)).toEqual([soon.id]);
    await markWarned(db, [{ id: soon.id, key: `warning@${soon.dueAt}` }]);
    expect(await alertsDue(db, crossed)).toEqual([]);
    // The deadline itself still warns, once.
    expect((await alertsDue(db, START + 2 * HOUR)).map((entry) => entry.id)).toEqual([soon.id]);
    await markWarned(db, [{ id: soon.id, key: `overdue@${soon.dueAt}` }]);
    expect(await alertsDue(db, START + 10 * HOUR)).toHaveLength(1); // the other one only

    // A write keeping the deadline keeps the warnings; a new deadline warns again.
    await conversations.update(db, soon.id, { priority: 'high' }, clock);
    expect((await db.get('queue', soon.id))?.warned).toHaveLength(2);
    const later = START + 8 * HOUR;
    await conversations.update(db, soon.id, { dueAt: iso(later), targets: [{ ...soon.targets[0]!, dueAt: iso(later), warnAt: iso(later - HOUR) }] }, clock);
    expect((await db.get('queue', soon.id))?.warned).toEqual([]);
    await expectQueueDerived(db);
  });

  it('keeps its counts right under a bulk batch of queued writes in one transaction', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const tx = conversations.startWrite(db);
    const batch = new WriteBatch(tx, clock);
    for (let index = 0; index < 60; index += 1) {
      const now = clock.nowIso();
      const draft = { ...waitingFields(index, START + index * HOUR), id: crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
      batch.write('conversations', conversations.parse(index % 3 === 0 ? { ...draft, status: 'snoozed', snoozedUntil: iso(START + HOUR) } : draft), undefined);
    }
    await batch.flush();
    await tx.done;
    expect(await queueCounts(db)).toEqual({ waiting: 40, snoozed: 20 });
    await expectQueueDerived(db);
  });

  it('follows pulled changes, applied in their own transaction', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const local = await conversations.create(db, waitingFields(1, START + 2 * HOUR), clock);
    const remoteId = crypto.randomUUID();
    const remote = { ...waitingFields(2, START + HOUR), id: remoteId, createdAt: iso(START), updatedAt: iso(START), deletedAt: null };
    const stamp = `${String(START + HOUR).padStart(15, '0')}:000000:remote-client`;
    const fields = Object.fromEntries(Object.entries(remote).filter(([name]) => name !== 'id'));
    await applyRemoteChanges(
      db,
      clock,
      [
        { version: 1, store: 'conversations', recordId: remoteId, fields, stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, stamp])) },
        { version: 2, store: 'conversations', recordId: local.id, fields: { status: 'resolved' }, stamps: { status: stamp } },
      ],
      2,
    );
    expect((await queueHead(db, 10)).map((entry) => entry.id)).toEqual([remoteId]);
    await expectQueueDerived(db);
  });

  it('is built from the conversations a v1 database holds', async () => {
    const name = `queue-migration-${crypto.randomUUID()}`;
    (await openReplylineDb(name, [v1CreateStores])).close();
    const raw = await openDB(name, 1);
    const tx = raw.transaction('conversations', 'readwrite');
    for (const record of v1Example.stores.conversations) await tx.store.put(record);
    await tx.done;
    raw.close();

    const db = await openReplylineDb(name, migrations);
    expect((await queueHead(db, 10)).map((entry) => entry.id)).toEqual(v1Example.stores.conversations.map((record) => record.id));
    await expectQueueDerived(db);
  });
});

/** The floors must never lie above an entry's pending instant: a refresh would then miss a warning or a stale entry. */
async function expectFloorsBelowEntries(db: ReplylineDb) {
  const floors = await queueFloors(db);
  for (const entry of await db.getAll('queue')) {
    if (entry.alertMs !== undefined) expect(floors.alertMs).toBeLessThanOrEqual(entry.alertMs);
    if (entry.staleMs !== undefined) expect(floors.staleMs).toBeLessThanOrEqual(entry.staleMs);
  }
  return floors;
}

describe('the queue floors', () => {
  it('are unknown until set, then follow every write down and are raised by markWarned', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const later = await conversations.create(db, waitingFields(1, START + 5 * HOUR), clock);
    expect(await queueFloors(db)).toEqual(UNKNOWN_FLOORS);
    expect(await raiseQueueFloors(db, ['alertMs'])).toEqual({ alertMs: START + 4 * HOUR, staleMs: START + 5 * HOUR });

    // A write with an earlier threshold lowers them in its own transaction; a later one leaves them.
    const sooner = await conversations.create(db, waitingFields(2, START + 2 * HOUR), clock);
    await conversations.create(db, waitingFields(3, START + 9 * HOUR), clock);
    expect(await expectFloorsBelowEntries(db)).toEqual({ alertMs: START + HOUR, staleMs: START + 2 * HOUR });

    // Warning about the earlier one raises the alert floor to the next threshold not warned about.
    await markWarned(db, [{ id: sooner.id, key: `warning@${sooner.dueAt}` }]);
    expect(await expectFloorsBelowEntries(db)).toEqual({ alertMs: START + 2 * HOUR, staleMs: START + 2 * HOUR });
    await markWarned(db, [{ id: sooner.id, key: `overdue@${sooner.dueAt}` }]);
    expect((await queueFloors(db)).alertMs).toBe(START + 4 * HOUR);

    // Leaving the queue does not raise a floor (it stays a lower bound); the next raise does.
    await conversations.update(db, later.id, { status: 'resolved' }, clock);
    expect((await expectFloorsBelowEntries(db)).alertMs).toBe(START + 4 * HOUR);
    await markWarned(db, []);
    expect((await queueFloors(db)).alertMs).toBe(START + 8 * HOUR);
  });

  it('stay below every entry under a bulk batch and pulled changes, and say none when nothing is pending', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    expect(await raiseQueueFloors(db, ['alertMs', 'staleMs'])).toEqual({ alertMs: NONE_MS, staleMs: NONE_MS });
    const tx = conversations.startWrite(db);
    const batch = new WriteBatch(tx, clock);
    for (let index = 0; index < 30; index += 1) {
      const now = clock.nowIso();
      const draft = { ...waitingFields(index, START + (30 - index) * HOUR), id: crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
      batch.write('conversations', conversations.parse(draft), undefined);
    }
    await batch.flush();
    await tx.done;
    expect(await expectFloorsBelowEntries(db)).toEqual({ alertMs: START, staleMs: START + HOUR });

    const remoteId = crypto.randomUUID();
    const remote = { ...waitingFields(99, START - 2 * HOUR), id: remoteId, createdAt: iso(START), updatedAt: iso(START), deletedAt: null };
    const stamp = `${String(START + HOUR).padStart(15, '0')}:000000:remote-client`;
    const fields = Object.fromEntries(Object.entries(remote).filter(([name]) => name !== 'id'));
    await applyRemoteChanges(db, clock, [{ version: 1, store: 'conversations', recordId: remoteId, fields, stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, stamp])) }], 1);
    expect(await expectFloorsBelowEntries(db)).toEqual({ alertMs: START - 3 * HOUR, staleMs: START - 2 * HOUR });

    // A writer that bypasses the entries' upkeep recounts, which forgets the floors.
    await recountQueue(db);
    expect(await queueFloors(db)).toEqual(UNKNOWN_FLOORS);
  });

  it('let the refresh read skip by-stale until its floor is reached', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const snoozed = await conversations.create(db, { ...waitingFields(1, START + HOUR), status: 'snoozed', snoozedUntil: iso(START + 30 * 60_000) }, clock);
    // Unknown floors: the stale ids are read.
    expect((await queueRefreshMarks(db, START + 31 * 60_000)).staleIds).toEqual([snoozed.id]);
    await raiseQueueFloors(db, ['staleMs']);
    const before = await queueRefreshMarks(db, START);
    expect(before).toMatchObject({ counts: { waiting: 0, snoozed: 1 }, staleIds: [], nextInstantMs: START + 30 * 60_000, floors: { staleMs: START + 30 * 60_000 } });
    expect((await queueRefreshMarks(db, START + 31 * 60_000)).staleIds).toEqual([snoozed.id]);
  });
});
