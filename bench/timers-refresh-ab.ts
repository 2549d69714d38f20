/**
 * The badge refresh inside the service worker, two builds side by side (before/after), in one run:
 * each build in its own headless Chromium with its own database seeded alike (bench/timers-page.ts of
 * that build's checkout, bundled with its own lib/), 10,000 conversations then 100,000. Each round makes
 * both backgrounds rewrite their probe conversation (conversation.priority); the change follower then
 * refreshes the badge, and the measure that refresh leaves in the worker (bench/timers-worker.ts) is
 * read back. pending.list is timed in the same rounds. The order of the two builds alternates per round.
 *
 * Run: TIMERS_AB_BEFORE=/path/to/before-checkout node --import ./scripts/run-ts.mjs bench/timers-refresh-ab.ts
 * (both checkouts built: .output/chrome-mv3; the before one needs the refresh measure, see bench/README.md).
 * TIMERS_BENCH_QUICK=1: 2,000/20,000 records and 4 rounds, to check the script; TIMERS_AB_ROUNDS=N: N rounds at each size (a shorter run on a shared machine). Writes bench/results/timers-refresh-ab.json.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/browser.ts';
import { LoadLog } from './harness/load.ts';
import { round2, writeResults } from './harness/results.ts';
import { ratio, summariseMs, type MsSummary } from './harness/stats.ts';
import { launchBuild } from './timers-browser.ts';
import { BENCH_GLOBAL, bundlePageCode } from './timers-bundle.ts';
import type { ClockLayout, StatusMix } from './timers-records.ts';
import { currentWorker, installCollector, refreshAt, type RefreshSample } from './timers-worker.ts';

const QUICK = process.env.TIMERS_BENCH_QUICK === '1';
const BEFORE_ROOT = process.env.TIMERS_AB_BEFORE;
const AFTER_ROOT = process.cwd();
const QUEUE_CONVERSATIONS = QUICK ? 2_000 : 10_000;
const TOTAL_CONVERSATIONS = QUICK ? 20_000 : 100_000;
const CONTACTS_PER_CONVERSATION = 0.7;
const QUEUE_MIX: StatusMix = { waiting: 0.75, snoozed: 0.1, open: 0.15, resolved: 0 };
const HISTORY_MIX: StatusMix = { waiting: 0, snoozed: 0, open: 0, resolved: 1 };
const ROUNDS_OVERRIDE = Number(process.env.TIMERS_AB_ROUNDS ?? 0);
const ROUNDS = ROUNDS_OVERRIDE > 0 ? { at10k: ROUNDS_OVERRIDE, at100k: ROUNDS_OVERRIDE } : { at10k: QUICK ? 4 : 30, at100k: QUICK ? 4 : 20 };
const STORM_NOTIFICATIONS = QUICK ? 20 : 200;
const BATCH_SIZE = 2_000;
const REFRESH_TIMEOUT_MS = 10_000;

type SideName = 'before' | 'after';
interface Side {
  name: SideName;
  root: string;
  browser: ExtensionBrowser;
  page: Page;
  probeId: string;
  workerStarts: number;
}

interface RoundSample {
  writeRoundTripMs: number;
  refresh: RefreshSample;
  pendingListRoundTripMs: number;
}

/** Calls a function of that side's bundled page code (functions both builds' bench/timers-page.ts export). */
async function call<T>(side: Side, method: string, ...args: unknown[]): Promise<T> {
  return (await side.page.evaluate(
    ({ name, fn, values }) => (globalThis as unknown as Record<string, Record<string, (...parameters: unknown[]) => unknown>>)[name]![fn]!(...values),
    { name: BENCH_GLOBAL, fn: method, values: args },
  )) as T;
}

/** One request from the page, timed there; throws on a refused answer. */
function roundTrip(page: Page, type: string, payload: unknown): Promise<number> {
  return page.evaluate(
    async ({ type: kind, payload: body }) => {
      const started = performance.now();
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      const answer = (await runtime.sendMessage({ replyline: 1, type: kind, payload: body })) as { ok?: boolean } | undefined;
      if (!answer?.ok) throw new Error(`${kind}: ${JSON.stringify(answer)}`);
      return performance.now() - started;
    },
    { type, payload },
  );
}

async function open(name: SideName, root: string): Promise<Side> {
  const browser = await launchBuild(path.join(root, '.output', 'chrome-mv3'));
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
  await page.evaluate((await bundlePageCode(root)).code);
  const side: Side = { name, root, browser, page, probeId: '', workerStarts: 1 };
  browser.context.on('serviceworker', () => (side.workerStarts += 1));
  await roundTrip(page, 'pending.list', {}); // the background creates its database and policies
  return side;
}

