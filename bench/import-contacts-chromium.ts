/**
 * The import benchmark of import-contacts.ts in Chromium, on the browser's own IndexedDB (what the
 * extension's background uses): a 10,000-connection Connections.csv parsed, imported into an empty
 * database, then imported again. The library code is bundled with esbuild and served at an https
 * origin (IndexedDB needs one) through Playwright's routing; nothing reaches the network.
 * Writes bench/results/import-contacts-chromium.json.
 * Run: node --import ./scripts/run-ts.mjs bench/import-contacts-chromium.ts   (BENCH_RUNS=1 for a quick check)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { connectionsCsv } from './connections-csv';
import { summariseMs } from './harness/stats.ts';

const ROWS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const ORIGIN = 'https://bench.replyline.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS_FILE = path.resolve(process.cwd(), 'bench/results/import-contacts-chromium.json');

interface PageRun {
  parseMs: number;
  importMs: number;
  secondImportMs: number;
  rawPutsMs: number;
  rows: number;
  errors: number;
  created: number;
  skipped: number;
  counts: { contacts: number; identities: number; outbox: number };
}

async function pageScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.resolve(process.cwd(), 'bench/import-contacts-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    tsconfig: path.resolve(process.cwd(), 'tsconfig.json'),
  });
  return bundle.outputFiles[0]!.text;
}

async function main() {
  const script = await pageScript();
  const csv = connectionsCsv(ROWS);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) await route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>import bench</title>' });
    else if (url === `${ORIGIN}/bench.js`) await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    else await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ url: `${ORIGIN}/bench.js` });

  const runs: PageRun[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const run = await page.evaluate(
      ([text, name]) => (window as unknown as { runImportBench(csv: string, name: string): Promise<PageRun> }).runImportBench(text, name),
      [csv, `bench-${index}`] as const,
    );
    if (run.rows !== ROWS || run.errors > 0 || run.created !== ROWS || run.skipped !== ROWS) throw new Error(`unexpected run: ${JSON.stringify(run)}`);
    runs.push(run);
    process.stdout.write(`run ${index + 1}/${RUNS}: parse ${run.parseMs.toFixed(0)} ms, import ${run.importMs.toFixed(0)} ms, again ${run.secondImportMs.toFixed(0)} ms, raw puts ${run.rawPutsMs.toFixed(0)} ms\n`);
  }
  const version = browser.version();
  await browser.close();

  const totals = runs.map((run) => run.parseMs + run.importMs);
  const result = {
    benchmark: 'import-contacts-chromium',
    indexedDb: `Chromium ${version} headless, its own IndexedDB (on-disk profile in a temporary directory)`,
    rows: ROWS,
    fileBytes: Buffer.byteLength(csv),
    runs: RUNS,
    targetTotalMs: TARGET_MS,
    parseMs: summariseMs(runs.map((run) => run.parseMs)),
    importMs: summariseMs(runs.map((run) => run.importMs)),
    totalMs: summariseMs(totals),
    secondImportMs: summariseMs(runs.map((run) => run.secondImportMs)),
    /** The same 40,000 records and outbox entries put with nothing of ours around them: the IndexedDB floor. */
    rawPutsMs: summariseMs(runs.map((run) => run.rawPutsMs)),
    medianTotalUnderTarget: summariseMs(totals).medianMs < TARGET_MS,
    storedAfterTwoImports: runs[0]!.counts,
    loadAverage1mAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    cores: os.cpus().length,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`median: parse ${result.parseMs.medianMs} ms, import ${result.importMs.medianMs} ms, total ${result.totalMs.medianMs} ms, again ${result.secondImportMs.medianMs} ms, raw puts ${result.rawPutsMs.medianMs} ms\n`);
}

await main();
