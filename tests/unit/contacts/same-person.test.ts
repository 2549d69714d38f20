import { describe, expect, it } from 'vitest';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { samePersonCandidates } from '@/lib/contacts/same-person';
import type { ContactRow } from '@/lib/contacts/search-index';
import { recordSighting } from '@/lib/db/contacts';
import { notes } from '@/lib/db/notes';
import type { Person, Site } from '@/lib/model';
import type { ContactDetail } from '@/lib/views/contacts';
import { clockFor, freshDb } from '../db/helpers';

function row(id: string, displayName: string, sites: Site[]): ContactRow {
  return {
    id,
    displayName,
    company: null,
    position: null,
    stage: 'new',
    tags: [],
    identities: sites.map((site) => ({ site, handle: `${id}-${site}` })),
    lastSeenAt: '2026-03-02T09:00:00.000Z',
  };
}

describe('samePersonCandidates', () => {
  const shown = { id: 'shown', displayName: 'Ada  Lovelace', identities: [{ site: 'x' as const }] };

  it('offers a contact of the same name met only on other sites, ignoring case, width and spacing', () => {
    const rows = [row('shown', 'Ada Lovelace', ['x']), row('li', 'ada lovelace', ['linkedin']), row('fb', 'ＡＤＡ Lovelace', ['facebook', 'instagram'])];
    expect(samePersonCandidates(shown, rows).map((candidate) => candidate.id)).toEqual(['li', 'fb']);
  });

  it('leaves out namesakes on a site the shown contact has, other names, and contacts with no account', () => {
    const rows = [row('other-x', 'Ada Lovelace', ['x']), row('both', 'Ada Lovelace', ['linkedin', 'x']), row('ada-b', 'Ada Byron', ['linkedin']), row('none', 'Ada Lovelace', [])];
    expect(samePersonCandidates(shown, rows)).toEqual([]);
  });

  it('offers nothing for a contact without a name', () => {
    expect(samePersonCandidates({ ...shown, displayName: ' ' }, [row('li', ' ', ['linkedin'])])).toEqual([]);
  });
});

describe('the panel’s "Same person as…" requests', () => {
  const onLinkedIn: Person = { handle: 'ada-lovelace', profileUrl: 'https://www.linkedin.com/in/ada-lovelace/', displayName: 'Ada Lovelace' };
  const onX: Person = { handle: 'adal', profileUrl: 'https://x.com/adal', displayName: 'Ada Lovelace' };
  const namesakeOnX: Person = { handle: 'ada2', profileUrl: 'https://x.com/ada2', displayName: 'Ada Lovelace' };

  async function background() {
    const { db } = await freshDb();
    const { clock, time } = await clockFor(db);
    const linkedin = (await recordSighting(db, 'linkedin', onLinkedIn, clock)).contact;
    time.advance(60_000);
    const x = (await recordSighting(db, 'x', onX, clock)).contact;
    await recordSighting(db, 'x', namesakeOnX, clock);
    await notes.create(db, { contactId: linkedin.id, body: 'Met at the fair' }, clock);
    const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
    const ask = async <T,>(type: string, payload: unknown): Promise<T> => {
      const answer = await handle({ replyline: 1, type, payload }, {});
      await changes.settled();
      if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      return answer.data as T;
    };
    return { ask, linkedin, x };
  }

  it('suggests the namesake on LinkedIn for the contact on X (not the other one on X), and the merge keeps the contact on screen with both sites’ history', async () => {
    const { ask, linkedin, x } = await background();
    const { rows } = await ask<{ rows: ContactRow[] }>('contacts.same-person', { contactId: x.id });
    expect(rows.map((candidate) => candidate.id)).toEqual([linkedin.id]);

    const merged = await ask<ContactDetail>('contacts.merge', { keptId: x.id, foldedId: linkedin.id });
    expect(merged.id).toBe(x.id);
    expect(merged.identities.map((identity) => identity.site).sort()).toEqual(['linkedin', 'x']);
    expect(merged.history.flatMap((entry) => (entry.kind === 'identity' ? [entry.site] : [])).sort()).toEqual(['linkedin', 'x']);
    expect(merged.history.some((entry) => entry.kind === 'note' && entry.body === 'Met at the fair')).toBe(true);
    // Merged: no longer a look-alike of itself.
    expect((await ask<{ rows: ContactRow[] }>('contacts.same-person', { contactId: x.id })).rows).toEqual([]);
  });

  it('suggests nothing for a contact that is gone', async () => {
    const { ask, linkedin, x } = await background();
    await ask('contacts.merge', { keptId: x.id, foldedId: linkedin.id });
    expect((await ask<{ rows: ContactRow[] }>('contacts.same-person', { contactId: linkedin.id })).rows).toEqual([]);
  });
});
