import { readFileSync } from 'node:fs';
import { fixtureFile } from '../support/fixture-dir';
import { FIXTURE_URLS } from '../support/fixture-urls';

export { FIXTURES_DIR } from '../support/fixture-dir';

export interface FixturePage {
  file: string;
  url: string;
}

function page(file: string): FixturePage {
  const url = FIXTURE_URLS[file];
  if (url === undefined) throw new Error(`No URL recorded for ${file}`);
  return { file, url };
}

/** The saved real pages the end-to-end tests open by name. */
export const fixturePages = {
  ownProfile: page('linkedin/profile-2024-own.html'),
  sriProfile: page('linkedin/profile-2024-a.html'),
  abgarProfile: page('linkedin/profile-2024-b.html'),
  searchResults: page('linkedin/search-results-2025-a.html'),
  linkedinThread: page('linkedin/messaging-thread-2023-overlay-a.html'),
  linkedinComments: page('linkedin/post-comments-2021-a.html'),
  instagramProfile: page('instagram/profile-2025-a.html'),
  instagramPost: page('instagram/post-2025-a.html'),
  facebookPost: page('facebook/post-2025-a.html'),
  facebookClassicPost: page('facebook/post-2016-fragment-a.html'),
  xProfile: page('x/profile-2026-a.html'),
  xStatus: page('x/status-2016-legacy-a.html'),
  xOwnStatus: page('x/status-2017-legacy-own.html'),
} as const;

/** Every saved page, at the URL it was saved at. */
export const allFixturePages: readonly FixturePage[] = Object.keys(FIXTURE_URLS).map(page);

/**
 * The page as the browser should receive it. Fragments (outerHTML copied from a live page) become
 * documents, as they were inside the live page.
 */
export function readFixture(fixture: FixturePage): string {
  const html = readFileSync(fixtureFile(fixture.file), 'utf8');
  return /^\s*(?:<!doctype|<html)/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}
