import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { x } from './x';
import type { Site, SiteAdapter } from './types';

export type { PageContext, Person, Site, SiteAdapter } from './types';
export type { SelectorEntry, SelectorMap } from './shared/selector-map';

/** One adapter per site: a site in `siteSchema` without one does not compile. */
export const adapterBySite: Readonly<Record<Site, SiteAdapter>> = { linkedin, x, facebook, instagram };

export const adapters: readonly SiteAdapter[] = Object.values(adapterBySite);

function toUrl(url: URL | string): URL | undefined {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The adapter for the site at `url`; undefined for other sites and for strings that are not URLs. */
export function adapterFor(url: URL | string): SiteAdapter | undefined {
  const parsed = toUrl(url);
  return parsed === undefined ? undefined : adapters.find((adapter) => adapter.matches(parsed));
}
