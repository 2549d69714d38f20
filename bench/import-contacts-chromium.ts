/**
 * The import benchmark of import-contacts.ts in Chromium, on the browser's own IndexedDB (what the
 * extension's background uses): a 10,000-connection Connections.csv parsed, imported into an empty
 * database, then imported again. The library code is bundled with esbuild and served at an https
 * origin (IndexedDB needs one) through Playwright's routing; nothing reaches the network.
 * Each phase is timed in the page (wall) and by Chromium's CPU time (every process of the browser,
 * from /proc): on a shared machine wall time stretches with the load, CPU time much less.
 * IMPORT_BENCH_BEFORE=<dir>: also runs the page code of another checkout (an older commit unpacked
 * there, with this node_modules and .wxt linked in), alternating runs, for a before/after on one load.
 * Writes bench/results/import-contacts-chromium.json.
 * Run: npm run bench:import   (BENCH_RUNS=1 for a quick check)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { connectionsCsv } from './connections-csv';
import { LoadLog, maxLoadFromEnvironment, waitForQuiet } from './harness/load.ts';
import { writeResults } from './harness/results.ts';
import { summariseMs } from './harness/stats.ts';
import type { ImportBenchPage } from './import-contacts-page.ts';
import { chromiumCpuMs } from './timers-cpu.ts';

const ROWS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const ORIGIN = 'https://bench.replyline.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BEFORE_DIR = process.env.IMPORT_BENCH_BEFORE;

interface PhaseFigures {
  ms: number;
  cpuMs: number;
}

interface RunFigures {
  parse: PhaseFigures;
  importFirst: PhaseFigures;
  importAgain: PhaseFigures;
  rawPuts: PhaseFigures;
  counts: Awaited<ReturnType<ImportBenchPage['counts']>>;
}

async function pageScript(root: string): Promise<string> {
  const bundle = await build({
    entryPoints: [path.join(root, 'bench/import-contacts-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'error',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  return bundle.outputFiles[0]!.text;
}

type PhaseName = 'parse' | 'importFirst' | 'importAgain' | 'rawPuts';

/** One measured phase: the page's own wall time and the whole browser's CPU time around it. */
async function phase(page: Page, profileDir: string, name: PhaseName, argument?: string): Promise<PhaseFigures & Record<string, unknown>> {
  const cpuBefore = chromiumCpuMs(profileDir);
  const result = await page.evaluate(
    ([method, value]) => {
      const api = (window as unknown as { importBench: Record<string, (input?: string) => Promise<{ ms: number }>> }).importBench;
      return api[method]!(value);
    },
    [name, argument] as const,
  );
  return { ...result, cpuMs: chromiumCpuMs(profileDir) - cpuBefore };
}

async function openPage(context: BrowserContext, script: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ content: script });
  return page;
}

async function oneRun(page: Page, profileDir: string, csv: string, name: string): Promise<RunFigures> {
  await page.evaluate(([text, db]) => (window as unknown as { importBench: ImportBenchPage }).importBench.open(text, db), [csv, name] as const);
  const parse = await phase(page, profileDir, 'parse');
  const importFirst = await phase(page, profileDir, 'importFirst');
  const importAgain = await phase(page, profileDir, 'importAgain');
  const counts = await page.evaluate(() => (window as unknown as { importBench: ImportBenchPage }).importBench.counts());
  const rawPuts = await phase(page, profileDir, 'rawPuts', `${name}-raw`);
  await page.evaluate(() => (window as unknown as { importBench: ImportBenchPage }).importBench.close());
  if (parse.rows !== ROWS || parse.errors !== 0 || importFirst.created !== ROWS || importAgain.skipped !== ROWS) {
    throw new Error(`unexpected run: ${JSON.stringify({ parse, importFirst, importAgain })}`);
  }
  const figures = (value: PhaseFigures): PhaseFigures => ({ ms: value.ms, cpuMs: value.cpuMs });
  return { parse: figures(parse), importFirst: figures(importFirst), importAgain: figures(importAgain), rawPuts: figures(rawPuts), counts };
}

