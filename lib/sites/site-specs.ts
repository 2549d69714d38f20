/**
 * Everything the extension knows about a site besides reading its pages, one entry per site: its
 * name, where the content script runs, how long a reply may be there, how a reply addresses the
 * person, how Move to DM words the private channel, and its label in translated UI and metrics.
 * Typed `Record<Site, SiteSpec>`, so a new site in `siteSchema` does not compile until it has its
 * entry here (see docs/adding-a-site.md). The page reader for each site is its adapter
 * (lib/sites/<site>.ts, listed in lib/sites/index.ts); this module holds data only, so that the
 * background, the panel and the options page can use it without pulling in DOM code.
 */
// Relative imports: wxt.config.ts loads this module (through match-patterns.ts) without the '@/' alias.
import type { MessageKey } from '../i18n/translate';
import { siteSchema, type Site } from '../model/page-context';

export interface ReplyLimit {
  limit: number;
  /** `weighted`: X's own count; `graphemes`: what a person sees as characters. */
  counting: 'weighted' | 'graphemes';
}

export interface SiteSpec {
  /** The site's proper name, as {{site}} in templates and the panel say it. */
  label: string;
  /** The same name in translated UI (the options page, the dashboard's per-site metrics). */
  labelKey: MessageKey;
  /** Manifest match patterns where the content script runs (the adapter's `matches` decides precisely). */
  urlPatterns: readonly string[];
  /** Longest reply in a public comment box and in a private message (lib/replies/limits.ts counts). */
  replyLimits: { public: ReplyLimit; private: ReplyLimit };
  /** How a reply to a comment names its person: `@handle` (X, Instagram) or their name as the site's mention shows it. */
  mention: 'handle' | 'name';
  /** Move to DM's English words for the private channel ("we'll send you a DM"). */
  privateMessage: { noun: string; askToWrite: string };
}

const DM = { noun: 'a DM', askToWrite: 'send us a DM' };
const PRIVATE_MESSAGE = { noun: 'a private message', askToWrite: 'send us a private message' };
const graphemes = (limit: number): ReplyLimit => ({ limit, counting: 'graphemes' });

/*
 * Reply limits: X 280 for accounts without Premium, counted as X counts; a LinkedIn comment 1,250;
 * an Instagram comment 2,200; a Facebook comment 8,000. Private: an X DM 10,000; Messenger about
 * 20,000; an Instagram DM 1,000 (what guides give for the web and the API; the app cuts earlier);
 * LinkedIn messages 8,000 (often cited; InMail bodies are 1,900).
 */
export const siteSpecs: Readonly<Record<Site, SiteSpec>> = {
  linkedin: {
    label: 'LinkedIn',
    labelKey: 'siteLinkedin',
    urlPatterns: ['https://*.linkedin.com/*'],
    replyLimits: { public: graphemes(1_250), private: graphemes(8_000) },
    mention: 'name',
    privateMessage: PRIVATE_MESSAGE,
  },
  x: {
    label: 'X',
    labelKey: 'siteX',
    urlPatterns: ['https://x.com/*', 'https://*.x.com/*', 'https://twitter.com/*', 'https://*.twitter.com/*'],
    replyLimits: { public: { limit: 280, counting: 'weighted' }, private: graphemes(10_000) },
    mention: 'handle',
    privateMessage: DM,
  },
  facebook: {
    label: 'Facebook',
    labelKey: 'siteFacebook',
    urlPatterns: ['https://*.facebook.com/*', 'https://*.messenger.com/*'],
    replyLimits: { public: graphemes(8_000), private: graphemes(20_000) },
    mention: 'name',
    privateMessage: PRIVATE_MESSAGE,
  },
  instagram: {
    label: 'Instagram',
    labelKey: 'siteInstagram',
    urlPatterns: ['https://*.instagram.com/*'],
    replyLimits: { public: graphemes(2_200), private: graphemes(1_000) },
    mention: 'handle',
    privateMessage: DM,
  },
};

/** Every site, in the order of `siteSchema`. */
export const sites: readonly Site[] = siteSchema.options;

export function isSite(value: string): value is Site {
  return (sites as readonly string[]).includes(value);
}

/** The site's proper name; a value that is no site is returned as it is. */
export function siteLabel(site: string): string {
  return isSite(site) ? siteSpecs[site].label : site;
}

/** One value per site, from its spec: tables that must name every site are built this way. */
export function mapSites<T>(pick: (spec: SiteSpec, site: Site) => T): Record<Site, T> {
  // Object.fromEntries loses the keys' type; `sites` holds exactly the Site values.
  return Object.fromEntries(sites.map((site) => [site, pick(siteSpecs[site], site)])) as Record<Site, T>;
}
