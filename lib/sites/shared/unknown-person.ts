import type { Person } from '../types';

/**
 * The handle of a person the page shows without an identity (a name with no link, a post whose
 * author is outside the saved fragment). The contract requires an author; this one is never a contact.
 */
export const UNKNOWN_HANDLE = '?';

export function isKnownPerson(person: Person | undefined): person is Person {
  return person !== undefined && person.handle !== UNKNOWN_HANDLE;
}