function summary(runs: readonly RunFigures[]) {
  const of = (pick: (run: RunFigures) => number) => summariseMs(runs.map(pick));
  return {
    parseMs: of((run) => run.parse.ms),
    importMs: of((run) => run.importFirst.ms),
    totalMs: of((run) => run.parse.ms + run.importFirst.ms),
    secondImportMs: of((run) => run.importAgain.ms),
    /** The same stored values put with nothing of ours around them: the IndexedDB floor. */
    rawPutsMs: of((run) => run.rawPuts.ms),
    chromiumCpu: {
      parseMs: of((run) => run.parse.cpuMs),
      importMs: of((run) => run.importFirst.cpuMs),
      totalMs: of((run) => run.parse.cpuMs + run.importFirst.cpuMs),
      secondImportMs: of((run) => run.importAgain.cpuMs),
      rawPutsMs: of((run) => run.rawPuts.cpuMs),
    },
    storedAfterTwoImports: runs[0]!.counts,
  };
}

async function main() {
  const load = new LoadLog();
  const started = await waitForQuiet(maxLoadFromEnvironment(), 5 * 60_000, (value) => process.stdout.write(`waiting for the load (${value}) to fall\n`));
  load.mark(`start (waited until ${started['1m']})`);
  const trees: Array<[string, string]> = [['current', process.cwd()], ...(BEFORE_DIR ? [['before', path.resolve(BEFORE_DIR)] as [string, string]] : [])];
  const scripts = new Map(await Promise.all(trees.map(async ([label, root]) => [label, await pageScript(root)] as const)));
  const csv = connectionsCsv(ROWS);
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'replyline-import-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  await context.route('**/*', async (route) => {
    if (route.request().url() === `${ORIGIN}/`) await route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>import bench</title>' });
    else await route.abort('blockedbyclient');
  });
  const pages = new Map<string, Page>();
  for (const [label] of trees) pages.set(label, await openPage(context, scripts.get(label)!));
  const runs = new Map<string, RunFigures[]>(trees.map(([label]) => [label, []]));
  for (let index = 0; index < RUNS; index += 1) {
    for (const [label] of trees) {
      const run = await oneRun(pages.get(label)!, profileDir, csv, `bench-${label}-${index}`);
      runs.get(label)!.push(run);
      process.stdout.write(
        `${label} ${index + 1}/${RUNS}: parse ${run.parse.ms.toFixed(0)} ms, import ${run.importFirst.ms.toFixed(0)} ms (CPU ${run.importFirst.cpuMs.toFixed(0)}), ` +
          `again ${run.importAgain.ms.toFixed(0)} ms, raw puts ${run.rawPuts.ms.toFixed(0)} ms (CPU ${run.rawPuts.cpuMs.toFixed(0)}), outbox rows ${run.counts.outboxRows}\n`,
      );
    }
    load.mark(`after run ${index + 1}`);
  }
  const version = context.browser()?.version() ?? 'unknown';
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });

  const current = summary(runs.get('current')!);
  const before = BEFORE_DIR ? summary(runs.get('before')!) : undefined;
  const file = writeResults(
    'import-contacts-chromium',
    load,
    {
      benchmark: 'import-contacts-chromium',
      indexedDb: `Chromium ${version} headless, its own IndexedDB (on-disk profile in a temporary directory)`,
      rows: ROWS,
      fileBytes: Buffer.byteLength(csv),
      runs: RUNS,
      targetTotalMs: TARGET_MS,
      ...current,
      medianTotalUnderTarget: current.totalMs.medianMs < TARGET_MS,
      ...(before ? { before: { tree: BEFORE_DIR, ...before }, ratioOfMedianImportMs: current.importMs.medianMs / before.importMs.medianMs } : {}),
    },
    { chromium: version },
  );
  const line = (label: string, result: ReturnType<typeof summary>) =>
    `${label}: median parse ${result.parseMs.medianMs} ms, import ${result.importMs.medianMs} ms (CPU ${result.chromiumCpu.importMs.medianMs}), total ${result.totalMs.medianMs} ms, again ${result.secondImportMs.medianMs} ms, raw puts ${result.rawPutsMs.medianMs} ms\n`;
  process.stdout.write(line('current', current));
  if (before) process.stdout.write(line('before', before));
  process.stdout.write(`wrote ${file}\n`);
}

await main();
