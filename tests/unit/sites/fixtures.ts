import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { FIXTURES_DIR, fixtureFile } from '../../support/fixture-dir';
import { FIXTURE_URLS } from '../../support/fixture-urls';

export { FIXTURE_URLS };

export { FIXTURES_DIR };


export function fixtureUrl(name: string): string {
  const url = FIXTURE_URLS[name];
  if (url === undefined) throw new Error(`No URL recorded for fixture ${name}: add it from tests/fixtures/pages/README.md`);
  return url;
}

export function fixturePath(name: string): string {
  return fixtureFile(name);
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
 * The saved page `name` (relative to tests/fixtures/pages) as a jsdom Document at its URL. Parsed once per
 * test file: callers must not change it (the adapters only read).
 */
export function loadFixture(name: string): Document {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const doc = documentFromHtml(readFileSync(fixturePath(name), 'utf8'), fixtureUrl(name));
  cache.set(name, doc);
  return doc;
}
