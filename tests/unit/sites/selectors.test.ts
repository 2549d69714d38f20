import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facebookSelectors } from '@/lib/sites/facebook.selectors';
import { instagramSelectors } from '@/lib/sites/instagram.selectors';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';
import { xSelectors } from '@/lib/sites/x.selectors';
import type { Site } from '@/lib/model/page-context';
import type { SelectorMap } from '@/lib/sites/shared/selector-map';
import { fixturePath, loadFixture } from './fixtures';

/** One line per site: every selector of every map is checked against the saved pages it names. */
const selectorMaps: Readonly<Record<Site, SelectorMap>> = {
  linkedin: linkedinSelectors,
  instagram: instagramSelectors,
  facebook: facebookSelectors,
  x: xSelectors,
};

describe.each(Object.entries(selectorMaps))('%s selector map', (_site, map) => {
  const entries = Object.entries(map);

  it.each(entries)('%s names saved pages and matches at least one of them', (_name, entry) => {
    const files = Object.keys(entry.fixtures);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(fixturePath(file)), file).toBe(true);
    expect(Math.max(...Object.values(entry.fixtures))).toBeGreaterThan(0);
  });

  const pairs = entries.flatMap(([name, entry]) =>
    Object.entries(entry.fixtures).map(([file, count]) => ({ name, selector: entry.selector, file, count })),
  );

  it.each(pairs)('$name matches $count time(s) in $file', ({ selector, file, count }) => {
    expect(loadFixture(file).querySelectorAll(selector).length).toBe(count);
  });
});
