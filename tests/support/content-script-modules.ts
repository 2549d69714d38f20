import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = process.cwd();

/** The content scripts' entry files, one per site (`entrypoints/<site>.content/index.ts`). */
export const contentScripts = readdirSync(path.join(root, 'entrypoints'))
  .filter((name) => name.endsWith('.content'))
  .map((name) => path.join('entrypoints', name, 'index.ts'));

/**
 * The files of ours a content script's bundle holds, as esbuild resolves its real graph (`@/` alias
 * included); packages stay external so only our modules are listed.
 */
export async function modulesOf(entry: string): Promise<string[]> {
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
