/**
 * Recomputing the pending queue and the badge for 10,000 open conversations, as the background does on
 * each alarm: match a policy, evaluate the clocks from the timeline, classify urgency, sort, count.
 * A third of the policies pause outside business hours (New York with a lunch break, Tokyo with holidays,
 * a London night shift). Writes bench/results/sla-pending.json.
 * Run: node --import ./scripts/run-ts.mjs bench/sla-pending.ts   (SLA_BENCH_RUNS=3 for a quick check)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BusinessHours, Priority, Site, SlaPolicy } from '../lib/model/index.ts';
import { defaultSlaPolicies } from '../lib/sla/default-policies.ts';
import { evaluateSla, type SlaEvent } from '../lib/sla/evaluate.ts';
import { matchPolicy } from '../lib/sla/match-policy.ts';
import { comparePending, urgencyOf, type Urgency } from '../lib/sla/urgency.ts';
import { summariseMs } from './harness/stats.ts';
import { seededRandom as mulberry32 } from './harness/random.ts';

const CONVERSATIONS = 10_000;
const RUNS = Number(process.env.SLA_BENCH_RUNS ?? 30);
const WARM_UP_RUNS = 3;
const NOW_MS = Date.parse('2026-03-11T15:00:00.000Z');

const random = mulberry32(20260311);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const weekdays = [1, 2, 3, 4, 5] as const;
const businessHours: BusinessHours[] = [
  {
    timeZone: 'America/New_York',
    weekly: weekdays.flatMap((day) => [
      { day, start: '09:00', end: '12:00' },
      { day, start: '13:00', end: '17:30' },
    ]),
  },
  { timeZone: 'Asia/Tokyo', weekly: weekdays.map((day) => ({ day, start: '09:00', end: '18:00' })), holidays: ['2026-03-20', '2026-04-29'] },
  {
    timeZone: 'Europe/London',
    weekly: [...weekdays.map((day) => ({ day, start: '22:00', end: '24:00' })), ...weekdays.map((day) => ({ day: ((day + 1) % 7) as 0, start: '00:00', end: '06:00' }))],
  },
];

let idCounter = 0;
const makeId = () => `00000000-0000-4000-8000-${String(++idCounter).padStart(12, '0')}`;
const defaults = defaultSlaPolicies('2026-01-01T00:00:00.000Z', makeId);
const tagged: SlaPolicy[] = businessHours.map((hours, index) => ({
  ...defaults[2]!,
  id: makeId(),
  name: `Business hours ${hours.timeZone}`,
  order: -1 - index,
  match: { sites: [], priorities: [], tags: [`team-${index}`] },
  targets: { firstResponseMinutes: 240, nextResponseMinutes: 120, resolutionMinutes: 2 * 24 * 60 },
  businessHours: hours,
  pauseOutsideBusinessHours: true,
}));
const policies = [...tagged, ...defaults];

interface OpenConversation {
  id: string;
  site: Site;
  priority: Priority;
  tags: string[];
  events: SlaEvent[];
}

const sites: Site[] = ['linkedin', 'x', 'facebook', 'instagram'];
const priorities: Priority[] = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];

function openConversation(index: number): OpenConversation {
  // Started up to 14 days ago; 1–6 exchanges; most wait on us (last message theirs), some on the customer.
  let atMs = NOW_MS - random() * 14 * 86_400_000;
  const events: SlaEvent[] = [];
  const exchanges = 1 + Math.floor(random() * 6);
  const endsWithUs = random() < 0.2;
  for (let exchange = 0; exchange < exchanges; exchange += 1) {
    events.push({ type: 'inbound', at: new Date(atMs).toISOString() });
    atMs += random() * (NOW_MS - atMs) * 0.3;
    if (exchange < exchanges - 1 || endsWithUs) {
      if (random() < 0.1) events.push({ type: 'outbound', at: new Date(atMs).toISOString(), autoAck: true });
      events.push({ type: 'outbound', at: new Date(atMs + 60_000).toISOString() });
      atMs += 60_000 + random() * (NOW_MS - atMs) * 0.3;
    }
  }
  // The stored timeline comes newest-first from some sources: evaluate sorts it.
  if (random() < 0.5) events.reverse();
  return {
    id: `conversation-${index}`,
    site: pick(sites),
    priority: pick(priorities),
    tags: random() < 0.35 ? [`Team-${Math.floor(random() * 3)}`] : [],
    events,
  };
}

const conversations = Array.from({ length: CONVERSATIONS }, (_, index) => openConversation(index));

interface PendingRow {
  id: string;
  dueAt: string | null;
  warnAt: string | null;
  waitingSince: string | null;
  urgency: Urgency;
}

function recompute(nowIso: string): { rows: PendingRow[]; badge: Record<Urgency, number>; evaluateMs: number; sortMs: number } {
  const started = performance.now();
  const rows: PendingRow[] = [];
  const badge: Record<Urgency, number> = { overdue: 0, warning: 0, fine: 0 };
  for (const conversation of conversations) {
    const policy = matchPolicy(policies, conversation);
    const evaluation = evaluateSla(policy, conversation.events, nowIso);
    if (!evaluation.waitingOnUs) continue;
    const urgency = urgencyOf(evaluation, nowIso);
    badge[urgency] += 1;
    rows.push({ id: conversation.id, dueAt: evaluation.dueAt, warnAt: evaluation.warnAt, waitingSince: evaluation.waitingSince, urgency });
  }
  const evaluated = performance.now();
  rows.sort(comparePending);
  return { rows, badge, evaluateMs: evaluated - started, sortMs: performance.now() - evaluated };
}

// Every run moves "now" on by a minute, as successive alarms would.
const nowOf = (run: number) => new Date(NOW_MS + run * 60_000).toISOString();

const coldStart = performance.now();
const cold = recompute(nowOf(0));
const coldMs = performance.now() - coldStart;
for (let run = 1; run <= WARM_UP_RUNS; run += 1) recompute(nowOf(run));

const totals: number[] = [];
const cpuTotals: number[] = [];
const evaluates: number[] = [];
const sorts: number[] = [];
let last = cold;
for (let run = 0; run < RUNS; run += 1) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  last = recompute(nowOf(WARM_UP_RUNS + 1 + run));
  totals.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  cpuTotals.push((cpu.user + cpu.system) / 1000);
  evaluates.push(last.evaluateMs);
  sorts.push(last.sortMs);
}

const businessHoursShare = conversations.filter((conversation) => matchPolicy(policies, conversation)?.pauseOutsideBusinessHours).length / CONVERSATIONS;
const result = {
  benchmark: 'sla-pending',
  description: 'match policy + evaluateSla + urgencyOf for every open conversation, then sort with comparePending and count the badge',
  conversations: CONVERSATIONS,
  waitingOnUs: last.rows.length,
  badge: last.badge,
  businessHoursPolicyShare: Math.round(businessHoursShare * 1000) / 1000,
  events: conversations.reduce((sum, conversation) => sum + conversation.events.length, 0),
  runs: RUNS,
  warmUpRuns: WARM_UP_RUNS,
  coldFirstRunMs: Math.round(coldMs * 100) / 100,
  totalMs: summariseMs(totals),
  /** CPU time of the whole process (every thread, GC included) per run: steadier than wall time on a busy machine. */
  processCpuMs: summariseMs(cpuTotals),
  evaluateMs: summariseMs(evaluates),
  sortMs: summariseMs(sorts),
  perConversationUs: Math.round((summariseMs(totals).medianMs / CONVERSATIONS) * 1000 * 100) / 100,
  machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100) },
  measuredAt: new Date().toISOString(),
};

const out = path.join('bench', 'results', 'sla-pending.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `sla-pending: ${CONVERSATIONS} conversations (${result.waitingOnUs} waiting on us; badge ${JSON.stringify(result.badge)}): ` +
    `total p50 ${result.totalMs.medianMs} ms, p95 ${result.totalMs.p95Ms} ms, process CPU p50 ${result.processCpuMs.medianMs} ms ` +
    `(cold first run ${result.coldFirstRunMs} ms; load average ${result.machine.loadAverage.join(' ')}) → ${out}`,
);
