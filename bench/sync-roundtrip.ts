// Push then pull 10,000 notes end to end over HTTP against a real server process, on PGlite and on
// PostgreSQL: `node --import ./scripts/run-ts.mjs bench/sync-roundtrip.ts` → bench/results/sync-roundtrip.json
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { formatHlc } from '@/lib/sync/hlc';
import type { Mutation } from '@/lib/sync/wire';
import { postgresReachable, pullOver, pushOver, startBenchServer } from './sync-server';

const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const BATCH = 500;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function notes(count: number): Mutation[] {
  return Array.from({ length: count }, (_, i) => {
    const at = formatHlc({ wallMs: T0 + i, counter: 0 }, 'bench');
    const fields = {
      contactId: randomUUID(),
      body: `Called about order follow-up #${i}; prefers e-mail, mornings. Next step: send the renewal quote.`,
      createdAt: new Date(T0 + i).toISOString(),
      deletedAt: null,
    };
    return { mutationId: randomUUID(), store: 'notes', recordId: randomUUID(), fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, at])) };
  });
}

async function run(database: 'pglite' | 'postgres') {
  const bench = await startBenchServer(database);
  const token = bench.tokens[0]!;
  const baseUrl = bench.server.baseUrl;
  try {
    const mutations = notes(NOTES);
    const pushStart = performance.now();
    let version = 0;
    for (let i = 0; i < mutations.length; i += BATCH) {
      version = (await pushOver(baseUrl, token, 'bench', mutations.slice(i, i + BATCH))).version;
    }
    const pushMs = performance.now() - pushStart;
    if (version !== NOTES) throw new Error(`expected version ${NOTES}, got ${version}`);

    const pullStart = performance.now();
    let after = 0;
    let pulled = 0;
    for (;;) {
      const page = await pullOver(baseUrl, token, after, BATCH);
      pulled += page.changes.length;
      after = page.cursor;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - pullStart;
    if (pulled !== NOTES) throw new Error(`pulled ${pulled} of ${NOTES}`);

    const round = (value: number) => Math.round(value);
    return {
      database,
      notes: NOTES,
      batch: BATCH,
      pushMs: round(pushMs),
      pushNotesPerSecond: round((NOTES / pushMs) * 1000),
      pullMs: round(pullMs),
      pullNotesPerSecond: round((NOTES / pullMs) * 1000),
      totalMs: round(pushMs + pullMs),
      totalNotesPerSecond: round((NOTES / (pushMs + pullMs)) * 1000),
    };
  } finally {
    await bench.dispose();
  }
}

const loadBefore = loadavg().map((value) => Math.round(value * 10) / 10);
const results = [await run('pglite')];
if (await postgresReachable()) results.push(await run('postgres'));
else console.warn('PostgreSQL not reachable on 127.0.0.1:5432: PGlite only');

const report = {
  name: 'sync-roundtrip',
  at: new Date().toISOString(),
  node: process.version,
  // The machine's load when the run ended: these figures scale with how busy the cores were.
  machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map((value) => Math.round(value * 10) / 10) },
  goal: 'push + pull of 10,000 notes in at most 2,000 ms (issue 13)',
  results,
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/sync-roundtrip.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.table(results);
