/**
 * The dashboard's request with a year of history for 50,000 conversations in IndexedDB (fake-indexeddb
 * in Node, an upper bound for Chromium's): reading and parsing the stored conversations
 * (readMetricsRows, what 'metrics.compute' reads) and computeMetrics, for the whole year and for
 * the dashboard's default 30 days. Writes bench/results/dashboard.json.
 * With DASHBOARD_BENCH_CHROMIUM=1 it also measures the request in Chromium with the built extension
 * (REPLYLINE_OUT_DIR names the build): the same records written into the extension's IndexedDB, and
 * 'metrics.compute' timed from the options page, as the dashboard sends it (messaging included).
 * Run: node --import ./scripts/run-ts.mjs bench/dashboard.ts   (DASHBOARD_BENCH_RUNS=2 for a quick check)
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { metricsOfStoredConversations, metricsRowOf, readMetricsRows } from '@/lib/db/metrics-store';
import { openReplylineDb } from '@/lib/db/open';
import { DB_NAME } from '@/lib/db/schema';
import { conversationSchema, type Conversation, type Site } from '@/lib/model';
import { computeMetrics } from '@/lib/sla/metrics';
import type { SlaTargetState } from '@/lib/sla/types';
import { summariseMs } from './harness/stats.ts';
import { seededRandom as mulberry32 } from './harness/random.ts';
import { slaClock } from '../tests/support/sla-clock.ts';

const CONVERSATIONS = 50_000;
const RUNS = Number(process.env.DASHBOARD_BENCH_RUNS ?? 5);
const NOW_MS = Date.parse('2026-03-11T15:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;
const STAMP = '001772000000000:000000:bench-replica';

const random = mulberry32(7);
const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const sites: Site[] = ['linkedin', 'x', 'facebook', 'instagram'];

const target = (kind: SlaTargetState['kind'], startMs: number, minutes: number, replyAfter: number | null) =>
  slaClock(kind, startMs, minutes, replyAfter, NOW_MS);

function conversation(index: number): Conversation {
  const site = sites[index % sites.length]!;
  const minutes = site === 'x' ? 60 : 1440;
  const startMs = NOW_MS - random() * YEAR_MS;
  const open = random() < 0.1;
  const firstReply = random() * minutes * 1.6;
  const targets = [target('firstResponse', startMs, minutes, open && random() < 0.5 ? null : firstReply)];
  let atMs = startMs + firstReply * 60_000;
  const exchanges = Math.floor(random() * 4);
  for (let exchange = 0; exchange < exchanges; exchange += 1) {
    atMs += random() * 2 * 86_400_000;
    targets.push(target('nextResponse', atMs, minutes, random() * minutes * 1.4));
  }
  const resolvedMs = open ? null : atMs + random() * 86_400_000;
  targets.push(target('resolution', startMs, 3 * 1440, resolvedMs === null ? null : (resolvedMs - startMs) / 60_000));
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  return conversationSchema.parse({
    id,
    createdAt: iso(startMs),
    updatedAt: iso(resolvedMs ?? atMs),
    deletedAt: null,
    stamps: { status: STAMP },
    site,
    threadKey: `${site}:thread:${String(index)}`,
    kind: 'conversation',
    url: `https://www.linkedin.com/messaging/thread/${String(index)}/`,
    contactId: null,
    status: open ? (random() < 0.7 ? 'waiting' : 'snoozed') : 'resolved',
    priority: 'normal',
    policyId: null,
    targets,
    dueAt: open ? targets[0]!.dueAt : null,
    snoozedUntil: null,
    waitingSince: open ? iso(atMs) : null,
    firstResponseAt: targets[0]!.metAt,
    resolvedAt: resolvedMs === null ? null : iso(resolvedMs),
    ownerId: random() < 0.3 ? null : `agent-${String(index % 7)}`,
    linkedConversationId: null,
    preview: { authorName: 'Customer', text: 'Where is my order? It should have arrived last week.', at: iso(atMs) },
    events: [{ type: 'tracked', at: iso(startMs) }],
  });
}

const records = Array.from({ length: CONVERSATIONS }, (_, index) => conversation(index));
/** The metrics rows the background keeps beside each conversation (in its write transaction). */
const metricsRows = records.flatMap((record) => metricsRowOf(record) ?? []);
const db = await openReplylineDb(`bench-dashboard-${crypto.randomUUID()}`);
const fillStart = performance.now();
for (let from = 0; from < CONVERSATIONS; from += 5000) {
  const tx = db.transaction(['conversations', 'metrics'], 'readwrite');
  for (const record of records.slice(from, from + 5000)) void tx.objectStore('conversations').put(record);
  for (const row of metricsRows.slice(from, from + 5000)) void tx.objectStore('metrics').put(row);
  await tx.done;
}
const fillMs = performance.now() - fillStart;

const options = {
  wholeYear: { now: iso(NOW_MS), timeZone: 'Europe/Berlin' },
  last30Days: { now: iso(NOW_MS), timeZone: 'Asia/Tokyo', from: iso(NOW_MS - 30 * 86_400_000), to: iso(NOW_MS) },
};
/** The projection this file replaced (the model's schema picked), to show what the parse costs. */
const modelPickSchema = conversationSchema.pick({
  id: true, site: true, status: true, ownerId: true, createdAt: true, deletedAt: true,
  firstResponseAt: true, resolvedAt: true, waitingSince: true, targets: true,
});
const samples = {
  getAllMs: [] as number[],
  projectMs: [] as number[],
  modelPickParseMs: [] as number[],
  readMs: [] as number[],
  computeYearMs: [] as number[], compute30DaysMs: [] as number[], requestYearMs: [] as number[] };
