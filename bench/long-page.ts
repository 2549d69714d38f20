/**
 * What Replyline costs a long page (Replyline issue 3, item 9): a LinkedIn activity feed grown to
 * 1,000 posts and a LinkedIn messaging thread grown to 1,000 messages, 50 at a time, with and without
 * the extension in one run (alternating). Main-thread time over the growth, JS heap growth, the
 * anchor-to-panel time on a short and on a 1,000-message thread, and, where the extension adds more
 * than the target, a CPU profile of the content script during growth. Writes
 * bench/results/long-page.json; see bench/README.md. Run (with the extension built):
 * node --import ./scripts/run-ts.mjs bench/long-page.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, panelFrame, type ExtensionBrowser } from '../tests/e2e/browser.ts';
import { readFixture, type FixturePage } from '../tests/e2e/fixture-pages.ts';
import { FIXTURE_URLS } from '../tests/support/fixture-urls.ts';
import { serveHtmlAt } from './fixture-variants.ts';
import { countOf, insertHtml, type InsertionPoint } from './long-page-dom.ts';
import { FEED_UNIT, feedPosts, MESSAGE_GROUP, threadMessages, type ItemSource } from './long-page-items.ts';
import {
  COUNTER_KEYS,
  countersBetween,
  heapAfterGc,
  readCounters,
  readExtensionProcess,
  type ExtensionProcessReading,
  type MainThreadCounters,
} from './long-page-metrics.ts';
import { summariseIn, type Summary } from './harness/stats.ts';
import { startProfile, stopProfile, type ContentScriptProfile } from './long-page-profile.ts';
import { handleOf, panelClockAheadOfPageMs, panelRenderedAt } from './panel-marks.ts';
import { ratio, summariseMs, type MsSummary } from './harness/stats.ts';

/** Runs each way; can be lowered to check the script itself: BENCH_RUNS=2. */
const RUNS = runsFromEnvironment(5);
const TARGET_ITEMS = 1000;
const BATCH_SIZE = 50;
/**
 * Quiet time after each batch before the next. Longer than the content script's debounce (400 ms),
 * so it can read between batches; its 2 s minimum between reads then lets it read about every fourth batch.
 */
const BATCH_GAP_MS = 500;
/** Quiet time after load (with the extension, after the panel shows the person) before the growth starts. */
const BEFORE_GROWTH_MS = 1000;
/** After the last batch: long enough for the content script's last read (debounce + its 2 s minimum interval). */
const FINAL_SETTLE_MS = 3000;
/** The last part of the final settle window, whose TaskDuration shows whether the page had settled. */
const QUIET_CHECK_MS = 500;
/** Anchor runs: time after load before the thread goes in, so that the content script is waiting for it. */
const BEFORE_INSERT_MS = 1000;
const PANEL_TIMEOUT_MS = 15_000;
/** The targets. */
const RATIO_TARGET = 1.05;
const ANCHOR_TO_PANEL_TARGET_MS = 100;
/** A run with more misses than this stops: something is broken, not noisy. */
const MAX_MISSES = 4;
/** BENCH_PROFILE=always profiles both pages whatever their ratio. */
const ALWAYS_PROFILE = process.env.BENCH_PROFILE === 'always';

const RESULTS_FILE = path.resolve(process.cwd(), 'bench/results/long-page.json');
const SLOT_ID = 'replyline-bench-thread-slot';
/** The thread's typing indicator: new messages go just before it, after the last message group. */
const TYPING_INDICATOR = 'li.msg-s-message-list__typing-indicator-container--without-seen-receipt';

