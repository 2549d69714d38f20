import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkedinUnsavedPageSelectors } from '@/lib/sites/linkedin.selectors';
import { fixturePath, loadFixture } from './fixtures';
import { SYNTHETIC_PAGES, syntheticDocument, type SyntheticPageName } from './linkedin-synthetic-pages';

/**
 * Selectors of page kinds no saved page shows (the main map is checked by selectors.test.ts):
 * each must not match the saved pages as it says, and must match the synthetic pages as it says.
 */
const entries = Object.entries(linkedinUnsavedPageSelectors);

function isSyntheticPage(name: string): name is SyntheticPageName {
  return name in SYNTHETIC_PAGES;
}

describe('LinkedIn selectors for pages without a saved copy', () => {
  it.each(entries)('%s names saved and synthetic pages, and matches one of them', (_name, entry) => {
    for (const file of Object.keys(entry.fixtures)) expect(existsSync(fixturePath(file)), file).toBe(true);
    for (const page of Object.keys(entry.synthetic)) expect(isSyntheticPage(page), page).toBe(true);
    expect(Math.max(...Object.values(entry.synthetic))).toBeGreaterThan(0);
  });

  const saved = entries.flatMap(([name, entry]) =>
    Object.entries(entry.fixtures).map(([file, count]) => ({ name, selector: entry.selector, file, count })),
  );
  it.each(saved)('$name matches $count time(s) in $file', ({ selector, file, count }) => {
    expect(loadFixture(file).querySelectorAll(selector).length).toBe(count);
  });

  const synthetic = entries.flatMap(([name, entry]) =>
    Object.entries(entry.synthetic).map(([page, count]) => ({ name, selector: entry.selector, page, count })),
  );
  it.each(synthetic)('$name matches $count time(s) in synthetic $page', ({ selector, page, count }) => {
    if (!isSyntheticPage(page)) throw new Error(`no synthetic page ${page}`);
    expect(syntheticDocument(page).querySelectorAll(selector).length).toBe(count);
  });
});
