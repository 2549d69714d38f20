/**
 * How the panel names whom a reply goes to. Where the site's replies name people by their @handle
 * (the registry's `mention`), the label shows it beside the name; elsewhere a handle is a URL slug
 * ("ragavan-m-13095515a") that nobody is called by, so the label shows the person's name alone.
 */
import type { Person, Site } from '@/lib/model';
import { UNKNOWN_HANDLE } from '@/lib/sites/shared/unknown-person';
import { siteSpecs } from '@/lib/sites/site-specs';

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
  if (siteSpecs[site].mention === 'handle') {
    const name = displayName || (known ? person.handle : '');
    return known ? { name, mention: person.handle } : { name };
  }
  const slugName = known && !person.handle.includes('/') ? nameFromSlug(person.handle) : '';
  return { name: displayName || slugName || (known ? person.handle : '') };
}
