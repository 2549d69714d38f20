import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

/** shared/fixtures sits beside the project (read-only saved real pages). */
export const FIXTURES_DIR = path.resolve(process.cwd(), '../shared/fixtures');

/** The URL each saved page was saved at (shared/fixtures/README.md). */
export const FIXTURE_URLS: Readonly<Record<string, string>> = {
  'linkedin/profile-2024-own.html': 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
  'linkedin/profile-2024-a.html': 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/',
  'linkedin/profile-2024-b.html': 'https://www.linkedin.com/in/abgargulo/',
  'linkedin/profile-2024-public-a.html': 'https://se.linkedin.com/in/abgargulo',
  'linkedin/messaging-thread-2023-overlay-a.html':
    'https://www.linkedin.com/messaging/thread/2-MTY3NjY0MTQ0MDkzOWI1ODc2OS0wMDQmY2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==/',
  'linkedin/post-comments-2021-a.html': 'https://www.linkedin.com/feed/update/urn:li:activity:6765026591211839488/',
  'linkedin/feed-activity-2021-a.html':
    'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/detail/recent-activity/',
  'linkedin/search-results-2025-a.html':
    'https://www.linkedin.com/search/results/people/?keywords=%22Entrepreneurship%20CEO%22',
};

/** Used for selector counts of pages whose URL is not in the table yet: the URL does not change them. */
const UNKNOWN_FIXTURE_URL = 'https://fixtures.invalid/';

export function fixtureUrl(name: string): string {
  return FIXTURE_URLS[name] ?? UNKNOWN_FIXTURE_URL;
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES_DIR, name);
}

/** Fragments (outerHTML copied out of a live page) have no <html>: they go under a <body>. */
function asDocumentHtml(html: string): string {
  return /^\s*(?:<!doctype|<html)/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function documentFromHtml(html: string, url: string): Document {
  return new JSDOM(asDocumentHtml(html), { url }).window.document;
}

const cache = new Map<string, Document>();

/**
 * The saved page `name` (relative to shared/fixtures) as a jsdom Document at its URL. Parsed once per
 * test file: callers must not change it (the adapters only read).
 */
export function loadFixture(name: string): Document {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const doc = documentFromHtml(readFileSync(fixturePath(name), 'utf8'), fixtureUrl(name));
  cache.set(name, doc);
  return doc;
}
