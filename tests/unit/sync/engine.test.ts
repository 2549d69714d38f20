import { describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { notes } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import { readSyncState } from '@/lib/db/sync-state';
import type { ReplylineDb } from '@/lib/db/open';
import { createSyncEngine } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { formatHlc } from '@/lib/sync/hlc';
import type { SyncTransport } from '@/lib/sync/transport';
import { freshDb, manualTime } from '../db/helpers';
import { createFakeBackend, type FakeBackend } from './fake-backend';

const CONTACT_ID = '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11';

async function replica(backend: FakeBackend, options: { startIso?: string; transport?: SyncTransport } = {}) {
  const { db } = await freshDb();
  const time = manualTime(options.startIso);
  const clock = await ReplicaClock.load(db, time.now);
  const engine = createSyncEngine({ db, clock, transport: options.transport ?? backend.transport, now: time.now, random: () => 0.5 });
  return { db, clock, time, engine };
}

const newNote = (body: string) => ({ contactId: CONTACT_ID, body });

async function outboxIds(db: ReplylineDb) {
  return (await pendingOutbox(db, 10_000)).map((entry) => entry.mutationId);
}

describe('sync engine', () => {
  it('pushes local writes, drops them from the outbox once acknowledged, and pulls them into another replica', async () => {
    const backend = createFakeBackend();
    const laptop = await replica(backend);
    const desktop = await replica(backend);
    const note = await notes.create(laptop.db, newNote('Prefers e-mail'), laptop.clock);

    const pushed = await laptop.engine.syncOnce();
    expect(pushed).toMatchObject({ ok: true, pushed: 1, error: null });
    expect(await outboxSize(laptop.db)).toBe(0);

    const pulled = await desktop.engine.syncOnce();
    expect(pulled).toMatchObject({ ok: true, pulled: 1, applied: 1, cursor: backend.version });
    const onLaptop = await notes.get(laptop.db, note.id);
    expect(onLaptop).toMatchObject({ body: 'Prefers e-mail', createdAt: note.createdAt });
    expect(await notes.get(desktop.db, note.id)).toEqual(onLaptop);
    expect(await outboxSize(desktop.db)).toBe(0); // remote writes are not pushed back
  });

  it('merges concurrent edits field by field, the later stamp winning on every replica', async () => {
    const backend = createFakeBackend();
    const a = await replica(backend);
    const b = await replica(backend);
    const contact = await contacts.create(
      a.db,
      { displayName: 'Kim', stage: 'new', tags: [], firstSeenAt: a.clock.nowIso(), lastSeenAt: a.clock.nowIso() },
      a.clock,
    );
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    a.time.advance(1000);
    await contacts.update(a.db, contact.id, { stage: 'lead' }, a.clock);
    b.time.advance(2000);
    await contacts.update(b.db, contact.id, { stage: 'customer', company: 'Acme' }, b.clock);
    a.time.advance(2000);
    await contacts.update(a.db, contact.id, { tags: ['vip'] }, a.clock);

    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const onA = await contacts.get(a.db, contact.id);
    expect(onA).toMatchObject({ stage: 'customer', company: 'Acme', tags: ['vip'] });
    expect(await contacts.get(b.db, contact.id)).toEqual(onA);
  });

  it('sends at most 500 mutations per push and pushes the rest in later batches', async () => {
    const backend = createFakeBackend();
    const { db, engine, clock } = await replica(backend);
    const tx = db.transaction('outbox', 'readwrite');
    const stamp = clock.next();
    for (let i = 0; i < 1001; i++) {
      void tx.store.add({
        mutationId: crypto.randomUUID(),
        store: 'notes',
        recordId: crypto.randomUUID(),
        fields: { contactId: CONTACT_ID, body: `note ${i}`, deletedAt: null, createdAt: clock.nowIso() },
        stamps: { contactId: stamp, body: stamp, deletedAt: stamp, createdAt: stamp },
        createdAt: clock.nowIso(),
      });
    }
    await tx.done;

    const report = await engine.syncOnce();
    expect(backend.log.pushes.map((push) => push.mutations.length)).toEqual([500, 500, 1]);
    expect(report).toMatchObject({ ok: true, pushed: 1001, pulled: 1001 });
    expect(await outboxSize(db)).toBe(0);
  });

  it('keeps unacknowledged writes when the ack is lost, and the retry re-sends the same mutation ids without duplicating them', async () => {
    const backend = createFakeBackend();
    let loseAck = true;
    const flaky: SyncTransport = {
      ...backend.transport,
      async push(batch) {
        const answer = await backend.transport.push(batch);
        if (loseAck) throw new SyncError('offline', 'connection reset'); // the server stored it; the client never hears
        return answer;
      },
    };
    const { db, engine, clock } = await replica(backend, { transport: flaky });
    await notes.create(db, newNote('one'), clock);
    await notes.create(db, newNote('two'), clock);
    const before = await outboxIds(db);

    const failed = await engine.syncOnce();
    expect(failed).toMatchObject({ ok: false, pushed: 0, error: { kind: 'offline' } });
    expect(await outboxIds(db)).toEqual(before);
    expect(backend.log.applied).toBe(2);

    loseAck = false;
    const retried = await engine.syncOnce();
    expect(retried).toMatchObject({ ok: true, pushed: 2 });
    expect(backend.log.pushes[1]!.mutations.map((mutation) => mutation.mutationId)).toEqual(before);
    expect(backend.log).toMatchObject({ applied: 2, duplicates: 2 });
    expect(backend.records.size).toBe(2);
    expect(await outboxSize(db)).toBe(0);
  });

  it('keeps a write made while its push is in flight, and pushes it next time', async () => {
    const backend = createFakeBackend();
    let writeDuringPush: (() => Promise<unknown>) | undefined;
    const slow: SyncTransport = {
      ...backend.transport,
      async push(batch) {
        await writeDuringPush?.();
        writeDuringPush = undefined;
        return backend.transport.push(batch);
      },
    };
    const { db, engine, clock } = await replica(backend, { transport: slow });
    await notes.create(db, newNote('before'), clock);
    writeDuringPush = () => notes.create(db, newNote('during'), clock);

    const report = await engine.syncOnce();
    // The write landed after the batch was read: the loop pushes it in a second batch of the same run.
    expect(report.pushed).toBe(2);
    expect(backend.log.pushes.map((push) => push.mutations.map((mutation) => mutation.fields.body))).toEqual([['before'], ['during']]);
    expect(await outboxSize(db)).toBe(0);
  });

  it('runs one follow-up sync for calls made during a sync, so nothing written meanwhile waits for the alarm', async () => {
    const backend = createFakeBackend();
    const { db, engine, clock } = await replica(backend);
    await notes.create(db, newNote('first'), clock);
    const first = engine.syncOnce();
    await notes.create(db, newNote('second'), clock);
    const second = engine.syncOnce();
    const third = engine.syncOnce();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    expect(await outboxSize(db)).toBe(0);
    expect(backend.log.applied).toBe(2);
  });

  it('skips and reports a remote record that fails its schema, storing nothing, and moves past it', async () => {
    const backend = createFakeBackend();
    const { db, engine } = await replica(backend);
    const stamp = formatHlc({ wallMs: Date.parse('2026-03-02T08:00:00.000Z'), counter: 0 }, 'other');
    const badId = crypto.randomUUID();
    backend.inject({
      store: 'notes',
      recordId: badId,
      fields: { contactId: 'not-a-uuid', body: '', createdAt: '2026-03-02T08:00:00.000Z', deletedAt: null },
      stamps: { contactId: stamp, body: stamp, createdAt: stamp, deletedAt: stamp },
    });
    const goodId = crypto.randomUUID();
    backend.inject({
      store: 'notes',
      recordId: goodId,
      fields: { contactId: CONTACT_ID, body: 'fine', createdAt: '2026-03-02T08:00:00.000Z', deletedAt: null },
      stamps: { contactId: stamp, body: stamp, createdAt: stamp, deletedAt: stamp },
    });

    const report = await engine.syncOnce();
    expect(report.ok).toBe(true);
    expect(report.skipped).toEqual([
      expect.objectContaining({ store: 'notes', recordId: badId, version: 1, reason: expect.stringMatching(/contactId/) as unknown }),
    ]);
    expect(await db.get('notes', badId)).toBeUndefined();
    expect(await notes.get(db, goodId)).toMatchObject({ body: 'fine' });
    expect((await readSyncState(db)).cursor).toBe(2);
  });

  it('folds remote stamps into the clock, so a later local edit wins over a remote one from a clock running ahead', async () => {
    const backend = createFakeBackend();
    const ahead = await replica(backend, { startIso: '2026-03-02T12:00:00.000Z' });
    const behind = await replica(backend, { startIso: '2026-03-02T09:00:00.000Z' });
    const note = await notes.create(ahead.db, newNote('from the fast clock'), ahead.clock);
    await ahead.engine.syncOnce();
    await behind.engine.syncOnce();

    behind.time.advance(60_000); // still three hours behind the other machine
    await notes.update(behind.db, note.id, { body: 'edited after reading it' }, behind.clock);
    await behind.engine.syncOnce();
    await ahead.engine.syncOnce();
    expect(await notes.get(ahead.db, note.id)).toMatchObject({ body: 'edited after reading it' });
    // The clock survives a restart of the service worker.
    const reloaded = await ReplicaClock.load(behind.db, behind.time.now);
    expect(reloaded.next() > note.stamps.body!).toBe(true);
  });

  it('saves the cursor with each applied page, so a failure mid-pull resumes after the last applied page', async () => {
    const backend = createFakeBackend();
    const writer = await replica(backend);
    for (const body of ['a', 'b', 'c', 'd', 'e']) await notes.create(writer.db, newNote(body), writer.clock);
    await writer.engine.syncOnce();

    let pulls = 0;
    const breaksOnSecondPage: SyncTransport = {
      ...backend.transport,
      async pull(after, limit) {
        pulls += 1;
        if (pulls === 2) throw new SyncError('server', 'backend fell over');
        return backend.transport.pull(after, limit);
      },
    };
    const { db, clock, time } = await replica(backend);
    const engine = createSyncEngine({ db, clock, transport: breaksOnSecondPage, now: time.now, random: () => 0.5, pullLimit: 2 });

    expect(await engine.syncOnce()).toMatchObject({ ok: false, pulled: 2, cursor: 2, error: { kind: 'server' } });
    expect((await readSyncState(db)).cursor).toBe(2);
    expect((await notes.all(db)).map((note) => note.body).sort()).toEqual(['a', 'b']);

    expect(await engine.syncOnce()).toMatchObject({ ok: true, pulled: 3, cursor: 5 });
    expect(backend.log.pulls.slice(-2).map((pull) => pull.after)).toEqual([2, 4]);
    expect((await notes.all(db)).map((note) => note.body).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('records failures with a growing, jittered delay and clears them on success', async () => {
    const backend = createFakeBackend();
    let down = true;
    const outage: SyncTransport = {
      ...backend.transport,
      pull: async (after, limit) => {
        if (down) throw new SyncError('offline', 'no network');
        return backend.transport.pull(after, limit);
      },
    };
    const { db, engine, time } = await replica(backend, { transport: outage });
    const first = await engine.syncOnce();
    const second = await engine.syncOnce();
    const delay = (report: typeof first) => Date.parse(report.nextAttemptAt!) - time.now();
    expect(delay(first)).toBe(3750); // base 5 s, half fixed + random 0.5 of the other half
    expect(delay(second)).toBe(7500);
    expect(await readSyncState(db)).toMatchObject({ consecutiveFailures: 2, lastError: { kind: 'offline' } });

    down = false;
    await engine.syncOnce();
    expect(await readSyncState(db)).toEqual({
      cursor: 0,
      lastSyncAt: new Date(time.now()).toISOString(),
      lastError: null,
      consecutiveFailures: 0,
      nextAttemptAt: null,
    });
  });

  it('stops retrying on its own when the token is refused, and honours Retry-After when rate-limited', async () => {
    const backend = createFakeBackend();
    let failure = new SyncError('unauthorized', 'token revoked');
    const refusing: SyncTransport = { ...backend.transport, pull: () => Promise.reject(failure) };
    const { engine, time } = await replica(backend, { transport: refusing });
    expect(await engine.syncOnce()).toMatchObject({ ok: false, error: { kind: 'unauthorized' }, nextAttemptAt: null });

    failure = new SyncError('rate-limited', 'slow down', { status: 429, retryAfterMs: 42_000 });
    const limited = await engine.syncOnce();
    expect(Date.parse(limited.nextAttemptAt!) - time.now()).toBe(42_000);
  });

  it('pulls everything again when the backend reports a version behind the cursor (a new or restored backend)', async () => {
    const backend = createFakeBackend();
    const { db, engine, clock } = await replica(backend);
    for (const body of ['a', 'b', 'c']) await notes.create(db, newNote(body), clock);
    await engine.syncOnce();
    expect((await readSyncState(db)).cursor).toBe(3);

    backend.wipe();
    const other = await replica(backend);
    await notes.create(other.db, newNote('after the restore'), other.clock);
    await other.engine.syncOnce();
    await notes.create(db, newNote('d'), clock);
    await engine.syncOnce(); // the push answers version 2 < cursor 3
    await engine.syncOnce();
    expect((await notes.all(db)).map((note) => note.body)).toContain('after the restore');
  });

  it('rethrows what is not a sync failure (a bug) instead of recording it as one', async () => {
    const backend = createFakeBackend();
    const broken: SyncTransport = { ...backend.transport, pull: () => Promise.reject(new TypeError('bug')) };
    const { db, engine } = await replica(backend, { transport: broken });
    await expect(engine.syncOnce()).rejects.toThrow('bug');
    expect((await readSyncState(db)).consecutiveFailures).toBe(0);
  });
});
