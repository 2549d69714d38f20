/**
 * The pending queue, the badge refresh and the due-time query, in headless Chromium with the built
 * extension and its own IndexedDB filled with schema-valid records: 10,000 conversations (waiting,
 * snoozed and open) for the queue, then 100,000 in all for the due-time query. Takes 2 to 4 minutes.
 * Writes bench/results/timers-queue.json; see the "timers-queue" section of bench/README.md.
 * Run: node --import ./scripts/run-ts.mjs bench/timers-queue.ts   (TIMERS_BENCH_QUICK=1: fewer runs, 2,000/20,000 records)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../tests/e2e/browser.ts';
import { summariseMs, type MsSummary } from './harness/stats.ts';
import { BENCH_GLOBAL, bundlePageCode } from './timers-bundle.ts';
import { chromiumCpuMs } from './timers-cpu.ts';
import { currentWorker, installCollector, refreshAt, type RefreshSample } from './timers-worker.ts';
import type * as PageApi from './timers-page.ts';
import type { ClockLayout, StatusMix } from './timers-records.ts';

const QUICK = process.env.TIMERS_BENCH_QUICK === '1';
const QUEUE_CONVERSATIONS = QUICK ? 2_000 : 10_000;
const TOTAL_CONVERSATIONS = QUICK ? 20_000 : 100_000;
/** Repeat customers: fewer contacts than conversations. */
const CONTACTS_PER_CONVERSATION = 0.7;
const QUEUE_MIX: StatusMix = { waiting: 0.75, snoozed: 0.1, open: 0.15, resolved: 0 };
/** What the other 90,000 are: history accumulates, the queue does not. */
const HISTORY_MIX: StatusMix = { waiting: 0, snoozed: 0, open: 0, resolved: 1 };
const OVERDUE_SHARE = 0.1;
/** No seeded deadline, warning or snooze end in the next 30 minutes: the wake-up alarm stays quiet during the run. */
const QUIET_MS = 30 * 60_000;
const BATCH_SIZE = 2_000;
const plan = (minRuns: number, maxRuns: number, budgetS: number): PageApi.RunPlan =>
  QUICK ? { minRuns: 3, maxRuns: 3, budgetMs: 0 } : { minRuns, maxRuns, budgetMs: budgetS * 1000 };
/** At least the first count of runs, then more up to the second while the phase is within its budget (s). */
const PLANS = {
  pendingList: plan(20, 30, 90),
  priority: plan(10, 20, 60),
  breakdown: plan(5, 20, 45),
  queueQuery: plan(30, 30, 0),
  pendingListAt100k: plan(5, 20, 45),
  priorityAt100k: plan(5, 10, 30),
  breakdownAt100k: plan(3, 10, 30),
};
/** The first refresh after seeding shows a notification for each of these (the most overdue); the rest are marked as already warned. */
const STORM_NOTIFICATIONS = QUICK ? 20 : 200;
const WARM_UP: PageApi.RunPlan = { minRuns: 2, maxRuns: 2, budgetMs: 0 };
const NEAREST_LIMIT = 50;
const RESULTS_FILE = path.resolve(process.cwd(), 'bench/results/timers-queue.json');

type Api = typeof PageApi;
type Method = keyof Api;

/** Calls a function of the bundled page code inside the extension page. */
async function call<M extends Method>(page: Page, method: M, ...args: Parameters<Api[M]>): Promise<Awaited<ReturnType<Api[M]>>> {
  const result: unknown = await page.evaluate(
    ({ name, method: fn, args: values }) => {
      const api = (globalThis as unknown as Record<string, Record<string, (...parameters: unknown[]) => unknown>>)[name]!;
      return api[fn]!(...values);
    },
    { name: BENCH_GLOBAL, method, args },
  );
  return result as Awaited<ReturnType<Api[M]>>;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function describe(runPlan: PageApi.RunPlan): string {
  return runPlan.minRuns === runPlan.maxRuns ? `${runPlan.minRuns} runs` : `${runPlan.minRuns}-${runPlan.maxRuns} runs (${runPlan.budgetMs / 1000} s budget)`;
}

function step(text: string): void {
  console.log(`  ${new Date().toISOString().slice(11, 19)} ${text}`);
}

/** Every numeric field of a list of samples, summarised (the field names already end in Ms). */
function summariseFields<T extends object>(samples: readonly T[]): Record<keyof T, MsSummary> {
  const keys = Object.keys(samples[0] ?? {}) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, summariseMs(samples.map((sample) => sample[key] as number))])) as Record<keyof T, MsSummary>;
}

