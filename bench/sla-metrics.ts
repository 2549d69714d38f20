/**
 * computeMetrics over 50,000 conversations (a year of history, 1–8 SLA clocks each, about a tenth still
 * open), in the options page's zone, with and without a 30-day range and a site filter.
 * Writes bench/results/sla-metrics.json.
 * Run: node --import ./scripts/run-ts.mjs bench/sla-metrics.ts   (SLA_BENCH_RUNS=3 for a quick check)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Site } from '../lib/model/index.ts';
import { computeMetrics, type MetricsConversation, type MetricsOptions } from '../lib/sla/metrics.ts';
import type { SlaTargetState } from '../lib/sla/types.ts';
import { summariseMs } from './harness/stats.ts';
import { seededRandom } from './harness/random.ts';
import { slaClock } from '../tests/support/sla-clock.ts';

const CONVERSATIONS = 50_000;
const RUNS = Number(process.env.SLA_BENCH_RUNS ?? 20);
const WARM_UP_RUNS = 2;
const NOW_MS = Date.parse('2026-03-11T15:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;

const random = seededRandom(50_000);
const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const sites: Site[] = ['linkedin', 'x', 'facebook', 'instagram'];

const clock = (kind: SlaTargetState['kind'], startMs: number, minutes: number, replyAfterMinutes: number | null) =>
  slaClock(kind, startMs, minutes, replyAfterMinutes, NOW_MS);

function conversation(index: number): MetricsConversation {
  const site = sites[index % sites.length]!;
  const target = site === 'x' ? 60 : 1440;
  const startMs = NOW_MS - random() * YEAR_MS;
  const open = random() < 0.1;
  const firstReply = random() * target * 1.6;
  const targets = [clock('firstResponse', startMs, target, open && random() < 0.5 ? null : firstReply)];
  let atMs = startMs + firstReply * 60_000;
  const exchanges = Math.floor(random() * 6);
  for (let exchange = 0; exchange < exchanges; exchange += 1) {
    atMs += random() * 2 * 86_400_000;
    targets.push(clock('nextResponse', atMs, target, random() * target * 1.4));
  }
  const resolvedMs = open ? null : atMs + random() * 86_400_000;
  targets.push(clock('resolution', startMs, 3 * 1440, resolvedMs === null ? null : (resolvedMs - startMs) / 60_000));
  return {
    id: `conversation-${index}`,
    site,
    status: open ? (random() < 0.7 ? 'waiting' : 'snoozed') : 'resolved',
    ownerId: random() < 0.3 ? null : `agent-${index % 7}`,
    createdAt: iso(startMs),
    firstInboundAt: iso(startMs),
    firstResponseAt: targets[0]!.metAt,
    resolvedAt: resolvedMs === null ? null : iso(resolvedMs),
    waitingSince: open ? iso(atMs) : null,
    targets,
    outboundCount: 1 + exchanges,
  };
}

const conversations = Array.from({ length: CONVERSATIONS }, (_, index) => conversation(index));
const targetCount = conversations.reduce((sum, item) => sum + item.targets.length, 0);

const scenarios: Record<string, MetricsOptions> = {
  wholeYear: { now: iso(NOW_MS), timeZone: 'Europe/Berlin' },
  last30DaysOnX: { now: iso(NOW_MS), from: iso(NOW_MS - 30 * 86_400_000), to: iso(NOW_MS), sites: ['x'], timeZone: 'America/New_York' },
};

const results: Record<string, unknown> = {};
for (const [name, options] of Object.entries(scenarios)) {
  const coldStart = performance.now();
  const first = computeMetrics({ conversations, options });
  const coldMs = performance.now() - coldStart;
  for (let run = 0; run < WARM_UP_RUNS; run += 1) computeMetrics({ conversations, options });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    computeMetrics({ conversations, options });
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  results[name] = {
    options,
    coldFirstRunMs: Math.round(coldMs * 100) / 100,
    totalMs: summariseMs(times),
    /** CPU time of the whole process (every thread, GC included) per run: steadier than wall time on a busy machine. */
    processCpuMs: summariseMs(cpuTimes),
    seriesDays: first.series.length,
    firstResponse: first.firstResponse,
    attainmentRate: first.attainment.rate,
  };
  console.log(
    `sla-metrics ${name}: p50 ${summariseMs(times).medianMs} ms, p95 ${summariseMs(times).p95Ms} ms, ` +
      `process CPU p50 ${summariseMs(cpuTimes).medianMs} ms (cold ${Math.round(coldMs)} ms; load average ${os.loadavg()[0]?.toFixed(1) ?? '?'})`,
  );
}

const out = path.join('bench', 'results', 'sla-metrics.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      benchmark: 'sla-metrics',
      description: 'computeMetrics over stored conversations with their SLA clocks',
      conversations: CONVERSATIONS,
      targets: targetCount,
      runs: RUNS,
      warmUpRuns: WARM_UP_RUNS,
      scenarios: results,
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100) },
      measuredAt: new Date().toISOString(),
    },
    null,
    2,
  )}\n`,
);
console.log(`→ ${out}`);
