import { describe, expect, it } from 'vitest';
import { contactSearchIndex } from '@/lib/contacts/search-cache';
import { buildContactSearchIndex } from '@/lib/contacts/search-index';
import { contacts, recordSighting } from '@/lib/db/contacts';
import type { Contact, Identity } from '@/lib/model';
import { clockFor, freshDb } from '../db/helpers';

const contact = (n: number, fields: Partial<Contact>): Contact => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  stamps: {},
  displayName: `Person ${n}`,
  stage: 'new',
  tags: [],
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`,
  ...fields,
});
const identity = (n: number, of: Contact, site: Identity['site'], handle: string): Identity => ({
  id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt: of.createdAt,
  updatedAt: of.createdAt,
  deletedAt: null,
  stamps: {},
  contactId: of.id,
  site,
  handle,
  profileUrl: `https://example.com/${handle}`,
  displayName: of.displayName,
});

describe('buildContactSearchIndex', () => {
  const ada = contact(1, { displayName: 'Ada Lovelace', company: 'Babbage & Co', tags: ['Nordics'], stage: 'lead' });
  const grace = contact(2, { displayName: 'Grace Hopper', company: 'Navy', stage: 'customer', email: 'grace@example.com' });
  const gone = contact(3, { displayName: 'Ada Gone', deletedAt: '2026-01-05T00:00:00.000Z' });
  const index = buildContactSearchIndex([ada, grace, gone], [identity(1, ada, 'linkedin', 'ada-lovelace'), identity(2, grace, 'x', 'ghopper')]);

  it.each([
    ['name', 'lovelace', ['Ada Lovelace']],
    ['handle, with or without @', '@ghopper', ['Grace Hopper']],
    ['company', 'babbage', ['Ada Lovelace']],
    ['tag, any case, with #', '#nordics', ['Ada Lovelace']],
    ['stage', 'customer', ['Grace Hopper']],
    ['every word', 'ada navy', []],
    ['nothing typed: everyone, last seen first', '', ['Grace Hopper', 'Ada Lovelace']],
  ])('finds by %s', (_what, text, names) => {
    expect(index.search({ text }).map((row) => row.displayName)).toEqual(names);
  });

  it('filters by stage and site', () => {
    expect(index.search({ text: '', stage: 'lead' }).map((row) => row.displayName)).toEqual(['Ada Lovelace']);
    expect(index.search({ text: '', site: 'x' }).map((row) => row.displayName)).toEqual(['Grace Hopper']);
  });
});

describe('contactSearchIndex', () => {
  it('sees contacts written after it was built', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    await recordSighting(db, 'x', { handle: 'first', profileUrl: 'https://x.com/first', displayName: 'First One' }, clock);
    expect((await contactSearchIndex(db)).size).toBe(1);
    const second = await recordSighting(db, 'x', { handle: 'second', profileUrl: 'https://x.com/second', displayName: 'Second' }, clock);
    await contacts.update(db, second.contact.id, { company: 'Initech' }, clock);
    const rows = (await contactSearchIndex(db)).search({ text: 'initech' });
    expect(rows.map((row) => row.displayName)).toEqual(['Second']);
  });
});
