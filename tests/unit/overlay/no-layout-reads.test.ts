import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScripts, modulesOf } from '@/tests/support/content-script-modules';

/**
 * A page read must not make the browser lay the page out: reading `innerText`, a box or a computed
 * style while the site has pending DOM changes forces a synchronous style and layout pass on the
 * page's main thread. The read (lib/sites/**, through shared/dom-text.ts) works from the DOM alone.
 * Only what runs on a person's action or with the panel open may ask for layout: inserting a reply
 * (focus, the editor's text) and placing the panel (the viewport, the site's overlay boxes, theme).
 */
const LAYOUT_READS =
  /\.innerText\b|\boffset(?:Width|Height|Top|Left|Parent)\b|\bclient(?:Width|Height|Top|Left)\b|getClientRects|getBoundingClientRect|\bscroll(?:Width|Height|Top|Left|IntoView)\b|getComputedStyle|checkVisibility|computedStyleMap|elementFromPoint|\.focus\(|\binner(?:Width|Height)\b/;

/** Modules that run on a person's action or with the panel shown, never during a page read. */
const OUTSIDE_THE_READ = new Set([
  'lib/sites/shared/insert-text.ts',
  'lib/sites/shared/reply-insert.ts',
  'lib/sites/x/insert.ts',
  'lib/sites/facebook/insert.ts',
  'lib/overlay/panel-host.ts',
  'lib/overlay/panel-placement-host.ts',
  'lib/overlay/panel-surroundings.ts',
]);

const root = process.cwd();

async function ourModulesOf(entry: string): Promise<string[]> {
  return (await modulesOf(entry)).filter((file) => file.startsWith('lib/') || file.startsWith('entrypoints/'));
}

describe('no layout-forcing reads in a page read', () => {
  it('the check itself finds what it looks for', () => {
    expect(LAYOUT_READS.test('const rect = element.getBoundingClientRect();')).toBe(true);
    expect(LAYOUT_READS.test('return box.innerText;')).toBe(true);
    expect(LAYOUT_READS.test('visibleText(node)')).toBe(false);
  });

  for (const entry of contentScripts) {
    it(`${entry}: only the insert and panel modules ask for layout`, async () => {
      const modules = await ourModulesOf(entry);
      expect(modules.some((file) => file.startsWith('lib/sites/shared/dom-text.ts'))).toBe(true);
      const asking = modules.filter((file) => !OUTSIDE_THE_READ.has(file) && LAYOUT_READS.test(readFileSync(path.join(root, file), 'utf8')));
      expect(asking).toEqual([]);
    });
  }
});
