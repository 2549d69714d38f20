import { describe, expect, it } from 'vitest';
import { onRecordsChanged, type RecordsChanged } from '@/lib/db/changes';
import { recordSighting } from '@/lib/db/contacts';
import { notes } from '@/lib/db/notes';
import { clockFor, freshDb } from './helpers';

const ada = { handle: 'ada', profileUrl: 'https://www.linkedin.com/in/ada/', displayName: 'Ada' };

describe('the records-changed signal', () => {
  it('fires once per committed transaction with its stores and ids, and only for its own database', async () => {
    const { db } = await freshDb();
    const { db: other } = await freshDb();
    const { clock } = await clockFor(db);
    const heard: RecordsChanged[] = [];
    const heardByOther: RecordsChanged[] = [];
    onRecordsChanged(db, (change) => heard.push(change));
    onRecordsChanged(other, (change) => heardByOther.push(change));

    const { contact } = await recordSighting(db, 'linkedin', ada, clock);
    const note = await notes.create(db, { contactId: contact.id, body: 'hello' }, clock);

    expect(heard).toHaveLength(2);
    expect(heard[0]?.origin).toBe('local');
    expect([...(heard[0]?.stores ?? [])].sort()).toEqual(['contacts', 'identities']);
    expect(heard[1]).toEqual({ origin: 'local', stores: ['notes'], ids: [note.id] });
    expect(heardByOther).toEqual([]);
  });

  it('says nothing for an aborted transaction, nor after unsubscribing', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const { contact } = await recordSighting(db, 'linkedin', ada, clock);
    const heard: RecordsChanged[] = [];
    const stop = onRecordsChanged(db, (change) => heard.push(change));

    const tx = notes.startWrite(db);
    await notes.createIn(tx, { contactId: contact.id, body: 'never kept' }, clock);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(heard).toEqual([]);

    stop();
    await notes.create(db, { contactId: contact.id, body: 'kept' }, clock);
    expect(heard).toEqual([]);
  });
});
