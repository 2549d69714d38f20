import { describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { notes } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import { discardQuarantined, listQuarantined, QuarantineEntryMissingError, retryQuarantined } from '@/lib/db/quarantine';
import { createSyncEngine } from '@/lib/sync/engine';
import { formatHlc, parseHlc } from '@/lib/sync/hlc';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import type { SyncTransport } from '@/lib/sync/transport';
import type { PushRejection } from '@/lib/sync/wire';
import { freshDb, manualTime } from '../db/helpers';
import { createFakeBackend, type FakeBackend } from './fake-backend';

const CONTACT_ID = '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11';
const START = '2026-03-02T09:00:00.000Z';

async function replica(backend: FakeBackend, transport: SyncTransport = backend.transport, startIso = START) {
  const { db } = await freshDb();
  const time = manualTime(startIso);
  const clock = await ReplicaClock.load(db, time.now);
  const engine = createSyncEngine({ db, clock, transport, now: time.now, random: () => 0.5 });
  return { db, clock, time, engine };
}

/** A backend that refuses every note whose body contains "refuse me", as the server refuses what it cannot store. */
function refusingBackend() {
  return createFakeBackend({
    reject: (mutation): PushRejection | null =>
      typeof mutation.fields.body === 'string' && mutation.fields.body.includes('refuse me')
        ? { mutationId: mutation.mutationId, status: 'rejected', reason: 'invalid-field-value', path: 'fields.body', message: 'body refused' }
        : null,
  });
}

describe('sync engine: refused changes', () => {
  it('quarantines outbox rows the server would refuse before pushing, so they never block what follows', async () => {
    const backend = createFakeBackend();
    const { db, clock, engine } = await replica(backend);
    const before = await notes.create(db, { contactId: CONTACT_ID, body: 'before' }, clock);
    const [first] = (await pendingOutbox(db, 10)) as [OutboxEntry];
    const { mutationId, store, recordId, fields, stamps, createdAt } = first;
    const queued = { mutationId, store, recordId, fields, stamps, createdAt };
    // As an older version could have queued them: a NUL the server cannot store, and a row that is no change at all.
    const older = { ...queued, mutationId: crypto.randomUUID(), recordId: crypto.randomUUID(), fields: { body: 'nul\u0000' } };
    await db.add('outbox', older);
    await db.add('outbox', { damaged: true } as never);
    const after = await notes.create(db, { contactId: CONTACT_ID, body: 'after' }, clock);

    const report = await engine.syncOnce();
    expect(report).toMatchObject({ ok: true, pushed: 2, quarantined: 2, error: null });
    expect(await outboxSize(db)).toBe(0);
    expect([...backend.records.values()].map((record) => record.recordId).sort()).toEqual([before.id, after.id].sort());
    const { changes, unreadable } = await listQuarantined(db);
    expect(unreadable).toBe(1);
    expect(changes).toEqual([expect.objectContaining({ mutationId: older.mutationId, reason: 'nul-character', path: 'fields.body' })]);
  });

  it('moves a rejected entry into quarantine, pushes the entries around it, and empties the outbox', async () => {
    const backend = refusingBackend();
    const { db, clock, engine, time } = await replica(backend);
    const first = await notes.create(db, { contactId: CONTACT_ID, body: 'first' }, clock);
    const refused = await notes.create(db, { contactId: CONTACT_ID, body: 'please refuse me' }, clock);
    const last = await notes.create(db, { contactId: CONTACT_ID, body: 'last' }, clock);
    const refusedEntry = (await pendingOutbox(db, 10)).find((entry) => entry.recordId === refused.id)!;

    const report = await engine.syncOnce();
    expect(report).toMatchObject({ ok: true, pushed: 2, quarantined: 1, error: null });
    expect(await outboxSize(db)).toBe(0);
    expect([...backend.records.values()].map((record) => record.recordId).sort()).toEqual([first.id, last.id].sort());

    const { changes, unreadable } = await listQuarantined(db);
    expect(unreadable).toBe(0);
    const entry = { mutationId: refusedEntry.mutationId, store: refusedEntry.store, recordId: refusedEntry.recordId, fields: refusedEntry.fields, stamps: refusedEntry.stamps, createdAt: refusedEntry.createdAt };
    expect(changes).toEqual([
      {
        mutationId: refusedEntry.mutationId,
        entry,
        reason: 'invalid-field-value',
        path: 'fields.body',
        message: 'body refused',
        quarantinedAt: new Date(time.now()).toISOString(),
      },
    ]);

    // Later writes are never held up by it.
    await notes.create(db, { contactId: CONTACT_ID, body: 'after' }, clock);
    expect(await engine.syncOnce()).toMatchObject({ ok: true, pushed: 1, quarantined: 0 });
    expect((await listQuarantined(db)).changes).toHaveLength(1);
  });

  it('quarantines every entry of a push the server refused whole (its 400 carries the results)', async () => {
    const backend = refusingBackend();
    const { db, clock, engine } = await replica(backend);
    await notes.create(db, { contactId: CONTACT_ID, body: 'refuse me' }, clock);
    await notes.create(db, { contactId: CONTACT_ID, body: 'refuse me too' }, clock);
    expect(await engine.syncOnce()).toMatchObject({ ok: true, pushed: 0, quarantined: 2 });
    expect(await outboxSize(db)).toBe(0);
    expect((await listQuarantined(db)).changes.map((change) => change.reason)).toEqual(['invalid-field-value', 'invalid-field-value']);
  });

  it('retry puts the very same mutation back at the end of the outbox; discard forgets it; both need an existing entry', async () => {
    let refuse = true;
    const backend = createFakeBackend({
      reject: (mutation) => (refuse ? { mutationId: mutation.mutationId, status: 'rejected', reason: 'clock-ahead', path: 'stamps.body', message: 'ahead' } : null),
    });
    const { db, clock, engine } = await replica(backend);
    const note = await notes.create(db, { contactId: CONTACT_ID, body: 'kept' }, clock);
    const sent = (await pendingOutbox(db, 10))[0]!;
    await engine.syncOnce();
    const [change] = (await listQuarantined(db)).changes;

    await notes.create(db, { contactId: CONTACT_ID, body: 'written meanwhile' }, clock);
    await retryQuarantined(db, change!.mutationId);
    const outbox = await pendingOutbox(db, 10);
    expect(outbox.map((entry) => entry.mutationId)).toEqual([expect.any(String), sent.mutationId]);
    expect({ ...outbox[1], seq: undefined }).toEqual({ ...sent, seq: undefined });
    expect(outbox[1]!.seq).toBeGreaterThan(outbox[0]!.seq!);
    expect((await listQuarantined(db)).changes).toEqual([]);

    refuse = false;
    expect(await engine.syncOnce()).toMatchObject({ ok: true, pushed: 2, quarantined: 0 });
    expect(backend.records.get(`notes/${note.id}`)?.fields.body).toBe('kept');

    refuse = true;
    await notes.update(db, note.id, { body: 'refused again' }, clock);
    await engine.syncOnce();
    const again = (await listQuarantined(db)).changes[0]!;
    await discardQuarantined(db, again.mutationId);
    expect((await listQuarantined(db)).changes).toEqual([]);
    expect(await outboxSize(db)).toBe(0);
    await expect(discardQuarantined(db, again.mutationId)).rejects.toBeInstanceOf(QuarantineEntryMissingError);
    await expect(retryQuarantined(db, again.mutationId)).rejects.toBeInstanceOf(QuarantineEntryMissingError);
  });

  it('drops a superseded entry as done and reports the stamp that holds the field', async () => {
    const backend = createFakeBackend();
    const writer = await replica(backend);
    const note = await notes.create(writer.db, { contactId: CONTACT_ID, body: 'old' }, writer.clock);
    await writer.engine.syncOnce();
    const newer = formatHlc({ wallMs: Date.parse('2026-03-02T09:05:00.000Z'), counter: 0 }, 'elsewhere');
    const stored = backend.records.get(`notes/${note.id}`)!;
    backend.inject({ ...stored, fields: { ...stored.fields, body: 'newer' }, stamps: { ...stored.stamps, body: newer } });

    await notes.update(writer.db, note.id, { body: 'mine, but older' }, writer.clock);
    const report = await writer.engine.syncOnce();
    expect(report).toMatchObject({ ok: true, pushed: 1, quarantined: 0 });
    expect(report.superseded).toHaveLength(1);
    expect(report.superseded[0]).toMatchObject({ store: 'notes', recordId: note.id, fields: ['body'], stamp: newer });
    expect(await outboxSize(writer.db)).toBe(0);
    expect(await notes.get(writer.db, note.id)).toMatchObject({ body: 'newer' });
  });

  it('moves nothing when the answer does not line up with what was sent', async () => {
    const backend = createFakeBackend();
    const shuffled: SyncTransport = {
      ...backend.transport,
      async push(batch) {
        const answer = await backend.transport.push(batch);
        return { ...answer, results: [...answer.results].reverse() };
      },
    };
    const { db, clock, engine } = await replica(backend, shuffled);
    await notes.create(db, { contactId: CONTACT_ID, body: 'a' }, clock);
    await notes.create(db, { contactId: CONTACT_ID, body: 'b' }, clock);
    expect(await engine.syncOnce()).toMatchObject({ ok: false, pushed: 0, error: { kind: 'bad-response' } });
    expect(await outboxSize(db)).toBe(2);
    expect((await listQuarantined(db)).changes).toEqual([]);
  });
});

describe('sync engine: the server’s clock', () => {
  it('adopts the serverTime of a push answer, so the next local stamp is not behind the server', async () => {
    const serverNow = Date.parse('2026-03-02T11:00:00.000Z'); // two hours ahead of this machine
    const backend = createFakeBackend({ now: () => serverNow });
    const { db, clock, engine } = await replica(backend);
    await notes.create(db, { contactId: CONTACT_ID, body: 'slow machine' }, clock);
    await engine.syncOnce();
    expect(parseHlc(clock.next()).wallMs).toBe(serverNow);
    // Saved with the answer: a restarted worker keeps it.
    const reloaded = await ReplicaClock.load(db, () => Date.parse(START));
    expect(parseHlc(reloaded.next()).wallMs).toBe(serverNow);
  });

  it('adopts the serverTime of a pull answer even when nothing was pushed or pulled', async () => {
    const serverNow = Date.parse('2026-03-02T10:00:00.000Z');
    const backend = createFakeBackend({ now: () => serverNow });
    const { db, clock, engine } = await replica(backend);
    expect(await engine.syncOnce()).toMatchObject({ ok: true, pushed: 0, pulled: 0 });
    expect(parseHlc(clock.next()).wallMs).toBe(serverNow);
    const reloaded = await ReplicaClock.load(db, () => Date.parse(START));
    expect(parseHlc(reloaded.next()).wallMs).toBe(serverNow);
  });

  it('keeps its own time when the server’s is behind', async () => {
    const backend = createFakeBackend({ now: () => Date.parse('2026-03-02T08:00:00.000Z') });
    const { clock, engine, time } = await replica(backend);
    await engine.syncOnce();
    expect(parseHlc(clock.next()).wallMs).toBe(time.now());
  });
});
