// 50 clients, each with its own agent token, pushing to one server process on PostgreSQL for N seconds:
// `node --import ./scripts/run-ts.mjs bench/sync-concurrency.ts` → bench/results/sync-concurrency.json
// BENCH_CLIENTS (50), BENCH_SECONDS (20), BENCH_BATCH (mutations per push, 5).
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { formatHlc } from '@/lib/sync/hlc';
import type { Mutation } from '@/lib/sync/wire';
import { summariseMs } from './harness/stats.ts';
import { pullOver, pushOver, startBenchServer } from './sync-server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BATCH = Number(process.env.BENCH_BATCH ?? 5);
/** Records every client edits now and then, so pushes contend for the same rows too. */
const SHARED_RECORDS = Array.from({ length: 20 }, () => randomUUID());

const touchedShared = new Set<string>();

function batchFor(clientId: string, wallMs: number, counter: { value: number }): Mutation[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const at = formatHlc({ wallMs, counter: counter.value++ }, clientId);
    const shared = i === 0;
    const recordId = shared ? SHARED_RECORDS[Math.floor(Math.random() * SHARED_RECORDS.length)]! : randomUUID();
    const fields = shared
      ? { body: `${clientId} edited at ${wallMs}` }
      : { contactId: randomUUID(), body: `note by ${clientId}`, createdAt: new Date(wallMs).toISOString(), deletedAt: null };
    return {
      mutationId: randomUUID(),
      store: 'notes',
      recordId,
      fields,
      stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, at])),
    };
  });
}

const bench = await startBenchServer('postgres', CLIENTS);
try {
  const latencies: number[] = [];
  let mutations = 0;
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    bench.tokens.map(async (token, index) => {
      const clientId = `client-${index}`;
      const counter = { value: 0 };
      while (performance.now() < deadline) {
        const batch = batchFor(clientId, Date.now(), counter);
        const t = performance.now();
        try {
          await pushOver(bench.server.baseUrl, token, clientId, batch);
          latencies.push(performance.now() - t);
          mutations += batch.length;
          touchedShared.add(batch[0]!.recordId);
        } catch (error) {
          failures++;
          console.error(error);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;

  // Every acknowledged mutation is in the store: one record per new note, plus the shared ones.
  let after = 0;
  let records = 0;
  for (;;) {
    const page = await pullOver(bench.server.baseUrl, bench.tokens[0]!, after, 1000);
    records += page.changes.length;
    after = page.cursor;
    if (!page.hasMore) break;
  }
  const expectedRecords = (mutations / BATCH) * (BATCH - 1) + touchedShared.size;

  const latency = summariseMs(latencies);
  const report = {
    name: 'sync-concurrency',
    at: new Date().toISOString(),
    node: process.version,
    // The machine's load when the run ended: these figures scale with how busy the cores were.
    machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 10) / 10 },
    database: 'postgres',
    clients: CLIENTS,
    seconds: SECONDS,
    mutationsPerPush: BATCH,
    pushes: latencies.length,
    mutations,
    failures,
    mutationsPerSecond: Math.round((mutations / elapsedMs) * 1000),
    pushesPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
    pushLatencyMs: { p50: latency.medianMs, p95: latency.p95Ms, max: latency.maxMs },
    recordsPulled: records,
    recordsExpected: expectedRecords,
  };
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/sync-concurrency.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.log(report);
  if (records !== expectedRecords) throw new Error(`pulled ${records} records, expected ${expectedRecords}`);
} finally {
  await bench.dispose();
}
