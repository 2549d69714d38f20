import { describe, expect, it } from 'vitest';
import { contentScripts, modulesOf } from '@/tests/support/content-script-modules';

/**
 * The content scripts run on the sites' pages: their module graph must never reach the database layer
 * (only the background owns IndexedDB) or the sync client.
 */
describe('content script module graphs', () => {
  it('finds the four content scripts', () => {
    expect(contentScripts).toHaveLength(4);
  });

  for (const entry of contentScripts) {
    it(`${entry} reaches neither lib/db nor lib/sync`, async () => {
      const modules = await modulesOf(entry);
      expect(modules.length).toBeGreaterThan(10);
      expect(modules.filter((file) => /^lib\/(db|sync)\//.test(file))).toEqual([]);
    });
  }
});
