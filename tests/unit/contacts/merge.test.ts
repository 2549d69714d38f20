import { describe, expect, it } from 'vitest';
import { contactDetail } from '@/lib/contacts/history';
import { mergeContacts, MergeRefusedError } from '@/lib/contacts/merge';
import { mergedFields } from '@/lib/contacts/merge-fields';
import { contacts, recordSighting } from '@/lib/db/contacts';
import { findIdentity } from '@/lib/db/identities';
import { notes, notesOf } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import type { Contact, Person } from '@/lib/model';
import { clockFor, freshDb } from '../db/helpers';

const onLinkedIn: Person = { handle: 'ada-lovelace', profileUrl: 'https://www.linkedin.com/in/ada-lovelace/', displayName: 'Ada Lovelace' };
const onX: Person = { handle: 'adal', profileUrl: 'https://x.com/adal', displayName: 'Ada L.' };

async function twoContacts() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const linkedin = (await recordSighting(db, 'linkedin', onLinkedIn, clock)).contact;
  time.advance(60_000);
  const x = (await recordSighting(db, 'x', onX, clock)).contact;
  return { db, clock, time, linkedin, x };
}

describe('mergeContacts', () => {
  it('keeps both identities and moves the notes to the kept contact, tombstoning the other', async () => {
    const { db, clock, linkedin, x } = await twoContacts();
    await notes.create(db, { contactId: x.id, body: 'Asked about pricing on X' }, clock);
    await notes.create(db, { contactId: linkedin.id, body: 'Met at the fair' }, clock);

    await mergeContacts(db, clock, linkedin.id, x.id);

    expect((await findIdentity(db, 'x', 'adal'))?.contactId).toBe(linkedin.id);
    expect((await findIdentity(db, 'linkedin', 'ada-lovelace'))?.contactId).toBe(linkedin.id);
    expect((await notesOf(db, linkedin.id)).map((note) => note.body).sort()).toEqual(['Asked about pricing on X', 'Met at the fair']);
    expect(await notesOf(db, x.id)).toEqual([]);
    expect(await contacts.get(db, x.id)).toBeUndefined();
    const folded = contacts.parse(await db.get('contacts', x.id));
    expect(folded.mergedInto).toBe(linkedin.id);
    const detail = await contactDetail(db, linkedin.id);
    expect(detail.identities.map((identity) => identity.site).sort()).toEqual(['linkedin', 'x']);
  });

  it('writes every change to the outbox as ordinary record writes', async () => {
    const { db, clock, linkedin, x } = await twoContacts();
    const note = await notes.create(db, { contactId: x.id, body: 'From X' }, clock);
    // The outbox keeps one entry per record: a merged write shows as a new mutation id on its record's entry.
    const before = new Set((await pendingOutbox(db, 100)).map((entry) => entry.mutationId));

    await mergeContacts(db, clock, linkedin.id, x.id);

    const written = (await pendingOutbox(db, 100)).filter((entry) => !before.has(entry.mutationId)).map((entry) => [entry.store, entry.recordId]);
    expect(written).toEqual(
      expect.arrayContaining([
        ['identities', (await findIdentity(db, 'x', 'adal'))?.id],
        ['notes', note.id],
        ['contacts', x.id],
      ]),
    );
  });

  it('is idempotent: merging again writes nothing', async () => {
    const { db, clock, linkedin, x } = await twoContacts();
    const first = await mergeContacts(db, clock, linkedin.id, x.id);
    expect(first.written).toBeGreaterThan(0);
    const size = await outboxSize(db);

    const again = await mergeContacts(db, clock, linkedin.id, x.id);

    expect(again.written).toBe(0);
    expect(await outboxSize(db)).toBe(size);
  });

  it('refuses a contact merged with itself, and one merged elsewhere already', async () => {
    const { db, clock, linkedin, x } = await twoContacts();
    await expect(mergeContacts(db, clock, linkedin.id, linkedin.id)).rejects.toBeInstanceOf(MergeRefusedError);
    await mergeContacts(db, clock, linkedin.id, x.id);
    await expect(mergeContacts(db, clock, x.id, linkedin.id)).rejects.toThrow();
  });

  it('later sightings of the folded identity land on the kept contact', async () => {
    const { db, clock, linkedin, x } = await twoContacts();
    await mergeContacts(db, clock, linkedin.id, x.id);
    const seen = await recordSighting(db, 'x', onX, clock);
    expect(seen.contact.id).toBe(linkedin.id);
  });
});

const base: Contact = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  stamps: {},
  displayName: 'Kept',
  stage: 'new',
  tags: [],
  firstSeenAt: '2026-02-01T00:00:00.000Z',
  lastSeenAt: '2026-02-05T00:00:00.000Z',
};
const stamp = (ms: number) => `${String(ms).padStart(15, '0')}:000000:replica`;

describe('mergedFields', () => {
  it('takes the stage set last when both chose one', () => {
    const kept = { ...base, stage: 'qualified' as const, stamps: { stage: stamp(100) } };
    const folded = { ...base, stage: 'customer' as const, stamps: { stage: stamp(200) } };
    expect(mergedFields(kept, folded).stage).toBe('customer');
    expect(mergedFields({ ...kept, stamps: { stage: stamp(300) } }, folded).stage).toBe('qualified');
  });

  it('never lets "new" override a chosen stage, whichever side it is on', () => {
    const chosen = { ...base, stage: 'lead' as const, stamps: { stage: stamp(1) } };
    const fresh = { ...base, stage: 'new' as const, stamps: { stage: stamp(999) } };
    expect(mergedFields(chosen, fresh).stage).toBe('lead');
    expect(mergedFields(fresh, chosen).stage).toBe('lead');
  });

  it('joins tags once per spelling, keeps the kept side’s facts and fills gaps from the other', () => {
    const kept = { ...base, tags: ['Nordics', 'vip'], company: 'Acme', firstSeenAt: '2026-02-03T00:00:00.000Z' };
    const folded = { ...base, tags: ['nordics', 'trial'], company: 'Other', email: 'ada@example.com', lastSeenAt: '2026-03-01T00:00:00.000Z' };
    const merged = mergedFields(kept, folded);
    expect(merged.tags).toEqual(['Nordics', 'vip', 'trial']);
    expect(merged.company).toBe('Acme');
    expect(merged.email).toBe('ada@example.com');
    expect(merged.firstSeenAt).toBe('2026-02-01T00:00:00.000Z');
    expect(merged.lastSeenAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('joins the stage histories in time order without repeats', () => {
    const kept = { ...base, stageHistory: [{ stage: 'lead' as const, at: '2026-02-02T00:00:00.000Z' }] };
    const folded = {
      ...base,
      stageHistory: [
        { stage: 'contacted' as const, at: '2026-02-01T00:00:00.000Z' },
        { stage: 'lead' as const, at: '2026-02-02T00:00:00.000Z' },
      ],
    };
    expect(mergedFields(kept, folded).stageHistory?.map((change) => change.stage)).toEqual(['contacted', 'lead']);
  });
});
