import { describe, expect, it } from 'vitest';
import { contacts, recentContacts, recordSighting } from '@/lib/db/contacts';
import { findIdentity } from '@/lib/db/identities';
import { pendingOutbox } from '@/lib/db/outbox';
import type { Person } from '@/lib/model';
import { clockFor, freshDb } from './helpers';

const ada: Person = {
  handle: 'ada-lovelace',
  profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  displayName: 'Ada Lovelace',
  headline: 'Analyst at Babbage & Co',
};

describe('recordSighting', () => {
  it('creates a contact and its identity on first sight, with one outbox entry each', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);

    const { contact, identity, created } = await recordSighting(db, 'linkedin', ada, clock);

    expect(created).toBe(true);
    expect(contact).toMatchObject({ displayName: 'Ada Lovelace', headline: 'Analyst at Babbage & Co', stage: 'new', tags: [] });
    expect(contact.firstSeenAt).toBe('2026-03-02T09:00:00.000Z');
    expect(identity).toMatchObject({ contactId: contact.id, site: 'linkedin', handle: 'ada-lovelace' });
    const outbox = await pendingOutbox(db, 10);
    expect(outbox.map((entry) => [entry.store, entry.recordId])).toEqual([
      ['contacts', contact.id],
      ['identities', identity.id],
    ]);
    expect(outbox[0]?.fields).toMatchObject({ displayName: 'Ada Lovelace', stage: 'new', createdAt: contact.createdAt });
  });

  it('finds the same contact the second time and keeps the first sighting', async () => {
    const { db } = await freshDb();
    const { clock, time } = await clockFor(db);
    const first = await recordSighting(db, 'linkedin', ada, clock);
    time.advance(86_400_000);

    const second = await recordSighting(db, 'linkedin', { ...ada, headline: 'CTO at Engines Ltd' }, clock);

    expect(second.created).toBe(false);
    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.firstSeenAt).toBe(first.contact.firstSeenAt);
    expect(second.contact.lastSeenAt).toBe('2026-03-03T09:00:00.000Z');
    expect(second.contact.headline).toBe('CTO at Engines Ltd');
    expect(second.contact.stamps.headline).not.toBe(first.contact.stamps.headline);
    expect(second.contact.stamps.stage).toBe(first.contact.stamps.stage);
    expect(await contacts.all(db)).toHaveLength(1);
  });

  it('keeps the stored name when the page shows none', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    await recordSighting(db, 'linkedin', ada, clock);
    const { contact } = await recordSighting(db, 'linkedin', { ...ada, displayName: '' }, clock);
    expect(contact.displayName).toBe('Ada Lovelace');
  });

  it('keeps sites apart: the same handle on X is another identity', async () => {
    const { db } = await freshDb();
    const { clock } = await clockFor(db);
    await recordSighting(db, 'linkedin', ada, clock);
    expect(await findIdentity(db, 'x', 'ada-lovelace')).toBeUndefined();
    expect((await findIdentity(db, 'linkedin', 'ada-lovelace'))?.handle).toBe('ada-lovelace');
  });
});

describe('recentContacts', () => {
  it('lists the most recently seen first, without deleted contacts', async () => {
    const { db } = await freshDb();
    const { clock, time } = await clockFor(db);
    const names = ['first', 'second', 'third'];
    const seen = [];
    for (const name of names) {
      seen.push(await recordSighting(db, 'linkedin', { ...ada, handle: name, displayName: name }, clock));
      time.advance(1000);
    }
    await contacts.remove(db, seen[1]!.contact.id, clock);

    const recent = await recentContacts(db, 10);
    expect(recent.map((contact) => contact.displayName)).toEqual(['third', 'first']);
    expect(await recentContacts(db, 1)).toHaveLength(1);
  });
});