function seedingFigures(report: PageApi.SeedReport) {
  const records = report.contactsWritten + report.conversationsWritten;
  return {
    conversationsWrittenCount: report.conversationsWritten,
    contactsWrittenCount: report.contactsWritten,
    transactionsCount: report.transactions,
    recordsPerTransactionCount: BATCH_SIZE,
    generateMs: round2(report.generateMs),
    writeMs: round2(report.writeMs),
    totalMs: round2(report.generateMs + report.writeMs),
    writtenRecordsPerSecond: Math.round(records / (report.writeMs / 1000)),
  };
}

/** A few requests first: they wake the service worker and let it finish starting (its own first refresh included). */
async function warmUp(page: Page): Promise<void> {
  await call(page, 'pendingListRoundTrips', WARM_UP);
  await call(page, 'clearAlarms');
}

let priorityTurn = 0;

/**
 * conversation.priority on the probe, one at a time, each followed by the badge refresh it causes,
 * read back from the service worker (the refresh's own measure; the request does not wait for it).
 */
async function writesWithRefresh(browser: ExtensionBrowser, page: Page, probeId: string, runPlan: PageApi.RunPlan) {
  const samplesMs: number[] = [];
  const refreshes: RefreshSample[] = [];
  const started = Date.now();
  for (let run = 0; run < runPlan.maxRuns && (run < runPlan.minRuns || Date.now() - started < runPlan.budgetMs); run += 1) {
    const worker = currentWorker(browser.context, browser.extensionId);
    const seen = await installCollector(worker);
    const write = await call(page, 'priorityRoundTrips', probeId, { minRuns: 1, maxRuns: 1, budgetMs: 0 }, priorityTurn);
    priorityTurn += 1;
    const refresh = await refreshAt(worker, seen, 10_000);
    if (!refresh) throw new Error('no refresh in the worker within 10 s of the write');
    samplesMs.push(...write.samplesMs);
    refreshes.push(refresh);
  }
  return { samplesMs, refreshes };
}

/** The refreshes' durations and their steps' (a step a refresh skipped counts 0 ms; ranCount says how often it ran). */
function refreshFigures(refreshes: readonly RefreshSample[]) {
  const names = [...new Set(refreshes.flatMap((refresh) => Object.keys(refresh.steps)))];
  return {
    refreshInWorkerMs: summariseMs(refreshes.map((refresh) => refresh.ms)),
    refreshStepsInWorkerMs: Object.fromEntries(
      names.map((name) => [name, { ...summariseMs(refreshes.map((refresh) => refresh.steps[name] ?? 0)), ranCount: refreshes.filter((refresh) => name in refresh.steps).length }]),
    ),
  };
}

/** A phase of runs, with the CPU time the whole Chromium spent on it (10 ms ticks, so averaged over the runs). */
async function measured<T extends { samplesMs: number[] } | { samples: unknown[] }>(
  browser: ExtensionBrowser,
  work: () => Promise<T>,
): Promise<T & { chromiumCpuMsPerRun: number }> {
  const before = chromiumCpuMs(browser.profileDir);
  const result = await work();
  const cpuMs = chromiumCpuMs(browser.profileDir) - before;
  const runs = 'samplesMs' in result ? result.samplesMs.length : result.samples.length;
  return { ...result, chromiumCpuMsPerRun: round2(cpuMs / runs) };
}

async function chromiumVersion(browser: ExtensionBrowser, page: Page): Promise<string> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await cdp.detach();
  }
}