function runsFromEnvironment(fallback: number): number {
  const value = Number(process.env.BENCH_RUNS ?? fallback);
  return Number.isInteger(value) && value >= 2 ? value : fallback;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function progress(text: string): void {
  process.stdout.write(`\r  ${text.padEnd(50)}`);
}

function fixture(file: string): FixturePage {
  const url = FIXTURE_URLS[file];
  if (url === undefined) throw new Error(`No URL recorded for ${file}`);
  return { file, url };
}

// ---------------------------------------------------------------- the two long pages

type ScenarioName = 'feed' | 'conversation';

interface Scenario {
  name: ScenarioName;
  fixture: FixturePage;
  items: ItemSource;
  itemSelector: string;
  insertAt: InsertionPoint;
  /** Whom the panel shows on this page; null where the page has no one person (a feed is an inbox list: no panel). */
  panelHandle: string | null;
}

const THREAD = fixture('linkedin/messaging-thread-2023-overlay-a.html');
/** The other party of the saved thread, as the adapter keys her (her profile link is the member-id form). */
const THREAD_HANDLE = handleOf('https://www.linkedin.com/in/ACoAADgAroQBJh1El3DFh-KvxRrTZDPJ34x28hU/');

function scenarios(nowMs: number): Scenario[] {
  const feed = fixture('linkedin/feed-activity-2021-a.html');
  return [
    {
      name: 'feed',
      fixture: feed,
      items: feedPosts(readFixture(feed), nowMs),
      itemSelector: FEED_UNIT,
      insertAt: { parent: '#voyager-feed' },
      panelHandle: null,
    },
    {
      name: 'conversation',
      fixture: THREAD,
      // The messages are dated in the hour before the run: a live conversation, already sent.
      items: threadMessages(readFixture(THREAD), nowMs - 3_600_000),
      itemSelector: MESSAGE_GROUP,
      insertAt: { before: TYPING_INDICATOR },
      panelHandle: THREAD_HANDLE,
    },
  ];
}

/** The batches that take a page from its saved items to TARGET_ITEMS: 50 each, the last one smaller. */
function batchesFor(scenario: Scenario): { first: number; count: number }[] {
  const batches: { first: number; count: number }[] = [];
  for (let first = scenario.items.initialCount; first < TARGET_ITEMS; first += BATCH_SIZE) {
    batches.push({ first, count: Math.min(BATCH_SIZE, TARGET_ITEMS - first) });
  }
  return batches;
}

// ---------------------------------------------------------------- misses

interface Miss {
  phase: string;
  run: number;
  reason: string;
}

const misses: Miss[] = [];

function recordMiss(phase: string, run: number, reason: string): void {
  misses.push({ phase, run, reason });
  console.error(`\n  miss (${phase} run ${run}): ${reason}`);
  if (misses.length > MAX_MISSES) throw new Error(`more than ${MAX_MISSES} runs in which the panel did not show the person`);
}

/** The panel frame and the time of its mark for `handle` (not before `notBeforeEpochMs`), or why there is none. */
async function panelMark(
  browser: ExtensionBrowser,
  page: Page,
  handle: string,
  notBeforeEpochMs: number,
): Promise<{ panel: Frame; atEpochMs: number } | { reason: string }> {
  let panel: Frame;
  try {
    panel = await panelFrame(page, browser.extensionId, PANEL_TIMEOUT_MS);
  } catch {
    return { reason: `no panel frame within ${PANEL_TIMEOUT_MS} ms` };
  }
  const atEpochMs = await panelRenderedAt(panel, handle, notBeforeEpochMs, PANEL_TIMEOUT_MS);
  return atEpochMs === null ? { reason: `no mark for ${handle} within ${PANEL_TIMEOUT_MS} ms` } : { panel, atEpochMs };
}

// ---------------------------------------------------------------- 1. growth: main thread and heap

interface GrowthSample {
  /** Main-thread counters from just before the first batch to the end of the final settle window. */
  growth: MainThreadCounters;
  /** TaskDuration in the final settle window (the last batch's rendering and, with the extension, its last read of the page). */
  finalWindowTaskMs: number;
  /** TaskDuration in the last QUIET_CHECK_MS of it: ~0 when the page had settled. */
  quietCheckTaskMs: number;
  /** The page's own parsing and inserting of the batches (in-page, before layout), summed. */
  insertMs: number;
  /** Wall time from the first batch to the end of the final settle window. */
  growthWallMs: number;
  /** JSHeapUsedSize after a full GC, before the first batch and after the final settle window. */
  heapBeforeBytes: number;
  heapAfterBytes: number;
  heapGrowthBytes: number;
  domNodesBefore: number;
  domNodesAfter: number;
  /** Items on the page at the end (checks the growth happened). */
  items: number;
  /** With the extension, where there is a panel: navigation start to the panel's mark. */
  panelAfterNavigationStartMs: number | null;
  /** With the extension, where there is a panel: CPU of the extension's process (panel frame + service worker) over the growth. */
  extensionProcessCpuMs: number | null;
  /** The panel frame's heap growth over the growth (after GC both times). */
  panelHeapGrowthBytes: number | null;
}

interface GrowthOptions {
  withExtension: boolean;
  run: number;
  /** Take a CPU profile of the renderer over the growth (not for measured runs: profiling slows it). */
  profile?: boolean;
}

async function grow(
  browser: ExtensionBrowser,
  scenario: Scenario,
  { withExtension, run, profile = false }: GrowthOptions,
): Promise<{ sample: GrowthSample; profile: ContentScriptProfile | null } | null> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    // Enabled before navigating: the agent follows the page into its new renderer process and counts from there.
    await cdp.send('Performance.enable');
    await page.goto(scenario.fixture.url, { waitUntil: 'load' });
    let panel: Frame | null = null;
    let panelAfterNavigationStartMs: number | null = null;
    if (withExtension && scenario.panelHandle !== null) {
      const found = await panelMark(browser, page, scenario.panelHandle, 0);
      if ('reason' in found) {
        recordMiss(`${scenario.name} growth`, run, found.reason);
        return null;
      }
      panel = found.panel;
      panelAfterNavigationStartMs = round2(found.atEpochMs - (await page.evaluate(() => performance.timeOrigin)));
    }
    await sleep(BEFORE_GROWTH_MS);
    const extensionBefore: ExtensionProcessReading | null = panel && (await readExtensionProcess(browser, panel));
    const heapBefore = await heapAfterGc(cdp);
    if (profile) await startProfile(cdp);
    const start = await readCounters(cdp);
    const startedAt = Date.now();
    let insertMs = 0;
    for (const batch of batchesFor(scenario)) {
      insertMs += await insertHtml(page, scenario.items.html(batch.first, batch.count), scenario.insertAt);
      await sleep(BATCH_GAP_MS);
    }
    const finalWindowStart = await readCounters(cdp);
    await sleep(FINAL_SETTLE_MS - QUIET_CHECK_MS);
    const quietStart = await readCounters(cdp);
    await sleep(QUIET_CHECK_MS);
    const end = await readCounters(cdp);
    const growthWallMs = Date.now() - startedAt;
    // Everything below runs after the counters were read, so it is not counted.
    const profiled = profile ? await stopProfile(cdp, EXTENSION_DIR) : null;
    const heapAfter = await heapAfterGc(cdp);
    const items = await countOf(page, scenario.itemSelector);
    if (items !== TARGET_ITEMS) throw new Error(`${scenario.name}: ${items} items on the page, not ${TARGET_ITEMS}`);
    const extensionAfter: ExtensionProcessReading | null = panel && (await readExtensionProcess(browser, panel));
    await cdp.detach();
    const extensionCpu = extensionBefore && extensionAfter && round2(extensionAfter.cpuMs - extensionBefore.cpuMs);
    return {
      sample: {
        growth: countersBetween(start, end),
        finalWindowTaskMs: round2(end.taskMs - finalWindowStart.taskMs),
        quietCheckTaskMs: round2(end.taskMs - quietStart.taskMs),
        insertMs: round2(insertMs),
        growthWallMs,
        heapBeforeBytes: heapBefore.jsHeapUsedBytes,
        heapAfterBytes: heapAfter.jsHeapUsedBytes,
        heapGrowthBytes: heapAfter.jsHeapUsedBytes - heapBefore.jsHeapUsedBytes,
        domNodesBefore: heapBefore.domNodes,
        domNodesAfter: heapAfter.domNodes,
        items,
        panelAfterNavigationStartMs,
        extensionProcessCpuMs: extensionCpu,
        panelHeapGrowthBytes: extensionBefore && extensionAfter && extensionAfter.panelHeapBytes - extensionBefore.panelHeapBytes,
      },
      profile: profiled,
    };
  } finally {
    await page.close();
  }
}

