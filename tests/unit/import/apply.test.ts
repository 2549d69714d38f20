import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { contacts, recordSighting } from '@/lib/db/contacts';
import { findIdentity, identities } from '@/lib/db/identities';
import { notes, notesOf } from '@/lib/db/notes';
import { outboxSize, pendingOutbox } from '@/lib/db/outbox';
import type { ReplylineDb } from '@/lib/db/open';
import { importContacts } from '@/lib/import/apply';
import { csvHeader, guessMapping, parseContactsCsv } from '@/lib/import/contacts-csv';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import { clockFor, freshDb } from '../db/helpers';

const connections = readFileSync(new URL('../../fixtures/import/Connections.csv', import.meta.url), 'utf8');

async function storeCounts(db: ReplylineDb) {
  return {
    contacts: await db.count('contacts'),
    identities: await db.count('identities'),
    notes: await db.count('notes'),
    outbox: await outboxSize(db),
  };
}

describe('importContacts from LinkedIn Connections.csv', () => {
  it('creates a contact and a LinkedIn identity per connection, with a canonical handle', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const { rows, errors } = linkedInImportRows(connections);

    const result = await importContacts(db, clock, rows, { tags: ['linkedin'] });

    expect(errors).toEqual([{ line: 16, reason: 'no name (First Name and Last Name are empty)' }]);
    expect(result).toEqual({ created: 10, updated: 0, skipped: 0, errors: [] });
    expect(await storeCounts(db)).toEqual({ contacts: 10, identities: 10, notes: 0, outbox: 20 });

    const kenta = await findIdentity(db, 'linkedin', '佐藤-健太-8b2a61193');
    expect(kenta?.profileUrl).toBe('https://www.linkedin.com/in/%E4%BD%90%E8%97%A4-%E5%81%A5%E5%A4%AA-8b2a61193/');
    const contact = await contacts.get(db, kenta!.contactId);
    expect(contact).toMatchObject({
      displayName: '健太 佐藤',
      company: '株式会社ノースウィンド',
      position: '営業部長',
      stage: 'new',
      tags: ['linkedin'],
      firstSeenAt: '2026-08-01T00:00:00.000Z',
    });
    expect(await findIdentity(db, 'linkedin', 'priyaraman')).toBeDefined();
  });

  it('writes nothing at all when the same file is imported again', async () => {
    const { db } = await freshDb();
    const { clock, time } = await clockFor(db);
    const { rows } = linkedInImportRows(connections);
    await importContacts(db, clock, rows);
    const before = await storeCounts(db);
    const stored = await contacts.all(db);
    time.advance(60_000);

    const again = await importContacts(db, clock, rows);

    expect(again).toEqual({ created: 0, updated: 0, skipped: 10, errors: [] });
    expect(await storeCounts(db)).toEqual(before);
    expect(await contacts.all(db)).toEqual(stored);
  });

  it('updates only the fields the file changed, and keeps what it leaves empty', async () => {
    const { db } = await freshDb();
    const { clock, time } = await clockFor(db);
    await importContacts(db, clock, linkedInImportRows(connections).rows);
    const tobias = (await findIdentity(db, 'linkedin', 'tobiasengel'))!;
    const before = (await contacts.get(db, tobias.contactId))!;
    const outboxBefore = await outboxSize(db);
    time.advance(60_000);

    const changed = connections.replace('Fabrikam, Inc.",VP Sales', 'Fabrikam, Inc.",Chief Revenue Officer').replace('tobias.engel@example.com', '');
    const result = await importContacts(db, clock, linkedInImportRows(changed).rows);

    expect(result).toMatchObject({ created: 0, updated: 1, skipped: 9 });
    const after = (await contacts.get(db, tobias.contactId))!;
    expect(after.position).toBe('Chief Revenue Officer');
    expect(after.headline).toBeUndefined();
    expect(after.email).toBe('tobias.engel@example.com');
    expect(after.stamps.position).not.toBe(before.stamps.position);
    expect(after.stamps.company).toBe(before.stamps.company);
    // The contact's entry, still unpushed, now carries the new position under its new stamp.
    expect(await outboxSize(db)).toBe(outboxBefore);
    const entry = (await pendingOutbox(db, 1000)).find((queued) => queued.recordId === tobias.contactId);
    expect(entry?.fields).toMatchObject({ position: 'Chief Revenue Officer', email: 'tobias.engel@example.com' });
    expect(entry?.stamps.position).toBe(after.stamps.position);
  });

  it('leaves the database as it was when a write fails midway', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const existing = await contacts.create(
      db,
      { displayName: 'Already here', stage: 'lead', tags: [], firstSeenAt: clock.nowIso(), lastSeenAt: clock.nowIso() },
      clock,
    );
    const before = await storeCounts(db);
    const realNext = clock.next.bind(clock);
    let stamps = 0;
    vi.spyOn(clock, 'next').mockImplementation(() => {
      if (++stamps === 7) throw new Error('disk full');
      return realNext();
    });

    await expect(importContacts(db, clock, linkedInImportRows(connections).rows)).rejects.toThrow('disk full');

    expect(await storeCounts(db)).toEqual(before);
    expect(await contacts.all(db)).toEqual([existing]);
  });
});

