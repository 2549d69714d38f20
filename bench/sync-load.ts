// Team-scale load on PostgreSQL: `npm run bench:sync-load` → bench/results/sync-load.json
// For each client count (BENCH_CLIENTS, "50,200"), a fresh database, BENCH_PROCESSES (3) server processes on it
// and the bench as a round-robin balancer in front of them. Every client syncs as the extension does, as fast
// as it can for BENCH_SECONDS (15), pushing batches of 1–20 mutations (30 % edits of 200 notes every client
// shares, 70 % new notes). Then every client pulls everything at once, in pages of 500, as the extension does
// after a push. (Pulling after each push as well would make every run a measure of fan-out, every record going
// to every client, rather than of writes: BENCH_PULL_AFTER_PUSH=1 does it.) The run fails unless every replica
// holds the same version of every record and the database holds, per field, the newest write any client was
// told was accepted.
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { formatHlc } from '@/lib/sync/hlc';
import type { PullResponse } from '@/lib/sync/wire';
import { summariseMs } from './harness/stats';
import { batchFor, pullToEnd, pushUntilAnswered, type LoadClient, type LoadMix, type LoadTimings, type NextServer } from './sync-load-client';
import { AcceptedWrites, RecordIndex, VersionReplica } from './sync-load-ledger';
import { pullOver, pushOver, startBenchServer } from './sync-server';

const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const SHARED_RECORDS = 200;
const PULL_AFTER_PUSH = process.env.BENCH_PULL_AFTER_PUSH === '1';

const load = () => loadavg().map((value) => Math.round(value * 10) / 10);

async function run(clients: number) {
  const bench = await startBenchServer('postgres', clients, { processes: PROCESSES, poolSize: POOL_SIZE });
  let turn = 0;
  const next: NextServer = () => bench.servers[turn++ % bench.servers.length]!.baseUrl;
  try {
    const accepted = new AcceptedWrites();
    const index = new RecordIndex();
    const mix: LoadMix = { minBatch: 1, maxBatch: 20, sharedEditShare: 0.3, sharedRecords: Array.from({ length: SHARED_RECORDS }, () => randomUUID()) };
    // The shared notes exist before anyone edits them.
    const seedAt = formatHlc({ wallMs: Date.now() - 60_000, counter: 0 }, 'seed');
    const seed = mix.sharedRecords.map((recordId) => {
      const fields = { contactId: randomUUID(), body: 'shared note', createdAt: new Date().toISOString(), deletedAt: null };
      return { mutationId: randomUUID(), store: 'notes' as const, recordId, fields, stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, seedAt])) };
    });
    accepted.record(seed, (await pushOver(next(), bench.tokens[0]!, 'seed', seed)).results);

    const fleet: LoadClient[] = bench.tokens.map((token, i) => ({ clientId: `client-${i}`, token, replica: new VersionReplica(), cursor: 0, counter: 0 }));
    const timings: LoadTimings = { pushMs: [], pullMs: [], mutationsPushed: 0, pushRetries: 0, pullRetries: 0 };
    const loadBefore = load();
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      fleet.map(async (client) => {
        while (performance.now() < deadline) {
          await pushUntilAnswered(next, client, batchFor(client, mix), timings, accepted);
          if (PULL_AFTER_PUSH) await pullToEnd(next, client, index, timings);
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const loadAfter = load();
    const mutationsPerSecond = Math.round((timings.mutationsPushed / elapsedMs) * 1000);

    // Convergence: every client pulls what is left, then one fresh full pull is compared with what was accepted.
    const catchUpStarted = performance.now();
    const catchUp: LoadTimings = { pushMs: [], pullMs: [], mutationsPushed: 0, pushRetries: 0, pullRetries: 0 };
    await Promise.all(fleet.map((client) => pullToEnd(next, client, index, catchUp)));
    const catchUpMs = performance.now() - catchUpStarted;
    const state = new Map<string, PullResponse['changes'][number]>();
    for (let after = 0; ; ) {
      const page = await pullOver(next(), bench.tokens[0]!, after, 1000);
      for (const change of page.changes) state.set(change.recordId, change);
      after = page.cursor;
      if (!page.hasMore) break;
    }
    const problems = accepted.problems(state);
    let divergent = 0;
    for (const client of fleet) {
      const same = client.replica.held === state.size && [...state.values()].every((change) => client.replica.versionOf(index.of(change.recordId)) === change.version);
      if (!same) divergent++;
    }

    const push = summariseMs(timings.pushMs);
    const pull = summariseMs([...timings.pullMs, ...catchUp.pullMs]);
    const result = {
      clients,
      processes: bench.servers.length,
      poolSizePerProcess: POOL_SIZE,
      seconds: Math.round(elapsedMs / 100) / 10,
      loadAverage: { before: loadBefore, after: loadAfter },
      pushes: push.n,
      mutations: timings.mutationsPushed,
      mutationsPerPushMean: Math.round((timings.mutationsPushed / push.n) * 10) / 10,
      mutationsPerSecond,
      pushesPerSecond: Math.round((push.n / elapsedMs) * 1000),
      pushRetries: timings.pushRetries,
      pullRetries: timings.pullRetries + catchUp.pullRetries,
      pushMs: { p50: push.medianMs, p95: push.p95Ms, max: push.maxMs },
      pulls: pull.n,
      pullMs: { p50: pull.medianMs, p95: pull.p95Ms, max: pull.maxMs },
      catchUpMs: Math.round(catchUpMs),
      catchUpRowsPerSecond: Math.round((fleet.length * state.size * 1000) / catchUpMs),
      records: state.size,
      acceptedMutations: accepted.accepted,
      convergence: { replicas: fleet.length, divergentReplicas: divergent, lostOrWrongFields: problems.length, firstProblems: problems.slice(0, 5) },
    };
    console.log(JSON.stringify(result));
    return result;
  } catch (error) {
    for (const server of bench.servers) console.error(`--- server ${server.baseUrl} (exit ${server.child.exitCode}):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await bench.dispose();
  }
}

const machineBefore = load();
const runs = [];
for (const clients of CLIENT_COUNTS) runs.push(await run(clients));
const report = {
  name: 'sync-load',
  at: new Date().toISOString(),
  node: process.version,
  database: 'postgres',
  // These figures scale with how busy the cores were: 2 cores shared with other jobs, the bench's clients included.
  machine: { cpus: cpus().length, loadAverageBefore: machineBefore, loadAverageAfter: load() },
  mix: { mutationsPerPush: '1–20, uniform (mean 10.5)', sharedEditShare: 0.3, sharedRecords: SHARED_RECORDS, cycle: PULL_AFTER_PUSH ? 'push, then pull to the end, in pages of 500' : 'pushes only; then every client pulls everything, in pages of 500' },
  runs,
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/sync-load.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
const failed = runs.filter((r) => r.convergence.divergentReplicas > 0 || r.convergence.lostOrWrongFields > 0);
if (failed.length > 0) {
  console.error('NOT CONVERGED', JSON.stringify(failed.map((r) => ({ clients: r.clients, ...r.convergence }))));
  process.exit(1);
}