/** One plain load of each page in each browser, discarded: the first page in a fresh browser is slower. */
async function warmUp(browser: ExtensionBrowser, scenario: Scenario, withExtension: boolean): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(scenario.fixture.url, { waitUntil: 'load' });
    if (withExtension && scenario.panelHandle !== null) await panelMark(browser, page, scenario.panelHandle, 0);
    await sleep(BEFORE_GROWTH_MS);
  } finally {
    await page.close();
  }
}

interface GrowthPair {
  round: number;
  order: 'without first' | 'with first';
  without: GrowthSample;
  with: GrowthSample;
}

async function measureGrowth(without: ExtensionBrowser, withExt: ExtensionBrowser, pages: readonly Scenario[]) {
  const pairs = new Map<ScenarioName, GrowthPair[]>(pages.map((scenario) => [scenario.name, []]));
  for (const scenario of pages) {
    await warmUp(without, scenario, false);
    await warmUp(withExt, scenario, true);
  }
  for (let round = 1; round <= RUNS; round += 1) {
    for (const scenario of pages) {
      // The order alternates so that neither variant always goes first.
      const withFirst = round % 2 === 0;
      const measure = (browser: ExtensionBrowser, withExtension: boolean) => grow(browser, scenario, { withExtension, run: round });
      const first = withFirst ? await measure(withExt, true) : await measure(without, false);
      const second = withFirst ? await measure(without, false) : await measure(withExt, true);
      const [withoutRun, withRun] = withFirst ? [second, first] : [first, second];
      if (withoutRun && withRun) {
        pairs.get(scenario.name)!.push({ round, order: withFirst ? 'with first' : 'without first', without: withoutRun.sample, with: withRun.sample });
      }
      progress(`growth: round ${round}/${RUNS}, ${scenario.name} done`);
    }
  }
  process.stdout.write('\n');
  return pairs;
}

