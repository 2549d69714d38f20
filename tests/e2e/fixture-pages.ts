import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES_DIR = path.resolve(process.cwd(), '../shared/fixtures');

/** Saved real pages and the real URL each was saved at (see shared/fixtures/README.md). */
export const fixturePages = {
  ownProfile: { file: 'linkedin/profile-2024-own.html', url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/' },
  sriProfile: { file: 'linkedin/profile-2024-a.html', url: 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/' },
  abgarProfile: { file: 'linkedin/profile-2024-b.html', url: 'https://www.linkedin.com/in/abgargulo/' },
  searchResults: {
    file: 'linkedin/search-results-2025-a.html',
    url: 'https://www.linkedin.com/search/results/people/?keywords=%22Entrepreneurship%20CEO%22',
  },
} as const;

export type FixturePage = (typeof fixturePages)[keyof typeof fixturePages];

export function readFixture(page: FixturePage): string {
  return readFileSync(path.join(FIXTURES_DIR, page.file), 'utf8');
}
