/**
 * What Replyline costs a LinkedIn profile page, measured in one run (about 2 minutes on 2 cores):
 * main-thread time of the page's renderer with and without the extension, time from the anchor
 * element to the panel showing the person (cold and after an in-page navigation), and bundle sizes.
 * Writes bench/results/page-cost.json; see bench/README.md. Run: npm run bench.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, panelFrame, type ExtensionBrowser } from '../tests/e2e/browser.ts';
import { fixturePages, readFixture, type FixturePage } from '../tests/e2e/fixture-pages.ts';
import { measureBundle, type BundleEntry } from './bundle.ts';
import { MAIN_SLOT_ID, serveHtmlAt, withoutMain } from './fixture-variants.ts';
import { handleOf, panelClockAheadOfPageMs, panelRenderedAt } from './panel-marks.ts';
import { ratio, summariseMs, type MsSummary } from './stats.ts';

/** Counts can be lowered to check the script itself quickly: BENCH_RUNS=3 npm run bench. */
const RUNS = runsFromEnvironment(20);
/** Quiet time after load (with the extension: after the panel shows the person) before reading the counters. */
const SETTLE_MS = 1500;
/** The last part of the settle window, whose TaskDuration shows whether the page had really settled. */
const QUIET_CHECK_MS = 500;
/** Cold runs: time after load before the anchor goes in, so that the content script is already waiting for it. */
const BEFORE_INSERT_MS = 1000;
/** Warm runs: quiet time before each in-page navigation. */
const BETWEEN_NAVIGATIONS_MS = 400;
const PANEL_TIMEOUT_MS = 15_000;
/** A run with more misses than this stops: something is broken, not noisy. */
const MAX_MISSES = 5;

const RESULTS_FILE = path.resolve(process.cwd(), 'bench/results/page-cost.json');
const profileA = fixturePages.abgarProfile;
const profileB = fixturePages.sriProfile;

