import type { PageContext, Site } from '@/lib/model/page-context';

export type { PageContext, Person, Site } from '@/lib/model/page-context';

/** One per supported site; everything site-specific (URLs, selectors, editors) lives behind it. */
export interface SiteAdapter {
  site: Site;
  /** URL only, no DOM. */
  matches(url: URL): boolean;
  /** Pure and total: never throws; what it could not find goes into `misses`. */
  read(doc: Document, url: URL): PageContext;
  /** Where a reply is typed on this page, if any. */
  composer(doc: Document): HTMLElement | null;
  /** Puts text into the site's editor so the site registers it; never sends. */
  insertText(target: HTMLElement, text: string): Promise<void>;
}
