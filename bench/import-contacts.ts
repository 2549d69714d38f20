/**
 * Import of a 10,000-connection LinkedIn Connections.csv: parse, import into an empty database,
 * then the same file again (nothing to write). Runs on fake-indexeddb in Node (slower than
 * Chromium's IndexedDB, so an upper bound). Wall time and the process's CPU time are both given:
 * on a machine shared with other work, wall time also counts the time the process waited for a core.
 * Writes bench/results/import-contacts.json.
 * Run: node --import ./scripts/run-ts.mjs bench/import-contacts.ts   (BENCH_RUNS=1 for a quick check)
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb } from '@/lib/db/open';
import { importContacts } from '@/lib/import/apply';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import { connectionsCsv } from './connections-csv';
import { summariseMs, type MsSummary } from './harness/stats.ts';

const ROWS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const RESULTS_FILE = path.resolve(process.cwd(), 'bench/results/import-contacts.json');

async function run(csv: string, runIndex: number) {
  const db = await openReplylineDb(`bench-import-${runIndex}-${crypto.randomUUID()}`);
  const clock = await ReplicaClock.load(db);

  let start = performance.now();
  let cpu = process.cpuUsage();
  const cpuMsSince = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  const { rows, errors } = linkedInImportRows(csv);
  const parseMs = performance.now() - start;
  const parseCpuMs = cpuMsSince(cpu);
  if (rows.length !== ROWS || errors.length > 0) throw new Error(`parsed ${rows.length} rows, ${errors.length} errors`);

  start = performance.now();
  cpu = process.cpuUsage();
  const first = await importContacts(db, clock, rows);
  const importMs = performance.now() - start;
  const importCpuMs = cpuMsSince(cpu);
  if (first.created !== ROWS) throw new Error(`created ${first.created}`);

  start = performance.now();
  cpu = process.cpuUsage();
  const second = await importContacts(db, clock, linkedInImportRows(csv).rows);
  const secondImportMs = performance.now() - start;
  const secondImportCpuMs = cpuMsSince(cpu);
  if (second.skipped !== ROWS) throw new Error(`second import skipped ${second.skipped}`);

  const counts = { contacts: await db.count('contacts'), identities: await db.count('identities'), outbox: await db.count('outbox') };
  db.close();
  return {
    parseMs,
    importMs,
    totalMs: parseMs + importMs,
    secondImportMs,
    parseCpuMs,
    importCpuMs,
    totalCpuMs: parseCpuMs + importCpuMs,
    secondImportCpuMs,
    counts,
  };
}

async function main() {
  const csv = connectionsCsv(ROWS);
  const runs = [];
  for (let index = 0; index < RUNS; index += 1) {
    runs.push(await run(csv, index));
    process.stdout.write(`run ${index + 1}/${RUNS}: total ${runs.at(-1)!.totalMs.toFixed(0)} ms (CPU ${runs.at(-1)!.totalCpuMs.toFixed(0)} ms)\n`);
  }
  const result = {
    benchmark: 'import-contacts',
    indexedDb: 'fake-indexeddb (Node, in memory); Chromium IndexedDB not measured',
    node: process.version,
    rows: ROWS,
    fileBytes: Buffer.byteLength(csv),
    runs: RUNS,
    targetTotalMs: TARGET_MS,
    parseMs: summariseMs(runs.map((r) => r.parseMs)),
    importMs: summariseMs(runs.map((r) => r.importMs)),
    totalMs: summariseMs(runs.map((r) => r.totalMs)),
    secondImportMs: summariseMs(runs.map((r) => r.secondImportMs)),
    cpu: {
      parseMs: summariseMs(runs.map((r) => r.parseCpuMs)),
      importMs: summariseMs(runs.map((r) => r.importCpuMs)),
      totalMs: summariseMs(runs.map((r) => r.totalCpuMs)),
      secondImportMs: summariseMs(runs.map((r) => r.secondImportCpuMs)),
    },
    loadAverage1mAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    cores: os.cpus().length,
    medianTotalUnderTarget: summariseMs(runs.map((r) => r.totalMs)).medianMs < TARGET_MS,
    storedAfterTwoImports: runs[0]!.counts,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  const medians = (summary: { parseMs: MsSummary; importMs: MsSummary; totalMs: MsSummary; secondImportMs: MsSummary }) => ({
    parse: summary.parseMs.medianMs,
    import: summary.importMs.medianMs,
    total: summary.totalMs.medianMs,
    second: summary.secondImportMs.medianMs,
  });
  process.stdout.write(`wall ${JSON.stringify(medians(result))}\ncpu  ${JSON.stringify(medians(result.cpu))}\n`);
}

await main();
