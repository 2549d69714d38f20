import type { Site } from '@/lib/model/page-context';

/**
 * Where each site's content script runs, as manifest match patterns. The adapters' `matches(url)`
 * decide precisely; these only have to cover them.
 */
export const sitePatterns: Readonly<Record<Site, readonly string[]>> = {
  linkedin: ['https://*.linkedin.com/*'],
  x: ['https://x.com/*', 'https://*.x.com/*', 'https://twitter.com/*', 'https://*.twitter.com/*'],
  facebook: ['https://*.facebook.com/*', 'https://*.messenger.com/*'],
  instagram: ['https://*.instagram.com/*'],
};

export const allSitePatterns: readonly string[] = Object.values(sitePatterns).flat();