async function seed(side: Side, layout: ClockLayout, first: boolean): Promise<void> {
  const queueContacts = Math.round(QUEUE_CONVERSATIONS * CONTACTS_PER_CONVERSATION);
  const report = await call<{ probeConversationId: string | null }>(side, 'seed', {
    contacts: first ? { from: 0, to: queueContacts } : { from: queueContacts, to: Math.round(TOTAL_CONVERSATIONS * CONTACTS_PER_CONVERSATION) },
    conversations: first ? { from: 0, to: QUEUE_CONVERSATIONS } : { from: QUEUE_CONVERSATIONS, to: TOTAL_CONVERSATIONS },
    mix: first ? QUEUE_MIX : HISTORY_MIX,
    layout,
    probe: first,
    batchSize: BATCH_SIZE,
  });
  if (first) side.probeId = report.probeConversationId ?? '';
}

let priorityTurn = 0;

/** A write, then the refresh it causes, read back from the worker. */
async function writeAndRefresh(side: Side): Promise<{ writeRoundTripMs: number; refresh: RefreshSample }> {
  await roundTrip(side.page, 'pending.list', {}); // wakes a stopped worker before its refreshes are counted
  const worker = currentWorker(side.browser.context, side.browser.extensionId);
  const seen = await installCollector(worker);
  priorityTurn += 1;
  const writeRoundTripMs = await roundTrip(side.page, 'conversation.priority', { conversationId: side.probeId, priority: priorityTurn % 2 === 0 ? 'low' : 'normal' });
  const refresh = await refreshAt(worker, seen, REFRESH_TIMEOUT_MS);
  if (!refresh) throw new Error(`${side.name}: no refresh within ${REFRESH_TIMEOUT_MS} ms of the write`);
  return { writeRoundTripMs, refresh };
}

async function rounds(sides: readonly [Side, Side], count: number, load: LoadLog, label: string): Promise<Record<SideName, RoundSample[]>> {
  const samples: Record<SideName, RoundSample[]> = { before: [], after: [] };
  for (const side of sides) {
    await call(side, 'clearAlarms'); // no tick or wake-up refresh during the measurements
    await writeAndRefresh(side); // warm-up, discarded
  }
  for (let round = 0; round < count; round += 1) {
    const order = round % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
    for (const side of order) {
      const { writeRoundTripMs, refresh } = await writeAndRefresh(side);
      const pendingListRoundTripMs = await roundTrip(side.page, 'pending.list', {});
      samples[side.name].push({ writeRoundTripMs, refresh, pendingListRoundTripMs });
    }
    if (round % 10 === 9) load.mark(`${label} round ${round + 1}`);
  }
  return samples;
}

function summarise(samples: readonly RoundSample[]) {
  const stepNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.refresh.steps)))];
  return {
    refreshInWorkerMs: summariseMs(samples.map((sample) => sample.refresh.ms)),
    /** A step missing from a refresh (skipped) counts as 0 ms there; `ranCount` says in how many it ran. */
    refreshStepsMs: Object.fromEntries(
      stepNames.map((name) => [
        name,
        { ...summariseMs(samples.map((sample) => sample.refresh.steps[name] ?? 0)), ranCount: samples.filter((sample) => name in sample.refresh.steps).length },
      ]),
    ),
    writeRoundTripMs: summariseMs(samples.map((sample) => sample.writeRoundTripMs)),
    pendingListRoundTripMs: summariseMs(samples.map((sample) => sample.pendingListRoundTripMs)),
    samplesMs: { refresh: samples.map((sample) => round2(sample.refresh.ms)), pendingList: samples.map((sample) => round2(sample.pendingListRoundTripMs)) },
  };
}

function ratios(before: ReturnType<typeof summarise>, after: ReturnType<typeof summarise>) {
  const pair = (a: MsSummary, b: MsSummary) => ({ p50: ratio(b.medianMs, a.medianMs), p95: ratio(b.p95Ms, a.p95Ms) });
  return {
    refreshInWorker: pair(before.refreshInWorkerMs, after.refreshInWorkerMs),
    writeRoundTrip: pair(before.writeRoundTripMs, after.writeRoundTripMs),
    pendingListRoundTrip: pair(before.pendingListRoundTripMs, after.pendingListRoundTripMs),
  };
}

function phase(samples: Record<SideName, RoundSample[]>) {
  const before = summarise(samples.before);
  const after = summarise(samples.after);
  return { before, after, afterOverBefore: ratios(before, after) };
}

