import { describe, expect, it } from 'vitest';
import { recordSighting } from '@/lib/db/contacts';
import { notes } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import { RefusedWrite } from '@/lib/db/refused-write';
import { mergeFields } from '@/lib/sync/merge';
import { mutationOf } from '@/lib/sync/outbox-mutation';
import { mutationSchema } from '@/lib/sync/wire';
import { clockFor, freshDb } from './helpers';

async function withNote() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const { contact } = await recordSighting(
    db,
    'linkedin',
    { handle: 'grace', profileUrl: 'https://www.linkedin.com/in/grace/', displayName: 'Grace Hopper' },
    clock,
  );
  const note = await notes.create(db, { contactId: contact.id, body: 'first' }, clock);
  return { db, clock, time, note };
}

const entriesFor = async (db: Awaited<ReturnType<typeof withNote>>['db'], recordId: string) =>
  (await pendingOutbox(db, 10_000)).filter((entry) => entry.recordId === recordId);

describe('outbox, one entry per record', () => {
  it('turns an offline burst of 1,000 edits to one note into one entry holding the last body and its stamp', async () => {
    const { db, clock, time, note } = await withNote();
    const sizeBefore = await outboxSize(db);
    let latest = note;
    for (let edit = 1; edit <= 1000; edit += 1) {
      time.advance(1);
      latest = await notes.update(db, note.id, { body: `edit ${edit}` }, clock);
    }
    expect(await outboxSize(db)).toBe(sizeBefore);
    const [entry, ...others] = await entriesFor(db, note.id);
    expect(others).toEqual([]);
    expect(entry?.fields).toMatchObject({ body: 'edit 1000', contactId: note.contactId, createdAt: note.createdAt });
    // The exact stamps a one-by-one push would have left: the last edit's on body, the creation's on the rest.
    expect(entry?.stamps.body).toBe(latest.stamps.body);
    expect(entry?.stamps.contactId).toBe(note.stamps.contactId);
    expect(entry?.stamps.createdAt).toBe(note.stamps.body);
    expect(mutationSchema.safeParse(entry && mutationOf(entry)).success).toBe(true);
  });

  it('leaves on the server what pushing every write one by one would: the merge of the entries equals the one entry', async () => {
    const { db, clock, time, note } = await withNote();
    const separate: Array<{ fields: Record<string, unknown>; stamps: Record<string, string> }> = [];
    const [created] = await entriesFor(db, note.id);
    separate.push(created!);
    time.advance(5);
    const edited = await notes.update(db, note.id, { body: 'second' }, clock);
    separate.push({ fields: { body: 'second' }, stamps: { body: edited.stamps.body! } });
    time.advance(5);
    const removed = await notes.remove(db, note.id, clock);
    separate.push({ fields: { deletedAt: removed.deletedAt }, stamps: { deletedAt: removed.stamps.deletedAt! } });

    const oneByOne = separate.reduce((server, write) => mergeFields(server, write), { fields: {}, stamps: {} } as ReturnType<typeof mergeFields>);
    const [entry] = await entriesFor(db, note.id);
    expect(entry?.fields).toEqual(oneByOne.fields);
    expect(entry?.stamps).toEqual(oneByOne.stamps);
  });

  it('gives a coalesced entry a new key and mutation id, so an acknowledgement of the older entry in flight cannot drop the newer write', async () => {
    const { db, clock, note } = await withNote();
    const [inFlight] = await entriesFor(db, note.id);
    await notes.update(db, note.id, { body: 'written while the push was out' }, clock);
    // What the engine does on the answer: delete the acknowledged entry by its key.
    await db.delete('outbox', inFlight!.seq!);
    const [left] = await entriesFor(db, note.id);
    expect(left?.fields.body).toBe('written while the push was out');
    expect(left?.seq).not.toBe(inFlight?.seq);
    expect(left?.mutationId).not.toBe(inFlight?.mutationId);
  });
});

describe('writes the team backend would refuse', () => {
  it('refuses them locally with the path and reason, storing and queuing nothing', async () => {
    const { db, clock, note } = await withNote();
    const sizeBefore = await outboxSize(db);
    const refusal = notes.update(db, note.id, { body: 'bad \u0000 byte' }, clock);
    await expect(refusal).rejects.toBeInstanceOf(RefusedWrite);
    await expect(refusal).rejects.toMatchObject({ reason: 'nul-character', path: 'fields.body', store: 'notes', recordId: note.id });
    await expect(refusal).rejects.toThrow(/Not saved: notes record .*fields\.body.*U\+0000/);
    expect((await notes.get(db, note.id))?.body).toBe('first');
    expect(await outboxSize(db)).toBe(sizeBefore);

    await expect(notes.update(db, note.id, { body: 'lone \ud800 surrogate' }, clock)).rejects.toMatchObject({ reason: 'lone-surrogate' });
    expect((await entriesFor(db, note.id))[0]?.fields.body).toBe('first');
  });
});
