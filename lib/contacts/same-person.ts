import type { Site } from '@/lib/model';
import type { ContactRow } from './search-index';

/** How many look-alikes the panel offers at most. */
export const MAX_SAME_PERSON = 5;

const foldedName = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

interface Shown {
  id: string;
  displayName: string;
  identities: ReadonlyArray<{ site: Site }>;
}

/**
 * Contacts that may be the one on screen, met on another site: the same name (ignoring case, width and
 * spacing), and no account on a site the shown one has, since one person rarely has two accounts on a
 * site while namesakes on the same site are common. The agent confirms; nothing is merged from here.
 */
export function samePersonCandidates(shown: Shown, rows: readonly ContactRow[]): ContactRow[] {
  const name = foldedName(shown.displayName);
  if (name === '') return [];
  const shownSites = new Set(shown.identities.map((identity) => identity.site));
  return rows
    .filter(
      (row) =>
        row.id !== shown.id &&
        foldedName(row.displayName) === name &&
        row.identities.length > 0 &&
        row.identities.every((identity) => !shownSites.has(identity.site)),
    )
    .slice(0, MAX_SAME_PERSON);
}