function print(label: string, result: ReturnType<typeof phase>): void {
  const ms = (summary: MsSummary) => `p50 ${summary.medianMs.toFixed(1)} / p95 ${summary.p95Ms.toFixed(1)} ms`;
  console.log(`${label}:`);
  for (const name of ['before', 'after'] as const) {
    const side = result[name];
    const steps = Object.entries(side.refreshStepsMs)
      .map(([step, summary]) => `${step} ${summary.medianMs.toFixed(1)}/${summary.p95Ms.toFixed(1)}`)
      .join(', ');
    console.log(`  ${name.padEnd(6)} refresh in worker ${ms(side.refreshInWorkerMs)} (${steps}); write RT ${ms(side.writeRoundTripMs)}; pending.list ${ms(side.pendingListRoundTripMs)}`);
  }
  console.log(`  after/before p50: refresh ${result.afterOverBefore.refreshInWorker.p50}, pending.list ${result.afterOverBefore.pendingListRoundTrip.p50}`);
}

async function main(): Promise<void> {
  if (!BEFORE_ROOT) throw new Error('Set TIMERS_AB_BEFORE to the before checkout (built, with the refresh measure)');
  const load = new LoadLog();
  load.mark('start');
  const startedAt = Date.now();
  const before = await open('before', path.resolve(BEFORE_ROOT));
  const after = await open('after', AFTER_ROOT).catch(async (error: unknown) => {
    await before.browser.close();
    throw error;
  });
  const sides = [before, after] as const;
  try {
    const layout: ClockLayout = { nowMs: Date.now(), quietMs: 30 * 60_000, overdueShare: 0.1 };
    for (const side of sides) await seed(side, layout, true);
    load.mark('seeded 10k');
    // As timers-queue: every threshold crossed at seeding is marked warned (each build's markWarned) but the most overdue.
    const storm: Record<SideName, { refreshMs: number; notificationsShown: number }> = { before: { refreshMs: 0, notificationsShown: 0 }, after: { refreshMs: 0, notificationsShown: 0 } };
    for (const side of sides) {
      await call(side, 'markWarningsSent', STORM_NOTIFICATIONS);
      const { refresh } = await writeAndRefresh(side);
      const state = await call<{ notificationsCount: number }>(side, 'extensionState');
      storm[side.name] = { refreshMs: round2(refresh.ms), notificationsShown: state.notificationsCount };
    }
    const at10k = phase(await rounds(sides, ROUNDS.at10k, load, '10k'));
    print(`${QUEUE_CONVERSATIONS} conversations`, at10k);
    for (const side of sides) await seed(side, layout, false);
    load.mark('seeded 100k');
    const at100k = phase(await rounds(sides, ROUNDS.at100k, load, '100k'));
    print(`${TOTAL_CONVERSATIONS} conversations`, at100k);
    load.mark('end');
    const chromium = await before.page.evaluate(() => navigator.userAgent);
    const file = writeResults(
      'timers-refresh-ab',
      load,
      {
        quick: QUICK,
        builds: { before: before.root, after: after.root },
        method: {
          refreshInWorker:
            'The User Timing measure the background leaves per refresh (entrypoints/background/refresh-marks.ts), from the start of ' +
            "timers' update() to its end, read back from the service worker (a PerformanceObserver installed through playwright's " +
            'serviceWorker.evaluate). It is the refresh that the round\'s conversation.priority write causes (the change follower runs it ' +
            '40 ms after the write commits). Steps are each build\'s own names (a skipped step counts 0 ms).',
          writeRoundTrip:
            'conversation.priority on the probe (alternating low and normal) from the extension page until the answer: the write only, ' +
            'since the handlers no longer await the refresh (the former "badge refresh" figure of timers-queue).',
          pendingList: 'pending.list from the extension page until the answer, right after the round\'s refresh.',
          order: 'Both builds run in their own Chromium at once, the same seeding, the order alternating per round; one warm-up round each is discarded.',
        },
        data: { queueConversations: QUEUE_CONVERSATIONS, totalConversations: TOTAL_CONVERSATIONS, queueMix: QUEUE_MIX, historyMix: HISTORY_MIX, warnedAtSeeding: 'all crossed thresholds but the 200 most overdue' },
        firstRefreshAfterWarnings: storm,
        at10k,
        at100k,
        serviceWorkerStarts: { before: before.workerStarts, after: after.workerStarts },
        durationMs: Date.now() - startedAt,
      },
      { chromium, headless: true },
    );
    console.log(`Written to ${file}`);
  } finally {
    await Promise.all(sides.map((side) => side.browser.close()));
  }
}

await main();