function presentValues(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function perCounter<T>(make: (key: keyof MainThreadCounters) => T): Record<keyof MainThreadCounters, T> {
  return Object.fromEntries(COUNTER_KEYS.map((key) => [key, make(key)])) as Record<keyof MainThreadCounters, T>;
}

function variantSummary(samples: readonly GrowthSample[]) {
  return {
    growth: perCounter((key) => summariseMs(samples.map((sample) => sample.growth[key]))),
    finalWindowTaskMs: summariseMs(samples.map((sample) => sample.finalWindowTaskMs)),
    quietCheckTaskMs: summariseMs(samples.map((sample) => sample.quietCheckTaskMs)),
    insertMs: summariseMs(samples.map((sample) => sample.insertMs)),
    growthWallMs: summariseMs(samples.map((sample) => sample.growthWallMs)),
    heapGrowth: summariseIn(samples.map((sample) => sample.heapGrowthBytes), 'Bytes'),
    heapAfter: summariseIn(samples.map((sample) => sample.heapAfterBytes), 'Bytes'),
    domNodesAfter: summariseIn(samples.map((sample) => sample.domNodesAfter), 'Nodes'),
  };
}

function growthReport(scenario: Scenario, pairs: readonly GrowthPair[]) {
  const withoutSamples = pairs.map((pair) => pair.without);
  const withSamples = pairs.map((pair) => pair.with);
  const withoutSummary = variantSummary(withoutSamples);
  const withSummary = variantSummary(withSamples);
  return {
    page: scenario.fixture.file,
    url: scenario.fixture.url,
    itemsAtStart: scenario.items.initialCount,
    itemsAtEnd: TARGET_ITEMS,
    batches: batchesFor(scenario).length,
    pairs: pairs.length,
    without: withoutSummary,
    with: {
      ...withSummary,
      panelAfterNavigationStartMs: summariseOrNull(presentValues(withSamples.map((sample) => sample.panelAfterNavigationStartMs))),
      extensionProcessCpuMs: summariseOrNull(presentValues(withSamples.map((sample) => sample.extensionProcessCpuMs))),
      panelHeapGrowth: withSamples.some((sample) => sample.panelHeapGrowthBytes !== null)
        ? summariseIn(presentValues(withSamples.map((sample) => sample.panelHeapGrowthBytes)), 'Bytes')
        : null,
    },
    addedMs: {
      perPairDifference: perCounter((key) => summariseMs(pairs.map((pair) => pair.with.growth[key] - pair.without.growth[key]))),
      differenceOfMedians: perCounter((key) => round2(withSummary.growth[key].medianMs - withoutSummary.growth[key].medianMs)),
      finalWindowTaskPerPairDifference: summariseMs(pairs.map((pair) => pair.with.finalWindowTaskMs - pair.without.finalWindowTaskMs)),
    },
    ratioOfMedians: perCounter((key) => ratio(withSummary.growth[key].medianMs, withoutSummary.growth[key].medianMs)),
    ratioPerPair: perCounter((key) => summariseIn(pairs.map((pair) => ratio(pair.with.growth[key], pair.without.growth[key])), '')),
    addedHeap: {
      perPairDifference: summariseIn(pairs.map((pair) => pair.with.heapGrowthBytes - pair.without.heapGrowthBytes), 'Bytes'),
      differenceOfMediansBytes: withSummary.heapGrowth.medianBytes - withoutSummary.heapGrowth.medianBytes,
    },
    samples: pairs,
  };
}

function summariseOrNull(values: readonly number[]): MsSummary | null {
  return values.length === 0 ? null : summariseMs(values);
}

// ---------------------------------------------------------------- 2. anchor to panel on the thread

interface AnchorSample {
  /** T1 − T0: the thread in the DOM to the panel's rendered mark. */
  anchorToPanelMs: number;
  /** The synchronous DOM work at T0 (replaceWith of the slot by the thread). */
  insertMs: number;
  clockSkewMs: number;
}

/** The thread's HTML with `extra` more messages (copies, as in the growth) after its own. */
function threadHtml(items: ItemSource, extra: number): string {
  const html = readFixture(THREAD);
  if (extra === 0) return html;
  const marker = html.indexOf('<li class="msg-s-message-list__typing-indicator-container--without-seen-receipt">');
  if (marker < 0) throw new Error('no typing indicator in the thread fixture');
  return `${html.slice(0, marker)}${items.html(items.initialCount, extra)}\n${html.slice(marker)}`;
}

/**
 * Cold: the thread URL is served as an empty page; BEFORE_INSERT_MS after load, while the content
 * script waits for its anchor, the thread (parsed before T0) goes in at T0.
 */
async function measureAnchor(
  browser: ExtensionBrowser,
  items: ItemSource,
  messages: number,
  label: string,
): Promise<{ samples: AnchorSample[]; warmUpProfile: ContentScriptProfile | null }> {
  const html = threadHtml(items, messages - items.initialCount);
  const empty = `<!DOCTYPE html><html><head><title>Messaging | LinkedIn</title></head><body><div id="${SLOT_ID}" hidden></div></body></html>`;
  const restore = await serveHtmlAt(browser.context, THREAD.url, empty);
  const samples: AnchorSample[] = [];
  let warmUpProfile: ContentScriptProfile | null = null;
  try {
    for (let run = 0; run <= RUNS; run += 1) {
      const page = await browser.context.newPage();
      try {
        await page.goto(THREAD.url, { waitUntil: 'load' });
        await sleep(BEFORE_INSERT_MS);
        // The discarded warm-up run is profiled: what the content script does between the anchor and the panel.
        const profiler = run === 0 ? await browser.context.newCDPSession(page) : null;
        if (profiler) await startProfile(profiler);
        const { t0, insertMs } = await page.evaluate(
          ({ html, slotId }) => {
            const parsed = new DOMParser().parseFromString(html, 'text/html');
            const slot = document.getElementById(slotId);
            if (!slot) throw new Error('no slot in the page');
            const nodes = Array.from(parsed.body.childNodes, (node) => document.adoptNode(node));
            const before = performance.now();
            slot.replaceWith(...nodes);
            const after = performance.now();
            return { t0: performance.timeOrigin + after, insertMs: after - before };
          },
          { html, slotId: SLOT_ID },
        );
        const found = await panelMark(browser, page, THREAD_HANDLE, t0);
        if (profiler) {
          warmUpProfile = await stopProfile(profiler, EXTENSION_DIR);
          await profiler.detach();
        }
        if ('reason' in found) {
          recordMiss(`anchor ${label}`, run, found.reason);
          continue;
        }
        const clockSkewMs = await panelClockAheadOfPageMs(page, found.panel);
        if (run > 0) samples.push({ anchorToPanelMs: round2(found.atEpochMs - t0), insertMs: round2(insertMs), clockSkewMs: round2(clockSkewMs) });
        progress(run === 0 ? `anchor to panel, ${label}: warm-up` : `anchor to panel, ${label}: ${run}/${RUNS}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await restore();
  }
  process.stdout.write('\n');
  return { samples, warmUpProfile };
}

function anchorReport({ samples, warmUpProfile }: Awaited<ReturnType<typeof measureAnchor>>, messages: number) {
  return {
    messages,
    warmUpProfile,
    anchorToPanelMs: summariseMs(samples.map((sample) => sample.anchorToPanelMs)),
    insertMs: summariseMs(samples.map((sample) => sample.insertMs)),
    clockSkewMs: summariseMs(samples.map((sample) => sample.clockSkewMs)),
    samples,
  };
}

// ---------------------------------------------------------------- run

async function chromiumVersion(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await page.close();
  }
}

type GrowthReport = ReturnType<typeof growthReport>;

function printSummary(
  reports: readonly GrowthReport[],
  anchor: { short: MsSummary; long: MsSummary; shortProfile: ContentScriptProfile | null; longProfile: ContentScriptProfile | null },
  profiles: Partial<Record<ScenarioName, ContentScriptProfile>>,
  durationMs: number,
): void {
  const ms = (summary: MsSummary) => `p50 ${summary.medianMs.toFixed(1)}, p95 ${summary.p95Ms.toFixed(1)} ms`;
  const mib = (summary: Summary<'Bytes'>) => `p50 ${(summary.medianBytes / 2 ** 20).toFixed(2)}, p95 ${(summary.p95Bytes / 2 ** 20).toFixed(2)} MiB`;
  for (const report of reports) {
    console.log(`\n${report.page}: ${report.itemsAtStart} → ${report.itemsAtEnd} items in ${report.batches} batches, ${report.pairs} runs each way`);
    for (const [label, key] of [
      ['tasks ', 'taskMs'],
      ['cpu   ', 'threadCpuMs'],
      ['script', 'scriptMs'],
      ['layout', 'layoutMs'],
    ] as const) {
      console.log(
        `  ${label} without: ${ms(report.without.growth[key])} | with: ${ms(report.with.growth[key])} | ratio of medians ${report.ratioOfMedians[key].toFixed(3)}` +
          ` | added per pair ${ms(report.addedMs.perPairDifference[key])}`,
      );
    }
    console.log(`  final ${FINAL_SETTLE_MS} ms window, added tasks per pair: ${ms(report.addedMs.finalWindowTaskPerPairDifference)}`);
    console.log(`  quiet check (last ${QUIET_CHECK_MS} ms, ~0): without ${ms(report.without.quietCheckTaskMs)} | with ${ms(report.with.quietCheckTaskMs)}`);
    console.log(`  JS heap growth after GC without: ${mib(report.without.heapGrowth)} | with: ${mib(report.with.heapGrowth)}`);
    if (report.with.extensionProcessCpuMs) console.log(`  extension process CPU over the growth (panel + service worker): ${ms(report.with.extensionProcessCpuMs)}`);
  }
  console.log(`\nThread in the DOM to panel showing her (target ≤ ${ANCHOR_TO_PANEL_TARGET_MS} ms):`);
  console.log(`  1 message:      ${ms(anchor.short)}`);
  console.log(`  ${TARGET_ITEMS} messages:  ${ms(anchor.long)}`);
  for (const [label, profile] of [
    ['1 message', anchor.shortProfile],
    [`${TARGET_ITEMS} messages`, anchor.longProfile],
  ] as const) {
    if (profile) console.log(`  content script between anchor and panel, ${label} (profiled warm-up): ${profile.extensionCodeMs.toFixed(1)} ms`);
  }
  for (const [name, profile] of Object.entries(profiles)) {
    console.log(`\nContent script CPU profile, ${name} growth: ${profile.extensionCodeMs.toFixed(1)} ms of extension code in ${profile.profiledMs.toFixed(0)} ms`);
    for (const entry of profile.topByTotal.slice(0, 8)) {
      console.log(`  ${entry.totalMs.toFixed(1).padStart(8)} ms total ${entry.selfMs.toFixed(1).padStart(7)} ms self  ${entry.name} ${entry.file}:${entry.column}  ${entry.source.slice(0, 60)}`);
    }
  }
  if (misses.length > 0) console.log(`MISSES: ${misses.length} runs without the panel (listed in the JSON)`);
  console.log(`Took ${(durationMs / 1000).toFixed(0)} s.`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const pages = scenarios(startedAt);
  console.log('Replyline on long pages (Chromium headless, no network)');
  const without = await launchWithExtension({ withExtension: false });
  let withoutOpen = true;
  const withExt = await launchWithExtension({ withExtension: true });
  try {
    const chromium = await chromiumVersion(withExt);
    const pairs = await measureGrowth(without, withExt, pages);
    await without.close(); // not needed any more: one browser less on a small machine
    withoutOpen = false;
    const reports = pages.map((scenario) => growthReport(scenario, pairs.get(scenario.name)!));

    const conversation = pages.find((scenario) => scenario.name === 'conversation')!;
    const short = await measureAnchor(withExt, conversation.items, conversation.items.initialCount, `${conversation.items.initialCount} message`);
    const long = await measureAnchor(withExt, conversation.items, TARGET_ITEMS, `${TARGET_ITEMS} messages`);

    const profiles: Partial<Record<ScenarioName, ContentScriptProfile>> = {};
    for (const [index, scenario] of pages.entries()) {
      const ratios = reports[index]!.ratioOfMedians;
      if (!ALWAYS_PROFILE && ratios.taskMs <= RATIO_TARGET && ratios.threadCpuMs <= RATIO_TARGET) continue;
      progress(`profiling the content script: ${scenario.name}`);
      const profiled = await grow(withExt, scenario, { withExtension: true, run: 0, profile: true });
      if (profiled?.profile) profiles[scenario.name] = profiled.profile;
    }
    process.stdout.write('\n');

    const cpus = os.cpus();
    const durationMs = Date.now() - startedAt;
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        totalMemoryBytes: os.totalmem(),
        loadAverage1mAtEnd: round2(os.loadavg()[0] ?? 0),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        chromium,
        headless: true,
      },
      runs: {
        runsEachWay: RUNS,
        warmUp: 'one plain load of each page in each browser, discarded',
        targetItems: TARGET_ITEMS,
        batchSize: BATCH_SIZE,
        batchGapMs: BATCH_GAP_MS,
        beforeGrowthMs: BEFORE_GROWTH_MS,
        finalSettleMs: FINAL_SETTLE_MS,
        quietCheckMs: QUIET_CHECK_MS,
        anchorBeforeInsertMs: BEFORE_INSERT_MS,
        percentiles: 'linear interpolation between order statistics; with 5 samples p95 lies between the 4th and 5th (close to the maximum)',
        durationMs,
      },
      targets: { ratioOfMainThreadTime: RATIO_TARGET, anchorToPanelMs: ANCHOR_TO_PANEL_TARGET_MS },
      misses,
      growth: {
        method:
          'Each run opens the page in a new tab (a CDP session with Performance.enable before navigating), waits ' +
          `${BEFORE_GROWTH_MS} ms after load (with the extension, where there is a panel, after its mark for the person), collects ` +
          'garbage, then appends the batches: each batch is HTML built in Node from copies of the saved page\'s own items (new ids, ' +
          `times and texts), parsed with a <template> and inserted in one DOM operation, followed by ${BATCH_GAP_MS} ms of quiet. ` +
          `After the last batch, ${FINAL_SETTLE_MS} ms of quiet, then the counters are read. growth = Performance.getMetrics from just ` +
          'before the first batch to the end: taskMs = TaskDuration (wall time of all main-thread tasks, the content script\'s isolated ' +
          'world included), scriptMs = ScriptDuration, layoutMs = LayoutDuration, recalcStyleMs = RecalcStyleDuration, threadCpuMs = ' +
          'ThreadTime. Heap: JSHeapUsedSize (the renderer\'s main isolate: page and content script) after HeapProfiler.collectGarbage, ' +
          'before the first batch and after the counters were read. The panel is an out-of-process iframe: its work and heap are not ' +
          'in these counters (see extensionProcessCpuMs, panelHeapGrowth). Pairs: one run with and one without, the order alternating.',
        feed: reports[0],
        conversation: reports[1],
      },
      anchorToPanel: {
        method:
          'The thread URL is served as an empty page; ' +
          `${BEFORE_INSERT_MS} ms after load, while the content script waits for its anchor, the thread (parsed before T0; the saved ` +
          `one, or with copies of its message up to ${TARGET_ITEMS}) replaces a placeholder at T0. T1 is the panel frame's ` +
          'replyline:panel-rendered mark for her handle; both as performance.timeOrigin + now in their own process (clockSkewMs checks ' +
          'they agree). warmUpProfile: a CPU profile of the page renderer from T0 to T1 in the discarded warm-up run (the content ' +
          'script\'s share of the wait; the rest is messaging, the background and the panel frame). On the feed there is no panel: an activity feed is an inbox list, with no one person to show.',
        short: anchorReport(short, conversation.items.initialCount),
        long: anchorReport(long, TARGET_ITEMS),
      },
      contentScriptProfiles: profiles,
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    const { short: shortReport, long: longReport } = result.anchorToPanel;
    printSummary(
      reports,
      {
        short: shortReport.anchorToPanelMs,
        long: longReport.anchorToPanelMs,
        shortProfile: shortReport.warmUpProfile,
        longProfile: longReport.warmUpProfile,
      },
      profiles,
      durationMs,
    );
    console.log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  } finally {
    if (withoutOpen) await without.close();
    await withExt.close();
  }
}

await main();