function runsFromEnvironment(fallback: number): number {
  const value = Number(process.env.BENCH_RUNS ?? fallback);
  return Number.isInteger(value) && value >= 2 ? value : fallback;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function progress(text: string): void {
  process.stdout.write(`\r  ${text.padEnd(40)}`);
}

// ---------------------------------------------------------------- misses

/** A run in which the panel did not show the person: kept with what the page looked like, and left out of the figures. */
interface Miss {
  phase: 'mainThread' | 'cold' | 'warm';
  run: number;
  reason: string;
  /** `main h1` elements (the content script's anchor), whether its host element is in the page, and the page's frames. */
  page: { anchors: number; panelHost: boolean; frames: string[] } | null;
}

const misses: Miss[] = [];

async function recordMiss(phase: Miss['phase'], run: number, reason: string, page: Page): Promise<void> {
  const state = await page
    .evaluate(() => ({ anchors: document.querySelectorAll('main h1').length, panelHost: document.querySelector('replyline-panel') !== null }))
    .catch(() => null);
  misses.push({ phase, run, reason, page: state && { ...state, frames: page.frames().map((frame) => frame.url()) } });
  console.error(`\n  miss (${phase} run ${run}): ${reason} ${JSON.stringify(misses.at(-1)?.page)}`);
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

// ---------------------------------------------------------------- 1. main-thread time of the page

/** Performance.getMetrics counters of the page renderer, in ms. */
interface PageCounters {
  /** TaskDuration: wall time of every main-thread task. */
  taskMs: number;
  /** ScriptDuration: JavaScript run, all worlds (the content script's isolated world included). */
  scriptMs: number;
  /** V8CompileDuration. */
  compileMs: number;
  /** LayoutDuration. */
  layoutMs: number;
  /** RecalcStyleDuration. */
  recalcStyleMs: number;
  /** ThreadTime: main-thread CPU time. */
  threadCpuMs: number;
}

const COUNTERS = ['taskMs', 'scriptMs', 'compileMs', 'layoutMs', 'recalcStyleMs', 'threadCpuMs'] as const satisfies readonly (keyof PageCounters)[];
const METRIC_OF: Record<keyof PageCounters, string> = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  compileMs: 'V8CompileDuration',
  layoutMs: 'LayoutDuration',
  recalcStyleMs: 'RecalcStyleDuration',
  threadCpuMs: 'ThreadTime',
};

interface LoadSample extends PageCounters {
  /** page.goto until the load event, as Playwright sees it. */
  loadMs: number;
  /** TaskDuration added in the last QUIET_CHECK_MS of the settle window: ~0 when the window is long enough. */
  quietCheckTaskMs: number;
  /** With the extension: the page's navigation start to the panel's rendered mark. */
  panelAfterNavigationStartMs: number | null;
  /** With the extension: CPU time of the extension's process (panel frame + service worker) since the previous with-extension load. */
  extensionProcessCpuMs: number | null;
}

async function metricsOf(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

function secondsAsMs(metrics: Map<string, number>, name: string): number {
  const value = metrics.get(name);
  if (value === undefined) throw new Error(`Performance.getMetrics has no ${name}`);
  return round2(value * 1000);
}

/** Cumulative CPU time (ProcessTime, 10 ms steps) of the extension's renderer process, read through the panel frame (an out-of-process iframe). */
async function extensionProcessCpuMs(browser: ExtensionBrowser, panel: Frame): Promise<number> {
  const cdp = await browser.context.newCDPSession(panel);
  try {
    await cdp.send('Performance.enable');
    return secondsAsMs(await metricsOf(cdp), 'ProcessTime');
  } finally {
    await cdp.detach();
  }
}

class LoadMeter {
  private lastExtensionCpuMs: number | null = null;

  constructor(
    private readonly browser: ExtensionBrowser,
    private readonly withExtension: boolean,
  ) {}

  /** One load of the profile in a new tab; null when the panel did not show the person (a miss is recorded). */
  async measure(run: number): Promise<LoadSample | null> {
    const { context } = this.browser;
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      // Enabled before navigating: the agent follows the page into its new renderer process and counts from there.
      await cdp.send('Performance.enable');
      const started = Date.now();
      await page.goto(profileA.url, { waitUntil: 'load' });
      const loadMs = Date.now() - started;
      let mark: { panel: Frame; atEpochMs: number } | null = null;
      if (this.withExtension) {
        const found = await panelMark(this.browser, page, handleOf(profileA.url), 0);
        if ('reason' in found) {
          await recordMiss('mainThread', run, found.reason, page);
          return null;
        }
        mark = found;
      }
      await sleep(SETTLE_MS - QUIET_CHECK_MS);
      const beforeQuietCheck = await metricsOf(cdp);
      await sleep(QUIET_CHECK_MS);
      const metrics = await metricsOf(cdp);
      // Everything below runs after the counters were read, so it is not counted.
      const navigationStart = await page.evaluate(() => performance.timeOrigin);
      let extensionCpuMs: number | null = null;
      if (mark) {
        const now = await extensionProcessCpuMs(this.browser, mark.panel);
        // Cumulative; a drop would mean a new process, and then there is no difference to take.
        if (this.lastExtensionCpuMs !== null && now >= this.lastExtensionCpuMs) extensionCpuMs = round2(now - this.lastExtensionCpuMs);
        this.lastExtensionCpuMs = now;
      }
      await cdp.detach();
      const counters = Object.fromEntries(COUNTERS.map((key) => [key, secondsAsMs(metrics, METRIC_OF[key])])) as Record<
        keyof PageCounters,
        number
      >;
      return {
        ...counters,
        loadMs,
        quietCheckTaskMs: round2(counters.taskMs - secondsAsMs(beforeQuietCheck, 'TaskDuration')),
        panelAfterNavigationStartMs: mark && round2(mark.atEpochMs - navigationStart),
        extensionProcessCpuMs: extensionCpuMs,
      };
    } finally {
      await page.close();
    }
  }
}

function presentValues(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function perCounter<T>(make: (key: keyof PageCounters) => T): Record<keyof PageCounters, T> {
  return Object.fromEntries(COUNTERS.map((key) => [key, make(key)])) as Record<keyof PageCounters, T>;
}

async function measureMainThread(without: ExtensionBrowser, withExt: ExtensionBrowser) {
  const meters = { without: new LoadMeter(without, false), with: new LoadMeter(withExt, true) };
  const pairs: { round: number; order: 'without first' | 'with first'; without: LoadSample; with: LoadSample }[] = [];
  for (let round = 0; round <= RUNS; round += 1) {
    // Round 0 is the discarded warm-up; then the order alternates so that neither variant always goes first.
    const withFirst = round % 2 === 1;
    const first = await (withFirst ? meters.with : meters.without).measure(round);
    const second = await (withFirst ? meters.without : meters.with).measure(round);
    const [withoutSample, withSample] = withFirst ? [second, first] : [first, second];
    if (round > 0 && withoutSample && withSample) {
      pairs.push({ round, order: withFirst ? 'with first' : 'without first', without: withoutSample, with: withSample });
    }
    progress(round === 0 ? 'main thread: warm-up' : `main thread: ${round}/${RUNS} pairs`);
  }
  process.stdout.write('\n');

  const withoutSamples = pairs.map((pair) => pair.without);
  const withSamples = pairs.map((pair) => pair.with);
  const withoutSummary = perCounter((key) => summariseMs(withoutSamples.map((sample) => sample[key])));
  const withSummary = perCounter((key) => summariseMs(withSamples.map((sample) => sample[key])));
  const common = (samples: readonly LoadSample[]) => ({
    loadMs: summariseMs(samples.map((sample) => sample.loadMs)),
    quietCheckTaskMs: summariseMs(samples.map((sample) => sample.quietCheckTaskMs)),
  });
  return {
    method:
      `Performance.getMetrics of a CDP session on the page (enabled before navigating), read ${SETTLE_MS} ms after the load event; ` +
      `with the extension, ${SETTLE_MS} ms after the panel frame marked the person. Counters accumulate from when the page's ` +
      "frame is created in its new renderer process: taskMs = TaskDuration (wall time of all main-thread tasks, the content script's included), " +
      'scriptMs = ScriptDuration, compileMs = V8CompileDuration, layoutMs = LayoutDuration, recalcStyleMs = RecalcStyleDuration, ' +
      'threadCpuMs = ThreadTime (main-thread CPU). The panel is an out-of-process iframe: its rendering is not in these counters ' +
      '(see extensionProcess). Each pair is two consecutive loads, one per browser, the order alternating.',
    settleMs: SETTLE_MS,
    quietCheckMs: QUIET_CHECK_MS,
    pairs: pairs.length,
    without: { ...withoutSummary, ...common(withoutSamples) },
    with: {
      ...withSummary,
      ...common(withSamples),
      panelAfterNavigationStartMs: summariseMs(presentValues(withSamples.map((sample) => sample.panelAfterNavigationStartMs))),
    },
    addedMs: {
      perPairDifference: perCounter((key) => summariseMs(pairs.map((pair) => pair.with[key] - pair.without[key]))),
      differenceOfMedians: perCounter((key) => round2(withSummary[key].medianMs - withoutSummary[key].medianMs)),
    },
    ratioOfMedians: perCounter((key) => ratio(withSummary[key].medianMs, withoutSummary[key].medianMs)),
    extensionProcess: {
      method:
        "ProcessTime (CPU of all threads, 10 ms steps) of the extension's renderer process, which runs the panel frame and the " +
        'service worker, from the end of one with-extension load to the end of the next: what one profile view costs outside ' +
        "the page, plus closing the previous tab and this benchmark's own reads of the panel frame.",
      cpuMsPerLoad: summariseMs(presentValues(withSamples.map((sample) => sample.extensionProcessCpuMs))),
    },
    samples: pairs,
  };
}

// ---------------------------------------------------------------- 2. anchor to panel

interface AnchorSample {
  /** T1 − T0: the anchor in the DOM to the panel's rendered mark. */
  anchorToPanelMs: number;
  /** The synchronous DOM work at T0 (cold: replaceWith of the <main>; warm: replaceWith, then pushState). */
  insertMs: number;
  /** The panel frame's clock minus the page's, measured just after the run (see panelClockAheadOfPageMs). */
  clockSkewMs: number;
}

/** Cold: the page loaded without its <main>, the content script waiting; the real <main> goes in at T0. */
async function measureCold(browser: ExtensionBrowser): Promise<AnchorSample[]> {
  const fixture = readFixture(profileA);
  const handle = handleOf(profileA.url);
  const restore = await serveHtmlAt(browser.context, profileA.url, withoutMain(fixture));
  const samples: AnchorSample[] = [];
  try {
    for (let run = 0; run <= RUNS; run += 1) {
      const page = await browser.context.newPage();
      try {
        await page.goto(profileA.url, { waitUntil: 'load' });
        await sleep(BEFORE_INSERT_MS);
        if (page.frames().some((frame) => frame.url().includes('/panel.html'))) {
          await recordMiss('cold', run, 'the panel was there before its anchor', page);
          continue;
        }
        const { t0, insertMs } = await page.evaluate(
          ({ html, slotId }) => {
            const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
            const slot = document.getElementById(slotId);
            if (!main || !slot) throw new Error('no <main> in the fixture or no slot in the page');
            const adopted = document.adoptNode(main);
            const before = performance.now();
            slot.replaceWith(adopted);
            const after = performance.now();
            return { t0: performance.timeOrigin + after, insertMs: after - before };
          },
          { html: fixture, slotId: MAIN_SLOT_ID },
        );
        const found = await panelMark(browser, page, handle, t0);
        if ('reason' in found) {
          await recordMiss('cold', run, found.reason, page);
          continue;
        }
        const clockSkewMs = await panelClockAheadOfPageMs(page, found.panel);
        if (run > 0) samples.push({ anchorToPanelMs: round2(found.atEpochMs - t0), insertMs: round2(insertMs), clockSkewMs: round2(clockSkewMs) });
        progress(run === 0 ? 'anchor to panel, cold: warm-up' : `anchor to panel, cold: ${run}/${RUNS}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await restore();
  }
  process.stdout.write('\n');
  return samples;
}

/** Warm: the panel shows A; a LinkedIn-style in-page navigation (new <main>, then pushState) to B at T0, and back, and so on. */
async function measureWarm(browser: ExtensionBrowser): Promise<(AnchorSample & { to: string })[]> {
  const page = await browser.context.newPage();
  const samples: (AnchorSample & { to: string })[] = [];
  try {
    await page.goto(profileA.url, { waitUntil: 'load' });
    const first = await panelMark(browser, page, handleOf(profileA.url), 0);
    if ('reason' in first) throw new Error(`warm runs: the panel did not show the first profile (${first.reason})`);
    const { panel } = first;
    const html = new Map<FixturePage, string>([profileA, profileB].map((fixture) => [fixture, readFixture(fixture)]));
    for (let run = 0; run <= RUNS; run += 1) {
      await sleep(BETWEEN_NAVIGATIONS_MS);
      const target = run % 2 === 0 ? profileB : profileA;
      const { t0, insertMs } = await page.evaluate(
        ({ html, url }) => {
          const parsed = new DOMParser().parseFromString(html, 'text/html');
          const main = parsed.querySelector('main');
          const current = document.querySelector('main');
          if (!main || !current) throw new Error('no <main> to swap');
          const adopted = document.adoptNode(main);
          const before = performance.now();
          document.title = parsed.title;
          current.replaceWith(adopted);
          const anchored = performance.now();
          // The content script hears this synchronously: WXT's wxt:locationchange rides the Navigation API's navigate event.
          history.pushState({}, '', url);
          const after = performance.now();
          return { t0: performance.timeOrigin + anchored, insertMs: after - before };
        },
        { html: html.get(target)!, url: target.url },
      );
      const atEpochMs = await panelRenderedAt(panel, handleOf(target.url), t0, PANEL_TIMEOUT_MS);
      if (atEpochMs === null) {
        await recordMiss('warm', run, `no mark for ${handleOf(target.url)} within ${PANEL_TIMEOUT_MS} ms`, page);
        continue;
      }
      const clockSkewMs = await panelClockAheadOfPageMs(page, panel);
      if (run > 0) {
        samples.push({ to: handleOf(target.url), anchorToPanelMs: round2(atEpochMs - t0), insertMs: round2(insertMs), clockSkewMs: round2(clockSkewMs) });
      }
      progress(run === 0 ? 'anchor to panel, warm: warm-up' : `anchor to panel, warm: ${run}/${RUNS}`);
    }
  } finally {
    await page.close();
  }
  process.stdout.write('\n');
  return samples;
}

function anchorReport<T extends AnchorSample>(samples: readonly T[], method: string) {
  return {
    method,
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

function printSummary(
  mainThread: Awaited<ReturnType<typeof measureMainThread>>,
  anchor: { cold: MsSummary; warm: MsSummary },
  entries: readonly BundleEntry[],
  durationMs: number,
): void {
  const ms = (summary: MsSummary) => `median ${summary.medianMs.toFixed(1)}, p95 ${summary.p95Ms.toFixed(1)} ms`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\nProfile page main thread, ${mainThread.pairs} loads each (settle ${SETTLE_MS} ms):`);
  for (const [label, key] of [
    ['tasks ', 'taskMs'],
    ['script', 'scriptMs'],
    ['layout', 'layoutMs'],
  ] as const) {
    console.log(
      `  ${label} without: ${ms(mainThread.without[key])} | with: ${ms(mainThread.with[key])}\n` +
        `         added (per-pair difference): ${ms(mainThread.addedMs.perPairDifference[key])} | ratio of medians ${mainThread.ratioOfMedians[key].toFixed(2)}`,
    );
  }
  console.log(
    `  tasks in the last ${QUIET_CHECK_MS} ms of the window (should be ~0): without ${ms(mainThread.without.quietCheckTaskMs)} | ` +
      `with ${ms(mainThread.with.quietCheckTaskMs)}`,
  );
  console.log(`  panel shown after navigation start: ${ms(mainThread.with.panelAfterNavigationStartMs)}`);
  console.log(`  extension process CPU per view (panel frame + service worker, 10 ms steps): ${ms(mainThread.extensionProcess.cpuMsPerLoad)}`);
  console.log('Anchor in the DOM to panel showing the person:');
  console.log(`  cold (first panel in the page): ${ms(anchor.cold)}`);
  console.log(`  warm (in-page navigation):      ${ms(anchor.warm)}`);
  console.log('Bundle, raw / gzip -9 per entry:');
  for (const entry of entries) {
    console.log(`  ${entry.entry.padEnd(25)} ${kib(entry.totalRawBytes).padStart(10)} / ${kib(entry.totalGzipBytes).padStart(9)}  ${entry.files.join(', ')}`);
  }
  if (misses.length > 0) console.log(`MISSES: ${misses.length} runs without the panel (listed in the JSON)`);
  console.log(`Took ${(durationMs / 1000).toFixed(0)} s.`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const bundle = measureBundle(EXTENSION_DIR);
  console.log('Replyline page cost (Chromium headless, no network)');
  const without = await launchWithExtension({ withExtension: false });
  let withoutOpen = true;
  const withExt = await launchWithExtension({ withExtension: true });
  try {
    const chromium = await chromiumVersion(withExt);
    const mainThread = await measureMainThread(without, withExt);
    await without.close(); // not needed any more: one browser less on a small machine
    withoutOpen = false;
    const cold = await measureCold(withExt);
    const warm = await measureWarm(withExt);
    const cpus = os.cpus();
    const durationMs = Date.now() - startedAt;
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        totalMemoryBytes: os.totalmem(),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        chromium,
        headless: true,
      },
      runs: {
        loadsPerVariant: RUNS,
        warmUpLoadsDiscardedPerVariant: 1,
        anchorRunsEach: RUNS,
        anchorWarmUpRunsDiscardedEach: 1,
        settleMs: SETTLE_MS,
        quietCheckMs: QUIET_CHECK_MS,
        coldBeforeInsertMs: BEFORE_INSERT_MS,
        warmBetweenNavigationsMs: BETWEEN_NAVIGATIONS_MS,
        fixture: profileA.url,
        warmAlternatesWith: profileB.url,
        percentiles: 'linear interpolation between order statistics; with 20 samples p95 lies between the 19th and 20th',
        durationMs,
      },
      misses,
      mainThread,
      anchorToPanel: {
        cold: anchorReport(
          cold,
          'T0: the real <main> (parsed from the fixture before T0) replaces a placeholder in a page served without it, ' +
            `${BEFORE_INSERT_MS} ms after load; T1: the panel frame's replyline:panel-rendered mark for the person. Includes the ` +
            "content script's throttled anchor check, mounting the shadow host, loading panel.html, the background round trip " +
            'and the first React render.',
        ),
        warm: anchorReport(
          warm,
          "T0: <main> replaced by the other profile's, just before history.pushState (whose navigate event the content script " +
            'hears synchronously, so no URL polling is involved); T1: the mark for the new handle. The panel frame stays; ' +
            'navigations alternate B, A, B, …',
        ),
      },
      bundle: bundle.files,
      bundleEntries: bundle.entries,
    };
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    printSummary(mainThread, { cold: result.anchorToPanel.cold.anchorToPanelMs, warm: result.anchorToPanel.warm.anchorToPanelMs }, bundle.entries, durationMs);
    console.log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)}`);
  } finally {
    if (withoutOpen) await without.close();
    await withExt.close();
  }
}

await main();
