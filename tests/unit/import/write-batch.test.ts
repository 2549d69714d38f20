import { describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { pendingOutbox } from '@/lib/db/outbox';
import { writeRecord } from '@/lib/db/write';
import { WriteBatch } from '@/lib/db/write-batch';
import type { Contact } from '@/lib/model';
import { clockFor, freshDb, manualTime } from '../db/helpers';

const draft = (now: string): Contact => ({
  id: '6f1c1c52-3c39-4c5e-9d8e-1f2a3b4c5d6e',
  createdAt: now,
  updatedAt: now,
  deletedAt: null,
  stamps: {},
  displayName: 'Ada',
  headline: undefined,
  stage: 'new',
  tags: [],
  firstSeenAt: now,
  lastSeenAt: now,
});

/** The same two writes (create, then change one field) through writeRecord or through a batch. */
async function twoWrites(useBatch: boolean) {
  const { db } = await freshDb();
  const clock = await ReplicaClock.load(db, manualTime().now);
  Object.defineProperty(clock, 'clientId', { value: 'same-client' }); // equal stamps on both sides
  const tx = contacts.startWrite(db);
  const first = draft(clock.nowIso());
  let stored: Contact;
  if (useBatch) {
    const batch = new WriteBatch(tx, clock);
    const created = batch.write('contacts', first, undefined);
    expect(batch.write('contacts', { ...created }, created)).toBe(created); // nothing changed: nothing queued
    stored = batch.write('contacts', { ...created, stage: 'lead' }, created);
    await batch.flush();
  } else {
    const created = await writeRecord(tx, 'contacts', first, undefined, clock);
    stored = await writeRecord(tx, 'contacts', { ...created, stage: 'lead' }, created, clock);
  }
  await tx.done;
  const outbox = (await pendingOutbox(db, 10)).map((entry) => ({ ...entry, mutationId: 'any', seq: 0 }));
  const reloaded = await ReplicaClock.load(db, manualTime().now);
  return { stored, fromDb: await contacts.get(db, first.id), outbox, nextStamp: reloaded.next() };
}

describe('WriteBatch', () => {
  it('stores, stamps and queues for sync exactly as writeRecord does, and saves the clock', async () => {
    const batched = await twoWrites(true);
    const awaited = await twoWrites(false);
    // Create and change of one record: one entry, the change's stamp on stage, the creation's on the rest.
    expect(batched.outbox).toHaveLength(1);
    expect(batched.outbox[0]?.fields).toMatchObject({ displayName: 'Ada', stage: 'lead' });
    expect(batched.outbox[0]?.stamps.stage).toBe(batched.stored.stamps.stage);
    expect(batched.outbox[0]?.stamps.displayName).toBe(batched.stored.stamps.displayName);
    expect((batched.outbox[0]?.stamps.stage ?? '') > (batched.outbox[0]?.stamps.displayName ?? '')).toBe(true);
    expect(batched.outbox).toEqual(awaited.outbox);
    expect(batched.fromDb).toEqual(awaited.fromDb);
    expect(batched.stored).toEqual(awaited.stored);
    expect(batched.nextStamp.slice(0, 22)).toBe(awaited.nextStamp.slice(0, 22));
  });

  it('rejects flush when a queued request fails', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const tx = db.transaction(['identities', 'outbox', 'meta'], 'readwrite');
    const batch = new WriteBatch(tx, clock);
    const now = clock.nowIso();
    const identity = { contactId: '6f1c1c52-3c39-4c5e-9d8e-1f2a3b4c5d6e', site: 'x' as const, handle: 'ada', profileUrl: '', displayName: '' };
    const base = { createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
    batch.write('identities', { ...identity, ...base, id: crypto.randomUUID() }, undefined);
    batch.write('identities', { ...identity, ...base, id: crypto.randomUUID() }, undefined); // same site and handle
    await expect(batch.flush()).rejects.toThrow();
    await expect(tx.done).rejects.toThrow();
    expect(await db.count('identities')).toBe(0);
  });
});
