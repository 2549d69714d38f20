/**
 * How the panel names whom a reply goes to. X and Instagram people are addressed by their @handle,
 * so the label shows it beside the name; a LinkedIn or Facebook handle is a URL slug
 * ("ragavan-m-13095515a") that nobody is called by, so the label shows the person's name alone.
 */
import type { Person, Site } from '@/lib/model';
import { UNKNOWN_HANDLE } from '@/lib/sites/shared/unknown-person';

const AT_HANDLE_SITES: ReadonlySet<Site> = new Set(['x', 'instagram']);

export interface Addressee {
  name: string;
  /** The @handle to show (without "@"), only where the site addresses people by it. */
  mention?: string;
}

/** "ragavan-m-13095515a" → "Ragavan M": the slug's words without the number LinkedIn appends. */
export function nameFromSlug(slug: string): string {
  const words = slug.split(/[-_.]+/).filter((word) => word !== '' && !/\d/.test(word));
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export function addresseeOf(person: Pick<Person, 'handle' | 'displayName'>, site: Site): Addressee {
  const known = person.handle !== UNKNOWN_HANDLE && person.handle !== '';
  const displayName = person.displayName.trim();
  if (AT_HANDLE_SITES.has(site)) {
    const name = displayName || (known ? person.handle : '');
    return known ? { name, mention: person.handle } : { name };
  }
  const slugName = known && !person.handle.includes('/') ? nameFromSlug(person.handle) : '';
  return { name: displayName || slugName || (known ? person.handle : '') };
}
