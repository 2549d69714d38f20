import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The content scripts run on the sites' pages: their module graph must never reach the database layer
 * (only the background owns IndexedDB) or the sync client. esbuild resolves the real graph, `@/` alias
 * included; packages stay external so only our modules are listed.
 */
const root = process.cwd();
const contentScripts = readdirSync(path.join(root, 'entrypoints'))
  .filter((name) => name.endsWith('.content'))
  .map((name) => path.join('entrypoints', name, 'index.ts'));

async function modulesOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    alias: { '@': root },
    format: 'esm',
    platform: 'browser',
    loader: { '.json': 'json' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

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