describe('importContacts matching', () => {
  it('gives the ids a sighting of the same person gives, so that replicas agree', async () => {
    const { db: imported } = await freshDb();
    await importContacts(imported, (await clockFor(imported)).clock, linkedInImportRows(connections).rows);
    const { db: browsed } = await freshDb();
    const sighting = await recordSighting(
      browsed,
      'linkedin',
      { handle: 'tobiasengel', profileUrl: 'https://www.linkedin.com/in/tobiasengel/', displayName: 'Tobias Engel' },
      (await clockFor(browsed)).clock,
    );
    const identity = await findIdentity(imported, 'linkedin', 'tobiasengel');
    expect(identity?.id).toBe(sighting.identity.id);
    expect(identity?.contactId).toBe(sighting.contact.id);
  });

  it('recognises a person by e-mail address and attaches the identity the file brings', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const generic = 'Name,Email\nTobias Engel,Tobias.Engel@example.com\n';
    await importContacts(db, clock, parseContactsCsv(generic, guessMapping(csvHeader(generic))).rows);

    const result = await importContacts(db, clock, linkedInImportRows(connections).rows);

    expect(result).toMatchObject({ created: 9, updated: 1 });
    expect(await contacts.all(db)).toHaveLength(10);
    const tobias = (await findIdentity(db, 'linkedin', 'tobiasengel'))!;
    expect((await contacts.get(db, tobias.contactId))?.company).toBe('Fabrikam, Inc.');
  });

  it('writes phone, company, position and headline into their fields and the note alone into a note, once', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const file =
      'Name,Profile URL,Notes,Phone,Company,Job Title,Headline\n' +
      'Ada,https://www.linkedin.com/in/ada,Wants a demo,+44 20 7946 0000,Engines Ltd,CTO,Poetical science\n';
    const { rows } = parseContactsCsv(file, guessMapping(csvHeader(file)));

    await importContacts(db, clock, rows);
    const second = await importContacts(db, clock, rows);

    const ada = (await findIdentity(db, 'linkedin', 'ada'))!;
    expect(await contacts.get(db, ada.contactId)).toMatchObject({
      phone: '+44 20 7946 0000',
      company: 'Engines Ltd',
      position: 'CTO',
      headline: 'Poetical science',
    });
    expect((await notesOf(db, ada.contactId)).map((note) => note.body)).toEqual(['Wants a demo']);
    expect(second).toMatchObject({ skipped: 1, updated: 0 });
    expect(await db.count('notes')).toBe(1);
  });

  it('fills the phone and position of a contact known without them, keeping what the file leaves empty', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const first = 'Name,Email,Company\nAda,ada@example.com,Engines Ltd\n';
    await importContacts(db, clock, parseContactsCsv(first, guessMapping(csvHeader(first))).rows);
    const second = 'Name,Email,Phone,Position\nAda,ada@example.com,+1 555 0100,CTO\n';

    const result = await importContacts(db, clock, parseContactsCsv(second, guessMapping(csvHeader(second))).rows);

    expect(result).toMatchObject({ updated: 1, created: 0 });
    const [ada] = await contacts.all(db);
    expect(ada).toMatchObject({ company: 'Engines Ltd', phone: '+1 555 0100', position: 'CTO' });
    expect(await db.count('notes')).toBe(0);
  });

  it('merges two rows for the same person in one file into one contact', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const rows = [
      { line: 2, displayName: 'Ada', identity: { site: 'x', handle: 'ada', profileUrl: 'https://x.com/ada' } },
      { line: 3, displayName: 'Ada Lovelace', identity: { site: 'x', handle: 'ada', profileUrl: 'https://x.com/ada' }, company: 'Engines' },
    ];
    expect(await importContacts(db, clock, rows)).toMatchObject({ created: 1, updated: 1 });
    expect((await contacts.all(db)).map((contact) => [contact.displayName, contact.company])).toEqual([['Ada Lovelace', 'Engines']]);
  });

  it('brings back a deleted contact under its identity instead of failing on the unique handle', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const { rows } = linkedInImportRows(connections);
    await importContacts(db, clock, rows);
    const maren = (await findIdentity(db, 'linkedin', 'maren-holt-4a1b2c'))!;
    await contacts.remove(db, maren.contactId, clock);
    await identities.remove(db, maren.id, clock);

    const result = await importContacts(db, clock, rows);

    expect(result).toMatchObject({ created: 1, skipped: 9 });
    expect((await findIdentity(db, 'linkedin', 'maren-holt-4a1b2c'))?.contactId).toBe(maren.contactId);
    expect((await contacts.get(db, maren.contactId))?.displayName).toBe('Maren Holt');
  });

  it('reports invalid rows and rows that would break a limit, and imports the rest', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    const manyTags = Array.from({ length: 50 }, (_, index) => `t${index}`);
    const result = await importContacts(
      db,
      clock,
      [
        'not a row',
        { line: 2, displayName: '', email: 'a@example.com' },
        { line: 3, displayName: 'Tagged', email: 'b@example.com', tags: manyTags },
        { line: 4, displayName: 'Fine', email: 'c@example.com' },
      ],
      { tags: ['imported'] },
    );
    expect(result.errors).toEqual([
      { line: 1, reason: expect.any(String) as string },
      { line: 2, reason: 'displayName: no name' },
      { line: 3, reason: 'tags: a contact holds at most 50 tags' },
    ]);
    expect(result.created).toBe(1);
    expect((await notes.all(db)).length).toBe(0);
  });
});
