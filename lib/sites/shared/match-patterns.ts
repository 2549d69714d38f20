import type { Site } from '../../model/page-context';
import { mapSites } from '../site-specs';

/**
 * Where each site's content script runs, as manifest match patterns. The adapters' `matches(url)`
 * decide precisely; these only have to cover them.
 */
export const sitePatterns: Readonly<Record<Site, readonly string[]>> = mapSites((spec) => spec.urlPatterns);

export const allSitePatterns: readonly string[] = Object.values(sitePatterns).flat();
