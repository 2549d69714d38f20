/**
 * The site registry and the steps in docs/adding-a-site.md: every site has its spec and adapter,
 * and the shared files that spell out a site are exactly the ones the document lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterBySite, adapters } from '@/lib/sites';
import { allSitePatterns, sitePatterns } from '@/lib/sites/shared/match-patterns';
import { siteSpecs, sites } from '@/lib/sites/site-specs';

const root = path.resolve(import.meta.dirname, '../../..');
const doc = readFileSync(path.join(root, 'docs/adding-a-site.md'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(?:ts|tsx|json)$/.test(name) ? [relative] : [];
  });
}

/** Instagram's own files, which a new site copies rather than edits. */
const ownFile = (file: string) =>
  file.startsWith('lib/sites/instagram/') ||
  file === 'lib/sites/instagram.ts' ||
  file === 'lib/sites/instagram.selectors.ts' ||
  file.startsWith('entrypoints/instagram.content/');
/** The key spelled as a value or a table key, or a name built on it (not the word in prose). */
const NAMES_THE_SITE = /(['"`])instagram\1|\binstagram\s*[:,}\]]|\binstagram(?:Selectors|Profile|Channel)\b|siteInstagram/;

describe('site registry', () => {
  it('has a spec, an adapter and URL patterns for every site, with distinct labels', () => {
    expect(Object.keys(siteSpecs).sort()).toEqual([...sites].sort());
    expect(Object.keys(adapterBySite).sort()).toEqual([...sites].sort());
    for (const site of sites) {
      expect(adapterBySite[site].site).toBe(site);
      expect(sitePatterns[site]).toEqual(siteSpecs[site].urlPatterns);
    }
    expect(adapters).toHaveLength(sites.length);
    expect(new Set(sites.map((site) => siteSpecs[site].label)).size).toBe(sites.length);
    expect(allSitePatterns).toEqual(sites.flatMap((site) => siteSpecs[site].urlPatterns));
  });

  it('names in docs/adding-a-site.md exactly the shared files that spell out a site', () => {
    const section = /<!-- shared-files:start -->([\s\S]*?)<!-- shared-files:end -->/.exec(doc)?.[1] ?? '';
    const listed = [...section.matchAll(/^- `([^`]+)`/gm)].map((match) => match[1] ?? '').sort();
    const spelled = ['lib', 'entrypoints', 'components', 'locales', 'server']
      .flatMap(sourceFiles)
      .concat(['wxt.config.ts'])
      .filter((file) => !ownFile(file) && NAMES_THE_SITE.test(readFileSync(path.join(root, file), 'utf8')))
      .sort();
    expect(spelled).toEqual(listed);
    expect(doc).toContain(`${listed.length} shared files`);
  });
});