/** The medians the last results file holds, read before it is replaced (files before 2026-12-08 named the write's round trip priorityWithRefresh). */
function previousFigures() {
  if (!existsSync(RESULTS_FILE)) return null;
  interface Phase {
    pendingListRoundTripMs: MsSummary;
    writeRoundTripMs?: MsSummary;
    priorityWithRefreshRoundTripMs?: MsSummary;
    refreshInWorkerMs?: MsSummary;
  }
  const last = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { date: string; quick: boolean; queueAt10k: Phase; dueQueryAt100k: Phase };
  if (last.quick !== QUICK) return null;
  const write = (phase: Phase) => (phase.writeRoundTripMs ?? phase.priorityWithRefreshRoundTripMs)?.medianMs ?? Number.NaN;
  return {
    date: last.date,
    pendingListP50At10k: last.queueAt10k.pendingListRoundTripMs.medianMs,
    writeP50At10k: write(last.queueAt10k),
    refreshInWorkerP50At10k: last.queueAt10k.refreshInWorkerMs?.medianMs ?? null,
    pendingListP50At100k: last.dueQueryAt100k.pendingListRoundTripMs.medianMs,
    writeP50At100k: write(last.dueQueryAt100k),
    refreshInWorkerP50At100k: last.dueQueryAt100k.refreshInWorkerMs?.medianMs ?? null,
  };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = os.loadavg();
  const previous = previousFigures();
  console.log(`Replyline timers-queue benchmark${QUICK ? ' (QUICK: figures not meaningful)' : ''}`);
  const bundle = await bundlePageCode();
  const browser = await launchWithExtension();
  let serviceWorkerStarts = 1;
  browser.context.on('serviceworker', () => (serviceWorkerStarts += 1));
  try {
    const page = await browser.context.newPage();
    // Any file of the extension makes an extension-origin page; this one runs none of the popup's own code.
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await page.evaluate(bundle.code);
    const chromium = await chromiumVersion(browser, page);
    await warmUp(page); // the background opens (creates) its database and its default policies

    const layout: ClockLayout = { nowMs: Date.now(), quietMs: QUIET_MS, overdueShare: OVERDUE_SHARE };
    const queueContacts = Math.round(QUEUE_CONVERSATIONS * CONTACTS_PER_CONVERSATION);
    const totalContacts = Math.round(TOTAL_CONVERSATIONS * CONTACTS_PER_CONVERSATION);

    step(`seeding ${QUEUE_CONVERSATIONS} conversations and ${queueContacts} contacts`);
    const firstSeed = await call(page, 'seed', {
      contacts: { from: 0, to: queueContacts },
      conversations: { from: 0, to: QUEUE_CONVERSATIONS },
      mix: QUEUE_MIX,
      layout,
      probe: true,
      batchSize: BATCH_SIZE,
    });
    const probeId = firstSeed.probeConversationId;
    if (probeId === null) throw new Error('no probe conversation');
    const countsAt10k = await call(page, 'storeCounts');

    // ---------------- the queue and the badge at 10,000
    await warmUp(page);
    step(`pending.list, ${describe(PLANS.pendingList)}`);
    const pendingList = await measured(browser, () => call(page, 'pendingListRoundTrips', PLANS.pendingList));
    step(`first refresh after seeding, with ${STORM_NOTIFICATIONS} breach notifications`);
    const warningsMarked = await call(page, 'markWarningsSent', STORM_NOTIFICATIONS);
    const notificationsBefore = (await call(page, 'extensionState')).notificationsCount;
    const firstRefresh = await writesWithRefresh(browser, page, probeId, { minRuns: 1, maxRuns: 1, budgetMs: 0 });
    const notificationsShown = (await call(page, 'extensionState')).notificationsCount - notificationsBefore;
    const firstRefreshMs = firstRefresh.refreshes[0]?.ms ?? Number.NaN;
    step(`conversation.priority, each followed by its refresh in the worker, ${describe(PLANS.priority)}`);
    const priority = await measured(browser, () => writesWithRefresh(browser, page, probeId, PLANS.priority));
    step(`in-page breakdown, ${describe(PLANS.breakdown)}`);
    const breakdown = await measured(browser, () => call(page, 'refreshBreakdown', PLANS.breakdown));
    const stateAt10k = await call(page, 'extensionState');

    // ---------------- 100,000 conversations
    step(`seeding up to ${TOTAL_CONVERSATIONS} conversations and ${totalContacts} contacts`);
    const secondSeed = await call(page, 'seed', {
      contacts: { from: queueContacts, to: totalContacts },
      conversations: { from: QUEUE_CONVERSATIONS, to: TOTAL_CONVERSATIONS },
      mix: HISTORY_MIX,
      layout,
      probe: false,
      batchSize: BATCH_SIZE,
    });
    const countsAt100k = await call(page, 'storeCounts');
    await warmUp(page);
    step(`due-time queries, ${describe(PLANS.queueQuery)}`);
    const queries = await measured(browser, () => call(page, 'queueQueries', PLANS.queueQuery, NEAREST_LIMIT));
    step(`pending.list, ${describe(PLANS.pendingListAt100k)}`);
    const pendingListAt100k = await measured(browser, () => call(page, 'pendingListRoundTrips', PLANS.pendingListAt100k));
    step(`conversation.priority, ${describe(PLANS.priorityAt100k)}`);
    const priorityAt100k = await measured(browser, () => writesWithRefresh(browser, page, probeId, PLANS.priorityAt100k));
    step(`in-page breakdown, ${describe(PLANS.breakdownAt100k)}`);
    const breakdownAt100k = await measured(browser, () => call(page, 'refreshBreakdown', PLANS.breakdownAt100k));
    const stateAt100k = await call(page, 'extensionState');

    const cpus = os.cpus();
    const result = {
      date: new Date().toISOString(),
      quick: QUICK,
      machine: {
        cpusCount: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        loadAverage1mAtStart: round2(loadAtStart[0] ?? 0),
        loadAverage1mAtEnd: round2(os.loadavg()[0] ?? 0),
        totalMemoryBytes: os.totalmem(),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        chromium,
        headless: true,
      },
      method: {
        page:
          'All timings are taken inside an extension page (chrome-extension://<id>/manifest.json, which runs none of the extension\'s ' +
          'own code), with performance.now(). It shares the service worker\'s origin, hence its IndexedDB and extension APIs. ' +
          'bench/timers-page.ts is bundled by esbuild with the project\'s lib/ and entrypoints/background/pending.ts, so the page runs ' +
          'the same queue code as the background. zod runs jitless there, as in the service worker, where MV3\'s CSP forbids eval.',
        roundTrips:
          'pending.list: chrome.runtime.sendMessage({ replyline: 1, type: "pending.list", payload: {} }) until the answer, one at a time; ' +
          'it answers the popup\'s page (the 200 most urgent rows) and the counts of the whole queue, read from the queue store. ' +
          'writeRoundTripMs: conversation.priority on a probe conversation (alternating low and normal, the same policy) until the answer: ' +
          'the background rewrites it (and its queue entry, same transaction) and answers; it does not wait for the badge refresh. ' +
          'Until 2026-12-07 this figure was called priorityWithRefreshRoundTripMs, but the refresh had already left the request.',
        refreshInWorker:
          'refreshInWorkerMs: the badge refresh each of those writes causes (the change follower runs timers.refresh() 40 ms after ' +
          'the write commits), timed inside the service worker: the User Timing measure entrypoints/background/refresh-marks.ts leaves per ' +
          'refresh, read back through a PerformanceObserver installed with playwright\'s serviceWorker.evaluate (bench/timers-worker.ts). ' +
          'refreshStepsInWorkerMs: its steps as timers.ts names them (read: counts, floors, nearest due/warning and wake-up instant in one ' +
          'transaction; followUps; badge: setBadgeText/Colour when changed; alerts: only when the alert floor has been reached; alarm: when changed).',
        breakdown:
          'The queue-store reads of a refresh (as the build before 2026-12-08 made them, one transaction each) and of pending.list, run ' +
          'separately in the extension page on the same database (each figure is one step, not cumulative): where the time would go, not the refresh itself.',
        alarms:
          'The extension\'s alarms (1-minute tick, wake-up) are cleared before each measured phase, so that no refresh runs in the ' +
          `background of a measurement. Seeded deadlines, warnings and snooze ends avoid the next ${QUIET_MS / 60_000} minutes for the same reason.`,
        percentiles: 'linear interpolation between order statistics (bench/harness/stats.ts)',
      },
      data: {
        queueMixShares: QUEUE_MIX,
        historyMixShares: HISTORY_MIX,
        overdueShareOfActive: OVERDUE_SHARE,
        quietWindowMs: QUIET_MS,
        contactsPerConversation: CONTACTS_PER_CONVERSATION,
        records:
          'Valid per conversationSchema and contactSchema: UUID ids, ISO times, stamps {}, targets with kind/dueAt/metAt/breached/startedAt/warnAt ' +
          '(a met first response before a next response for 30% of active ones, a resolution target for all), preview, events. Deadlines follow ' +
          'the default policies (30 min urgent, 1 h on X, 24 h elsewhere). The other 90,000 are resolved (dueAt null, off the by-due index).',
        pageBundleBytes: bundle.bytes,
      },
      seeding: { first: seedingFigures(firstSeed), second: seedingFigures(secondSeed) },
      queueAt10k: {
        counts: { ...countsAt10k, queueItemsCount: pendingList.queueCount, pendingListRowsCount: pendingList.itemsCount },
        pendingListRoundTripMs: summariseMs(pendingList.samplesMs),
        pendingListResponseJsonBytes: pendingList.responseJsonBytes,
        pendingListChromiumCpuMsPerRun: pendingList.chromiumCpuMsPerRun,
        firstRefreshAfterSeeding: {
          writeRoundTripMs: round2(firstRefresh.samplesMs[0] ?? Number.NaN),
          notificationsShownCount: notificationsShown,
          warningsMarkedSentCount: warningsMarked.recordedCount,
          refreshInWorkerMs: round2(firstRefreshMs),
          /** (first refresh − median of the later ones) / notifications shown. */
          perNotificationMs: round2((firstRefreshMs - refreshFigures(priority.refreshes).refreshInWorkerMs.medianMs) / Math.max(notificationsShown, 1)),
          note:
            'breachWarnings.notify awaits one notifications.create per newly crossed threshold. All thresholds crossed at seeding were ' +
            `marked as warned except the ${STORM_NOTIFICATIONS} most overdue, so this refresh shows about that many notifications.`,
        },
        writeRoundTripMs: summariseMs(priority.samplesMs),
        ...refreshFigures(priority.refreshes),
        /** The whole Chromium's CPU per write and the refresh it causes. */
        writeAndRefreshChromiumCpuMsPerRun: priority.chromiumCpuMsPerRun,
        breakdownMs: summariseFields(breakdown.samples),
        breakdownChromiumCpuMsPerRun: breakdown.chromiumCpuMsPerRun,
        breakdownCounts: {
          activeCount: breakdown.activeCount,
          contactsCount: breakdown.contactsCount,
          itemsCount: breakdown.itemsCount,
          warningsSentEntriesCount: breakdown.warningsSentEntriesCount,
        },
        extensionState: stateAt10k,
        samples: { pendingListMs: pendingList.samplesMs.map(round2), writeMs: priority.samplesMs.map(round2), refreshInWorkerMs: priority.refreshes.map((refresh) => round2(refresh.ms)) },
      },
      dueQueryAt100k: {
        counts: countsAt100k,
        queries: {
          ...summariseFields(queries.samples),
          chromiumCpuMsPerRunOfAllFour: queries.chromiumCpuMsPerRun,
          check: {
            queueLengthCount: queries.queueLength,
            byStatusRecordsCount: queries.byStatusRecords,
            nearestFoundCount: queries.nearestFound,
            upcomingFoundCount: queries.upcomingFound,
            nearestMatchesQueueHead: queries.nearestMatchesQueueHead,
          },
        },
        pendingListRoundTripMs: summariseMs(pendingListAt100k.samplesMs),
        pendingListChromiumCpuMsPerRun: pendingListAt100k.chromiumCpuMsPerRun,
        writeRoundTripMs: summariseMs(priorityAt100k.samplesMs),
        ...refreshFigures(priorityAt100k.refreshes),
        writeAndRefreshChromiumCpuMsPerRun: priorityAt100k.chromiumCpuMsPerRun,
        breakdownMs: summariseFields(breakdownAt100k.samples),
        breakdownChromiumCpuMsPerRun: breakdownAt100k.chromiumCpuMsPerRun,
        breakdownCounts: {
          activeCount: breakdownAt100k.activeCount,
          contactsCount: breakdownAt100k.contactsCount,
          itemsCount: breakdownAt100k.itemsCount,
          warningsSentEntriesCount: breakdownAt100k.warningsSentEntriesCount,
        },
        extensionState: stateAt100k,
      },
      /** The figures of the results file this run replaced (same benchmark, same data), as before/after ratios. */
      comparedWithPrevious: previous && {
        previousDate: previous.date,
        pendingListP50At10kRatio: round2(summariseMs(pendingList.samplesMs).medianMs / previous.pendingListP50At10k),
        writeP50At10kRatio: round2(summariseMs(priority.samplesMs).medianMs / previous.writeP50At10k),
        refreshInWorkerP50At10kRatio:
          previous.refreshInWorkerP50At10k === null ? null : round2(refreshFigures(priority.refreshes).refreshInWorkerMs.medianMs / previous.refreshInWorkerP50At10k),
        pendingListP50At100kRatio: round2(summariseMs(pendingListAt100k.samplesMs).medianMs / previous.pendingListP50At100k),
        writeP50At100kRatio: round2(summariseMs(priorityAt100k.samplesMs).medianMs / previous.writeP50At100k),
        refreshInWorkerP50At100kRatio:
          previous.refreshInWorkerP50At100k === null ? null : round2(refreshFigures(priorityAt100k.refreshes).refreshInWorkerMs.medianMs / previous.refreshInWorkerP50At100k),
        previousP50Ms: previous,
        note: 'Runs on different days under different loads: bench/timers-refresh-ab.ts gives the before/after ratio in one run.',
      },
      serviceWorkerStartsCount: serviceWorkerStarts,
      durationMs: Date.now() - startedAt,
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    printSummary(result);
    console.log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  } finally {
    await browser.close();
  }
}

interface Summary {
  seeding: { first: ReturnType<typeof seedingFigures>; second: ReturnType<typeof seedingFigures> };
  queueAt10k: {
    counts: { queueItemsCount: number; contactsCount: number };
    pendingListRoundTripMs: MsSummary;
    pendingListChromiumCpuMsPerRun: number;
    pendingListResponseJsonBytes: number;
    firstRefreshAfterSeeding: { refreshInWorkerMs: number; notificationsShownCount: number; perNotificationMs: number };
    writeRoundTripMs: MsSummary;
    refreshInWorkerMs: MsSummary;
    refreshStepsInWorkerMs: Record<string, MsSummary>;
    writeAndRefreshChromiumCpuMsPerRun: number;
    breakdownMs: Record<keyof PageApi.RefreshBreakdownSample, MsSummary>;
  };
  dueQueryAt100k: {
    counts: { conversationsCount: number; contactsCount: number };
    queries: Record<keyof PageApi.QueueQuerySample, MsSummary> & { check: { queueLengthCount: number; nearestMatchesQueueHead: boolean } };
    pendingListRoundTripMs: MsSummary;
    pendingListChromiumCpuMsPerRun: number;
    writeRoundTripMs: MsSummary;
    refreshInWorkerMs: MsSummary;
    refreshStepsInWorkerMs: Record<string, MsSummary>;
    writeAndRefreshChromiumCpuMsPerRun: number;
    breakdownMs: Record<keyof PageApi.RefreshBreakdownSample, MsSummary>;
  };
  serviceWorkerStartsCount: number;
  durationMs: number;
}

function printSummary(result: Summary): void {
  const ms = (summary: MsSummary) => `p50 ${summary.medianMs.toFixed(1)}, p95 ${summary.p95Ms.toFixed(1)} ms`;
  const seeding = (figures: ReturnType<typeof seedingFigures>) =>
    `${figures.conversationsWrittenCount} conversations + ${figures.contactsWrittenCount} contacts in ${(figures.totalMs / 1000).toFixed(1)} s ` +
    `(write ${(figures.writeMs / 1000).toFixed(1)} s, ${figures.writtenRecordsPerSecond} records/s)`;
  const parts = (breakdown: Summary['queueAt10k']['breakdownMs']) =>
    (['staleIdsMs', 'queueCountsMs', 'urgencyMarksMs', 'alertsDueMs', 'nextInstantMs', 'dueFollowUpsMs', 'badgeMs', 'queueHeadMs', 'pendingPageMs', 'responseCheckMs', 'jsonRoundTripMs'] as const)
      .map((key) => `    ${key.padEnd(22)} ${ms(breakdown[key])}`)
      .join('\n');
  const steps = (figures: Record<string, MsSummary>) =>
    Object.entries(figures)
      .map(([name, summary]) => `${name} ${summary.medianMs.toFixed(1)}/${summary.p95Ms.toFixed(1)}`)
      .join(', ');
  const { queueAt10k: q, dueQueryAt100k: d } = result;
  console.log('\nSeeding:');
  console.log(`  ${seeding(result.seeding.first)}`);
  console.log(`  ${seeding(result.seeding.second)}`);
  console.log(`Queue with ${q.counts.queueItemsCount} items (${q.counts.contactsCount} contacts):`);
  console.log(
    `  pending.list round trip: ${ms(q.pendingListRoundTripMs)}; Chromium CPU ${q.pendingListChromiumCpuMsPerRun.toFixed(0)} ms per call ` +
      `(${(q.pendingListResponseJsonBytes / 1024).toFixed(0)} KiB of JSON)`,
  );
  console.log(`  write (conversation.priority) round trip: ${ms(q.writeRoundTripMs)}; Chromium CPU ${q.writeAndRefreshChromiumCpuMsPerRun.toFixed(0)} ms per write and its refresh`);
  console.log(`  badge refresh in the worker: ${ms(q.refreshInWorkerMs)} (${steps(q.refreshStepsInWorkerMs)})`);
  console.log(
    `  first refresh after seeding, in the worker: ${q.firstRefreshAfterSeeding.refreshInWorkerMs.toFixed(0)} ms with ${q.firstRefreshAfterSeeding.notificationsShownCount} ` +
      `notifications (${q.firstRefreshAfterSeeding.perNotificationMs.toFixed(1)} ms each)`,
  );
  console.log(`  queue-store reads, each alone, in the page:\n${parts(q.breakdownMs)}`);
  console.log(`Due-time query with ${d.counts.conversationsCount} conversations (${d.queries.check.queueLengthCount} in the queue):`);
  console.log(`  background queue query (by-status getAll, parse, sort): ${ms(d.queries.backgroundQueueMs)}`);
  console.log(`  by-status getAll alone:                                 ${ms(d.queries.byStatusGetAllMs)}`);
  console.log(`  by-due cursor, ${NEAREST_LIMIT} nearest active:                    ${ms(d.queries.byDueNearest50Ms)} (same deadlines as the queue head: ${d.queries.check.nearestMatchesQueueHead})`);
  console.log(`  by-due getAll, ${NEAREST_LIMIT} upcoming:                          ${ms(d.queries.byDueUpcoming50Ms)}`);
  console.log(`  pending.list round trip (${d.counts.contactsCount} contacts): ${ms(d.pendingListRoundTripMs)}; Chromium CPU ${d.pendingListChromiumCpuMsPerRun.toFixed(0)} ms per call`);
  console.log(`  write round trip: ${ms(d.writeRoundTripMs)}; Chromium CPU ${d.writeAndRefreshChromiumCpuMsPerRun.toFixed(0)} ms per write and its refresh`);
  console.log(`  badge refresh in the worker: ${ms(d.refreshInWorkerMs)} (${steps(d.refreshStepsInWorkerMs)})`);
  console.log(`  queue-store reads, each alone, in the page:\n${parts(d.breakdownMs)}`);
  console.log(`Service worker starts: ${result.serviceWorkerStartsCount}. Took ${(result.durationMs / 1000).toFixed(0)} s.`);
}

await main();
