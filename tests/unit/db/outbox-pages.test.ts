import { describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { outboxSize, pendingOutbox, readOutbox } from '@/lib/db/outbox';
import { addPages, dropFromOutbox, OUTBOX_PAGE_SIZE } from '@/lib/db/outbox-pages';
import { listQuarantined } from '@/lib/db/quarantine';
import type { ReplylineDb } from '@/lib/db/open';
import { importContacts } from '@/lib/import/apply';
import { createSyncEngine } from '@/lib/sync/engine';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { createFakeBackend } from '../sync/fake-backend';
import { freshDb, manualTime } from './helpers';

const row = (index: number) => ({ line: index + 2, displayName: `Person ${index}`, identity: { site: 'x', handle: `person${index}`, profileUrl: `https://x.com/person${index}` } });

async function imported(count: number) {
  const { db } = await freshDb();
  const time = manualTime();
  const clock = await ReplicaClock.load(db, time.now);
  await importContacts(db, clock, Array.from({ length: count }, (_, index) => row(index)));
  return { db, clock, time };
}

const rowsIn = (db: ReplylineDb) => db.count('outbox');

describe('outbox pages (bulk writes)', () => {
  it('stores an import’s entries as pages, one entry per record, counted and read as entries in order', async () => {
    const { db } = await imported(600);
    // 600 contacts and 600 identities: 1,200 entries in 3 pages.
    expect(await rowsIn(db)).toBe(Math.ceil(1200 / OUTBOX_PAGE_SIZE));
    expect(await outboxSize(db)).toBe(1200);
    const entries = await pendingOutbox(db, 10_000);
    expect(entries).toHaveLength(1200);
    const seqs = entries.map((entry) => entry.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(1200);
    expect(new Set(entries.map((entry) => `${entry.store}/${entry.recordId}`)).size).toBe(1200);
    // A limit cuts inside a page; the next read, after those are dropped, goes on from there.
    const first = await pendingOutbox(db, 7);
    expect(first.map((entry) => entry.seq)).toEqual(seqs.slice(0, 7));
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all([dropFromOutbox(tx.store, first.map((entry) => entry.seq!)), tx.done]);
    expect(await outboxSize(db)).toBe(1193);
    expect((await pendingOutbox(db, 3)).map((entry) => entry.seq)).toEqual(seqs.slice(7, 10));
  });

  it('coalesces a later write to a paged record into one new entry under a new key, out of its page', async () => {
    const { db, clock, time } = await imported(3);
    const [contact] = await contacts.all(db);
    const paged = (await pendingOutbox(db, 100)).find((entry) => entry.recordId === contact!.id)!;
    time.advance(1000);
    const updated = await contacts.update(db, contact!.id, { company: 'Engines Ltd' }, clock);

    expect(await outboxSize(db)).toBe(6);
    const now = (await pendingOutbox(db, 100)).filter((entry) => entry.recordId === contact!.id);
    expect(now).toHaveLength(1);
    expect(now[0]!.seq).toBeGreaterThan(paged.seq!);
    expect(now[0]!.mutationId).not.toBe(paged.mutationId);
    expect(now[0]!.fields).toMatchObject({ displayName: contact!.displayName, company: 'Engines Ltd' });
    expect(now[0]!.stamps.company).toBe(updated.stamps.company);

    // The acknowledgement of the paged entry, in flight meanwhile, cannot drop the newer write.
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all([dropFromOutbox(tx.store, [paged.seq!]), tx.done]);
    expect((await pendingOutbox(db, 100)).filter((entry) => entry.recordId === contact!.id)).toEqual(now);
  });

  it('merges a second import’s changes into the waiting paged entries, writing each page once', async () => {
    const { db, clock, time } = await imported(4);
    time.advance(1000);
    const changed = Array.from({ length: 4 }, (_, index) => ({ ...row(index), displayName: `Renamed ${index}` }));
    expect(await importContacts(db, clock, changed)).toMatchObject({ updated: 4 });
    expect(await outboxSize(db)).toBe(8);
    const entries = await pendingOutbox(db, 100);
    const names = entries.filter((entry) => entry.store === 'contacts').map((entry) => entry.fields.displayName);
    expect(names.sort()).toEqual(['Renamed 0', 'Renamed 1', 'Renamed 2', 'Renamed 3']);
    expect(new Set(entries.map((entry) => entry.recordId)).size).toBe(8);
  });

  it('never hands out a seq twice, even after every entry was acknowledged', async () => {
    const { db } = await imported(2);
    const first = await pendingOutbox(db, 100);
    const tx = db.transaction('outbox', 'readwrite');
    await Promise.all([dropFromOutbox(tx.store, first.map((entry) => entry.seq!)), tx.done]);
    expect(await rowsIn(db)).toBe(0);
    const again = db.transaction('outbox', 'readwrite');
    await Promise.all([addPages(again.store, first.map((entry) => ({ ...entry, seq: undefined }))), again.done]);
    const second = await pendingOutbox(db, 100);
    expect(Math.min(...second.map((entry) => entry.seq!))).toBeGreaterThan(Math.max(...first.map((entry) => entry.seq!)));
  });

  it('pushes paged entries in batches, drops them on acknowledgement and quarantines a damaged one without blocking the rest', async () => {
    const { db, clock, time } = await imported(300);
    // Damage one entry inside a page, as a stored value could be.
    const tx = db.transaction('outbox', 'readwrite');
    const [page] = (await tx.store.getAll()) as unknown as Array<{ entries: OutboxEntry[] }>;
    page!.entries[1] = { ...page!.entries[1]!, fields: { displayName: 'nul\u0000' } };
    await Promise.all([tx.store.put(page as never), tx.done]);

    const backend = createFakeBackend();
    const engine = createSyncEngine({ db, clock, transport: backend.transport, now: time.now, random: () => 0.5, pushBatchSize: 250 });
    const report = await engine.syncOnce();

    expect(report).toMatchObject({ ok: true, pushed: 599, quarantined: 1 });
    expect(backend.log.pushes.map((push) => push.mutations.length)).toEqual([250, 250, 99]);
    expect(await outboxSize(db)).toBe(0);
    expect(await rowsIn(db)).toBe(0);
    expect((await listQuarantined(db)).changes).toEqual([expect.objectContaining({ reason: 'nul-character' })]);
    expect((await readOutbox(db, 10)).entries).toEqual([]);
  });
});
