import type { Contact, ContactStage, Identity, Site } from '@/lib/model';

/** One contact as the contact list shows it. */
export interface ContactRow {
  id: string;
  displayName: string;
  company: string | null;
  position: string | null;
  stage: ContactStage;
  tags: string[];
  identities: Array<{ site: Site; handle: string }>;
  lastSeenAt: string;
}

interface Entry {
  row: ContactRow;
  /** Everything searched, lower-cased and joined: name, handles, company, position, e-mail, tags, stage. */
  text: string;
}

export interface ContactSearchIndex {
  size: number;
  search(query: { text: string; stage?: ContactStage; site?: Site }): ContactRow[];
}

const fold = (value: string) => value.normalize('NFKC').toLocaleLowerCase();

/**
 * The contacts in memory for the list's search: built once from the stores, then every keystroke is a
 * scan of joined lower-cased strings (each word of the query must occur), most recently seen first.
 */
export function buildContactSearchIndex(contacts: readonly Contact[], identities: readonly Identity[]): ContactSearchIndex {
  const byContact = new Map<string, Identity[]>();
  for (const identity of identities) {
    if (identity.deletedAt) continue;
    const list = byContact.get(identity.contactId) ?? [];
    list.push(identity);
    byContact.set(identity.contactId, list);
  }
  const entries: Entry[] = contacts
    .filter((contact) => !contact.deletedAt)
    .map((contact) => {
      const own = byContact.get(contact.id) ?? [];
      const row: ContactRow = {
        id: contact.id,
        displayName: contact.displayName,
        company: contact.company ?? null,
        position: contact.position ?? contact.headline ?? null,
        stage: contact.stage,
        tags: contact.tags,
        identities: own.map(({ site, handle }) => ({ site, handle })),
        lastSeenAt: contact.lastSeenAt,
      };
      const words = [
        contact.displayName,
        ...own.flatMap((identity) => [identity.handle, identity.displayName]),
        contact.company ?? '',
        contact.position ?? '',
        contact.headline ?? '',
        contact.email ?? '',
        ...contact.tags,
        contact.stage,
      ];
      return { row, text: fold(words.join('\u0001')) };
    })
    .sort((a, b) => b.row.lastSeenAt.localeCompare(a.row.lastSeenAt));

  return {
    size: entries.length,
    search({ text, stage, site }) {
      const terms = fold(text).split(/\s+/).filter((term) => term !== '').map((term) => term.replace(/^[@#]/, ''));
      const rows: ContactRow[] = [];
      for (const entry of entries) {
        if (stage && entry.row.stage !== stage) continue;
        if (site && !entry.row.identities.some((identity) => identity.site === site)) continue;
        if (terms.every((term) => entry.text.includes(term))) rows.push(entry.row);
      }
      return rows;
    },
  };
}
