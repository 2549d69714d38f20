import { describe, expect, it } from 'vitest';
import { recordSighting } from '@/lib/db/contacts';
import { notes, notesOf } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import { ReplicaClock } from '@/lib/db/clock';
import { RecordNotFoundError } from '@/lib/db/repository';
import { clockFor, freshDb } from './helpers';

async function withContact() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const { contact } = await recordSighting(
    db,
    'linkedin',
    { handle: 'grace', profileUrl: 'https://www.linkedin.com/in/grace/', displayName: 'Grace Hopper' },
    clock,
  );
  return { db, clock, time, contact };
}

describe('notes', () => {
  it('stores a brand-new note as not edited, even when the wall clock moves between reads', async () => {
    const { db } = await freshDb();
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const clock = await ReplicaClock.load(db, () => (now += 7)); // every read a few ms later
    const { contact } = await recordSighting(db, 'linkedin', { handle: 'ada', profileUrl: 'https://www.linkedin.com/in/ada/', displayName: 'Ada' }, clock);
    const note = await notes.create(db, { contactId: contact.id, body: 'first' }, clock);
    expect(note.updatedAt).toBe(note.createdAt);
    expect((await notesOf(db, contact.id))[0]?.updatedAt).toBe(note.createdAt);
    const edited = await notes.update(db, note.id, { body: 'second' }, clock);
    expect(edited.updatedAt > edited.createdAt).toBe(true);
  });

  it('lists a contact’s notes newest first', async () => {
    const { db, clock, time, contact } = await withContact();
    for (const body of ['met at the fair', 'sent deck', 'call booked']) {
      await notes.create(db, { contactId: contact.id, body }, clock);
      time.advance(60_000);
    }
    expect((await notesOf(db, contact.id)).map((note) => note.body)).toEqual(['call booked', 'sent deck', 'met at the fair']);
  });

  it('edits a note, stamping only the body and pushing only the body', async () => {
    const { db, clock, time, contact } = await withContact();
    const note = await notes.create(db, { contactId: contact.id, body: 'draft' }, clock);
    time.advance(5_000);

    const edited = await notes.update(db, note.id, { body: 'final' }, clock);

    expect(edited.body).toBe('final');
    expect(edited.createdAt).toBe(note.createdAt);
    expect(edited.updatedAt).not.toBe(note.updatedAt);
    expect(edited.stamps.body! > note.stamps.body!).toBe(true);
    expect(edited.stamps.contactId).toBe(note.stamps.contactId);
    const last = (await pendingOutbox(db, 100)).at(-1);
    expect(last).toMatchObject({ store: 'notes', recordId: note.id, fields: { body: 'final' } });
  });

  it('deletes by tombstone, which syncs like any other field', async () => {
    const { db, clock, contact } = await withContact();
    const note = await notes.create(db, { contactId: contact.id, body: 'to go' }, clock);

    const tombstone = await notes.remove(db, note.id, clock);

    expect(tombstone.deletedAt).not.toBeNull();
    expect(await notesOf(db, contact.id)).toEqual([]);
    expect(await notes.get(db, note.id)).toBeUndefined();
    expect(await db.get('notes', note.id)).toMatchObject({ body: 'to go', deletedAt: tombstone.deletedAt });
    // Never pushed: the creation and the tombstone travel as the note's one entry, the tombstone's stamp newest.
    const queued = (await pendingOutbox(db, 100)).filter((entry) => entry.recordId === note.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.fields).toMatchObject({ body: 'to go', deletedAt: tombstone.deletedAt });
    expect(queued[0]?.stamps.deletedAt).toBe(tombstone.stamps.deletedAt);
    expect((queued[0]?.stamps.deletedAt ?? '') > (queued[0]?.stamps.body ?? '')).toBe(true);
    await expect(notes.update(db, note.id, { body: 'zombie' }, clock)).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('writes nothing, not even an outbox entry, when the record is invalid', async () => {
    const { db, clock, contact } = await withContact();
    const before = await outboxSize(db);
    await expect(notes.create(db, { contactId: contact.id, body: '   ' }, clock)).rejects.toThrow();
    const note = await notes.create(db, { contactId: contact.id, body: 'ok' }, clock);
    await expect(notes.update(db, note.id, { body: '' }, clock)).rejects.toThrow();
    expect(await outboxSize(db)).toBe(before + 1);
    expect((await notes.get(db, note.id))?.body).toBe('ok');
  });

  it('rolls the record back with its outbox entry when the transaction fails', async () => {
    const { db, clock, contact } = await withContact();
    const before = await outboxSize(db);
    const tx = notes.startWrite(db);
    await notes.createIn(tx, { contactId: contact.id, body: 'lost with the transaction' }, clock);
    tx.abort();
    await expect(tx.done).rejects.toThrow();
    expect(await notesOf(db, contact.id)).toEqual([]);
    expect(await outboxSize(db)).toBe(before);
  });

  it('skips the write and the outbox entry when nothing changed', async () => {
    const { db, clock, contact } = await withContact();
    const note = await notes.create(db, { contactId: contact.id, body: 'same' }, clock);
    const before = await outboxSize(db);
    const again = await notes.update(db, note.id, { body: 'same' }, clock);
    expect(again).toEqual(note);
    expect(await outboxSize(db)).toBe(before);
  });
});
