import { describe, expect, it } from 'vitest';
import { conversationsCsv, contactsCsv, notesCsv } from '@/lib/backup/csv-export';
import { contacts } from '@/lib/db/contacts';
import { findIdentity, identities } from '@/lib/db/identities';
import { importContacts } from '@/lib/import/apply';
import { csvHeader, guessMapping, parseContactsCsv } from '@/lib/import/contacts-csv';
import { parseCsv } from '@/lib/import/csv';
import { clockFor, freshDb } from '../db/helpers';
import { seedEveryStore } from './seed';

async function seeded() {
  const { db } = await freshDb();
  const { clock, time } = await clockFor(db);
  const seed = await seedEveryStore(db, clock, (ms) => time.advance(ms));
  return { db, clock, seed };
}

/** The CSV as objects keyed by its header, to check cells by column name. */
function table(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(csv).records.map((record) => record.cells);
  return rows.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ''])));
}

describe('contactsCsv', () => {
  it('lists live contacts oldest first, with their identities per site and guarded cells', async () => {
    const { db, clock, seed } = await seeded();
    await identities.create(
      db,
      { contactId: seed.ada.contact.id, site: 'linkedin', handle: 'ada-2', profileUrl: 'https://www.linkedin.com/in/ada-2/', displayName: 'Ada' },
      clock,
    );
    const csv = await contactsCsv(db);

    expect(csv.split('\r\n')[0]).toBe(
      'id,displayName,email,phone,company,position,headline,stage,tags,linkedin_handle,linkedin_url,x_handle,x_url,facebook_handle,facebook_url,instagram_handle,instagram_url,firstSeenAt,lastSeenAt,createdAt,updatedAt',
    );
    const rows = table(csv);
    expect(rows.map((row) => row.displayName)).toEqual(['Ada Lovelace', `'=Grace, "Amazing" Hopper`]);
    expect(rows[0]).toMatchObject({
      email: 'ada@example.com',
      // The formula guard also covers a leading '+'; the importer takes the apostrophe off again (below).
      phone: "'+44 20 7946 0018",
      company: 'Engines, Ltd',
      position: 'Analyst',
      stage: 'customer',
      tags: 'vip; beta',
      linkedin_handle: 'ada-lovelace; ada-2',
      linkedin_url: 'https://www.linkedin.com/in/ada-lovelace/; https://www.linkedin.com/in/ada-2/',
      x_handle: '',
    });
    expect(rows[1]).toMatchObject({ x_handle: 'grace', x_url: 'https://x.com/grace' });
  });
});

describe('notesCsv', () => {
  it('lists live notes with their contact, line breaks kept, tombstones left out', async () => {
    const { db } = await seeded();
    expect(table(await notesCsv(db)).map((row) => [row.contactName, row.body])).toEqual([['Ada Lovelace', 'Wants a demo,\nnext week']]);
  });
});

describe('conversationsCsv', () => {
  it('lists conversations with status, timers and contact', async () => {
    const { db, seed } = await seeded();
    const rows = table(await conversationsCsv(db));
    expect(rows).toEqual([
      expect.objectContaining({
        id: seed.conversation.id,
        site: 'x',
        threadKey: 'x:status:1',
        status: 'waiting',
        priority: 'high',
        contactName: `'=Grace, "Amazing" Hopper`,
        dueAt: seed.conversation.dueAt,
        resolvedAt: '',
      }),
    ]);
  });
});

describe('contacts CSV read back by the generic importer', () => {
  it('brings the same people back into a fresh database', async () => {
    const { db } = await seeded();
    const csv = await contactsCsv(db);
    const mapping = guessMapping(csvHeader(csv));
    expect(mapping).toMatchObject({ name: 1, email: 2, phone: 3, company: 4, position: 5, headline: 6, stage: 7, tags: 8, profileUrl: 10 });

    const { rows, errors } = parseContactsCsv(csv, mapping);
    const { db: fresh } = await freshDb();
    const { clock } = await clockFor(fresh);
    await importContacts(fresh, clock, rows);

    // Grace has only an X identity and no e-mail address: nothing to recognise her by on a second import.
    expect(errors).toEqual([{ line: 3, reason: 'no profile URL, handle or e-mail address to recognise the person by' }]);
    const [ada] = await contacts.all(fresh);
    expect(ada).toMatchObject({ displayName: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0018', company: 'Engines, Ltd', position: 'Analyst', stage: 'customer', tags: ['vip', 'beta'] });
    expect((await findIdentity(fresh, 'linkedin', 'ada-lovelace'))?.contactId).toBe(ada!.id);
  });
});