let figures: ReturnType<typeof computeMetrics> | null = null;
for (let run = 0; run < RUNS; run += 1) {
  const rawStart = performance.now();
  const values: unknown[] = await db.getAll('conversations');
  const rawRead = performance.now();
  metricsOfStoredConversations(values);
  const projected = performance.now();
  for (const value of values) modelPickSchema.parse(value);
  samples.getAllMs.push(rawRead - rawStart);
  samples.projectMs.push(projected - rawRead);
  samples.modelPickParseMs.push(performance.now() - projected);

  const start = performance.now();
  const stored = await readMetricsRows(db);
  const read = performance.now();
  figures = computeMetrics({ conversations: stored, options: options.wholeYear });
  const year = performance.now();
  computeMetrics({ conversations: stored, options: options.last30Days });
  const month = performance.now();
  samples.readMs.push(read - start);
  samples.computeYearMs.push(year - read);
  samples.compute30DaysMs.push(month - year);
  samples.requestYearMs.push(year - start);
}

/** The part of the extension API the options page's evaluate calls use. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> } };

async function inChromium(): Promise<Record<string, unknown>> {
  const { launchWithExtension } = await import('../tests/e2e/browser');
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#general`);
    // The options page shares the service worker's origin, hence its IndexedDB.
    for (let from = 0; from < CONVERSATIONS; from += 5000) {
      await page.evaluate(
        async ({ name, batch, rows }) => {
          const open = indexedDB.open(name);
          const idb = await new Promise<IDBDatabase>((resolve, reject) => {
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error ?? new Error('open failed'));
          });
          const tx = idb.transaction(['conversations', 'metrics'], 'readwrite');
          for (const record of batch) tx.objectStore('conversations').put(record);
          for (const row of rows) tx.objectStore('metrics').put(row);
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          });
          idb.close();
        },
        { name: DB_NAME, batch: records.slice(from, from + 5000), rows: metricsRows.slice(from, from + 5000) },
      );
    }
    const time = (payload: object) =>
      page.evaluate(async (payload) => {
        const start = performance.now();
        const answer = await chrome.runtime.sendMessage({ replyline: 1, type: 'metrics.compute', payload });
        if (!answer.ok) throw new Error(answer.error?.message ?? 'metrics.compute failed');
        return performance.now() - start;
      }, payload);
    // The background supplies `now` (its own clock): the range is the same days as above.
    const wholeYear = { timeZone: options.wholeYear.timeZone };
    const last30Days = { timeZone: options.last30Days.timeZone, from: options.last30Days.from, to: options.last30Days.to };
    // IndexedDB's part alone: every conversation read in the page (the same store the background reads).
    const readAll = () =>
      page.evaluate(async (name) => {
        const start = performance.now();
        const open = indexedDB.open(name);
        const idb = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        });
        const request = idb.transaction('conversations').objectStore('conversations').getAll();
        await new Promise<void>((resolve, reject) => {
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        idb.close();
        return performance.now() - start;
      }, DB_NAME);
    const year: number[] = [];
    const month: number[] = [];
    const getAll: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      year.push(await time(wholeYear));
      month.push(await time(last30Days));
      getAll.push(await readAll());
    }
    return {
      storage: 'Chromium IndexedDB (the built extension, headless)',
      chromium: browser.context.browser()?.version() ?? 'persistent context',
      requestWholeYearMs: summariseMs(year),
      requestLast30DaysMs: summariseMs(month),
      getAllInPageMs: summariseMs(getAll),
    };
  } finally {
    await browser.close();
  }
}

const chromium = process.env.DASHBOARD_BENCH_CHROMIUM === '1' ? await inChromium() : null;

const result = {
  benchmark: 'dashboard',
  description: "The options page's 'metrics.compute' request: read and parse every stored conversation, then computeMetrics",
  conversations: CONVERSATIONS,
  storage: 'fake-indexeddb in Node (Chromium IndexedDB is faster)',
  runs: RUNS,
  fillMs: Math.round(fillMs),
  readAndParseMs: summariseMs(samples.readMs),
  /** Its two parts: IndexedDB's getAll (structured clone of every record) and the projection's parse. */
  getAllMs: summariseMs(samples.getAllMs),
  projectionParseMs: summariseMs(samples.projectMs),
  /** The same records through the model's schema picked to the same fields (the projection before). */
  modelPickParseMs: summariseMs(samples.modelPickParseMs),
  computeWholeYearMs: summariseMs(samples.computeYearMs),
  computeLast30DaysMs: summariseMs(samples.compute30DaysMs),
  requestWholeYearMs: summariseMs(samples.requestYearMs),
  chromium,
  seriesDays: figures?.series.length ?? 0,
  firstResponse: figures?.firstResponse,
  attainmentRate: figures?.attainment.rate,
  machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))) },
  measuredAt: new Date().toISOString(),
};
const file = path.resolve(process.cwd(), 'bench/results/dashboard.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ getAllMs: result.getAllMs, projectionParseMs: result.projectionParseMs, modelPickParseMs: result.modelPickParseMs, readAndParseMs: result.readAndParseMs, computeWholeYearMs: result.computeWholeYearMs, requestWholeYearMs: result.requestWholeYearMs, chromium }, null, 2));
