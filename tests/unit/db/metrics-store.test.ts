import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { blankConversation } from '@/lib/conversations/blank';
import { applyRemoteChanges } from '@/lib/db/apply-remote';
import { conversations } from '@/lib/db/conversations';
import { metricsOfStoredConversations, readMetricsRows } from '@/lib/db/metrics-store';
import { migrations } from '@/lib/db/migrations';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import type { Conversation } from '@/lib/model';
import { computeMetrics } from '@/lib/sla/metrics';
import { clockFor, freshDb } from './helpers';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A conversation begun `ageDays` ago, answered an hour later, resolved or still waiting. */
function fields(index: number, ageDays: number, resolved: boolean): Omit<Conversation, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'stamps'> {
  const startMs = NOW - ageDays * DAY;
  return {
    ...blankConversation({ site: index % 2 === 0 ? 'x' : 'linkedin', threadKey: `x:thread:${index}`, kind: 'conversation', url: `https://x.com/messages/${index}`, contactId: null }),
    status: resolved ? 'resolved' : 'waiting',
    ownerId: index % 3 === 0 ? null : `agent-${index % 3}`,
    waitingSince: resolved ? null : iso(startMs + 2 * 3_600_000),
    firstResponseAt: iso(startMs + 3_600_000),
    resolvedAt: resolved ? iso(startMs + 4 * 3_600_000) : null,
    targets: [
      { kind: 'firstResponse', startedAt: iso(startMs), dueAt: iso(startMs + 2 * 3_600_000), warnAt: null, metAt: iso(startMs + 3_600_000), breached: false },
      { kind: 'nextResponse', startedAt: iso(startMs + 2 * 3_600_000), dueAt: iso(startMs + 3 * 3_600_000), warnAt: null, metAt: resolved ? iso(startMs + 4 * 3_600_000) : null, breached: !resolved },
    ],
  };
}

/** The rows must equal what the dashboard read before from whole conversations, row for row. */
async function expectRowsDerived(db: ReplylineDb) {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(await readMetricsRows(db))).toEqual(byId(metricsOfStoredConversations(await db.getAll('conversations'))));
}

describe('the metrics rows', () => {
  it('follow every write of a conversation, and a tombstone takes its row away', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const first = await conversations.create(db, fields(1, 3, false), clock);
    const second = await conversations.create(db, fields(2, 40, true), clock);
    await expectRowsDerived(db);
    await conversations.update(db, first.id, { status: 'resolved', resolvedAt: iso(NOW) }, clock);
    await conversations.remove(db, second.id, clock);
    expect((await readMetricsRows(db)).map((row) => [row.id, row.status, row.resolvedAt])).toEqual([[first.id, 'resolved', iso(NOW)]]);
    await expectRowsDerived(db);
  });

  it('read for a range only what can count in it, with the same figures as every conversation read', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const ages = [1, 5, 20, 45, 90, 200, 300];
    for (const [index, age] of ages.entries()) {
      await conversations.create(db, fields(index, age, true), clock);
      await conversations.create(db, fields(index + 100, age, false), clock);
    }
    const from = iso(NOW - 30 * DAY);
    const rows = await readMetricsRows(db, from);
    // Resolved: the three of the last 30 days; waiting: all seven, whatever their age (the backlog).
    expect(rows.filter((row) => row.status === 'resolved')).toHaveLength(3);
    expect(rows.filter((row) => row.status === 'waiting')).toHaveLength(7);
    const options = { now: iso(NOW), from, to: iso(NOW), timeZone: 'Europe/Berlin' };
    const everything = metricsOfStoredConversations(await db.getAll('conversations'));
    expect(computeMetrics({ conversations: rows, options })).toEqual(computeMetrics({ conversations: everything, options }));
  });

  it('follow pulled changes, applied in their own transaction', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const local = await conversations.create(db, fields(1, 2, false), clock);
    const remoteId = crypto.randomUUID();
    const remote = { ...fields(2, 10, true), createdAt: iso(NOW - 10 * DAY), updatedAt: iso(NOW), deletedAt: null };
    const stamp = `${String(NOW).padStart(15, '0')}:000000:remote-client`;
    await applyRemoteChanges(
      db,
      clock,
      [
        { version: 1, store: 'conversations', recordId: remoteId, fields: remote, stamps: Object.fromEntries(Object.keys(remote).map((name) => [name, stamp])) },
        { version: 2, store: 'conversations', recordId: local.id, fields: { deletedAt: iso(NOW) }, stamps: { deletedAt: stamp } },
      ],
      2,
    );
    expect((await readMetricsRows(db)).map((row) => row.id)).toEqual([remoteId]);
    await expectRowsDerived(db);
  });

  it('are built from the conversations a version-6 database holds', async () => {
    const { db: source } = await freshDb();
    const { clock } = await clockFor(source);
    for (const [index, age] of [3, 60, 400].entries()) await conversations.create(source, fields(index, age, index !== 1), clock);
    const stored = await source.getAll('conversations');
    source.close();

    const name = `metrics-migration-${crypto.randomUUID()}`;
    (await openReplylineDb(name, migrations.slice(0, 6))).close();
    const raw = await openDB(name, 6);
    const tx = raw.transaction('conversations', 'readwrite');
    for (const record of stored) await tx.store.put(record);
    await tx.done;
    raw.close();

    const db = await openReplylineDb(name, migrations);
    expect(await db.count('metrics')).toBe(3);
    await expectRowsDerived(db);
  });
});
