/**
 * Bundles bench/timers-page.ts (with the project's lib/ and the background's pending.ts) into one
 * script for an extension page. page.evaluate runs it, which the pages' CSP (script-src 'self')
 * allows because it does not go through a script tag; it defines the global BENCH_GLOBAL.
 */
import path from 'node:path';
import { build } from 'esbuild';

export const BENCH_GLOBAL = 'replylineTimersBench';

/** `root`: the checkout whose page code and lib/ are bundled (an A/B run bundles each side's own). */
export async function bundlePageCode(root: string = process.cwd()): Promise<{ code: string; bytes: number }> {
  const result = await build({
    entryPoints: [path.resolve(root, 'bench/timers-page.ts')],
    tsconfig: path.resolve(root, 'tsconfig.json'),
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    globalName: BENCH_GLOBAL,
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no output');
  return { code: `${code}\nglobalThis.${BENCH_GLOBAL} = ${BENCH_GLOBAL};`, bytes: Buffer.byteLength(code) };
}
