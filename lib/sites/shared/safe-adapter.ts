/**
 * What makes a site adapter total: `read` and `composer` never throw. A page the adapter cannot
 * cope with is reported, not raised. Site-independent: every site adapter uses it.
 */
import type { PageContext, Site, SiteAdapter } from '../types';

/** An error as one line: `Name: message`, or whatever else was thrown as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** `read` that never throws: a failure becomes an 'other' page whose one miss is `read.error: <error>`. */
export function readSafely(site: Site, read: (doc: Document, url: URL) => PageContext): SiteAdapter['read'] {
  return (doc, url) => {
    try {
      return read(doc, url);
    } catch (error) {
      return { site, kind: 'other', misses: [`read.error: ${describeError(error)}`] };
    }
  };
}

/** `composer` that never throws: a failure is no composer. */
export function composerSafely(find: (doc: Document) => HTMLElement | null): SiteAdapter['composer'] {
  return (doc) => {
    try {
      return find(doc);
    } catch {
      return null;
    }
  };
}
