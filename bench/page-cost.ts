/**
 * What Replyline costs a LinkedIn profile page, measured in one run: our scripts' time on the page
 * renderer's main thread (from a Chromium trace, with the page's whole task time with and without
 * the extension), the panel frame's process apart, the time from the anchor element to the panel
 * showing the person (cold and after an in-page navigation), and bundle sizes.
 * Writes bench/results/page-cost.json; see bench/README.md. Run: npm run bench.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionBrowser } from '../tests/e2e/browser.ts';
import { fixturePages, readFixture, type FixturePage } from '../tests/e2e/fixture-pages.ts';
import { measureBundle, type BundleEntry } from './bundle.ts';
import { MAIN_SLOT_ID, serveHtmlAt, withoutMain } from './fixture-variants.ts';
import { alternatingPairs, chromiumVersion, inNewTab, launchPair, type Variant } from './harness/browser-pair.ts';
import { LoadLog, maxLoadFromEnvironment, waitForQuiet } from './harness/load.ts';
import { Misses } from './harness/misses.ts';
import { attribute, traceWhile, type Attribution } from './harness/page-trace.ts';
import { progress, round2, runsFromEnvironment, writeResults } from './harness/results.ts';
import { summariseMs, type MsSummary } from './harness/stats.ts';
import { summariseAttribution } from './harness/trace-summary.ts';
import { handleOf, panelClockAheadOfPageMs, panelMark as panelMarkWithin, panelRenderedAt } from './panel-marks.ts';

/** Counts can be lowered to check the script itself quickly: BENCH_RUNS=3 npm run bench. */
const RUNS = runsFromEnvironment(12);
/** Quiet time after load (with the extension: after the panel shows the person) inside the trace. */
const SETTLE_MS = 1500;
/** Cold runs: time after load before the anchor goes in, so that the content script is already waiting for it. */
const BEFORE_INSERT_MS = 1000;
/** Warm runs: quiet time before each in-page navigation. */
const BETWEEN_NAVIGATIONS_MS = 400;
const PANEL_TIMEOUT_MS = 15_000;
/** The target for our time on the page's main thread, p95. */
const OURS_TARGET_P95_MS = 15;
const PAGE_ORIGIN = 'https://www.linkedin.com/';

const profileA = fixturePages.abgarProfile;
const profileB = fixturePages.sriProfile;
const PROFILES: readonly FixturePage[] = [profileA, profileB];

const misses = new Misses(5);
const load = new LoadLog();

async function recordMiss(phase: string, run: number, reason: string, page: Page): Promise<void> {
  const state = await page.evaluate(() => ({ anchors: document.querySelectorAll('main h1').length })).catch(() => null);
  misses.record({ phase, run, reason, detail: state && { ...state, frames: page.frames().map((frame) => frame.url()) } });
}

const panelMark = (browser: ExtensionBrowser, page: Page, handle: string, notBeforeEpochMs: number) =>
  panelMarkWithin(browser, page, handle, notBeforeEpochMs, PANEL_TIMEOUT_MS);

// ---------------------------------------------------------------- 1. the page's main thread, traced

interface TracedLoad extends Attribution {
  /** With the extension: the page's navigation start to the panel's rendered mark. */
  panelAfterNavigationStartMs: number | null;
}

/** One load of `profile` in a new tab, traced from before navigating to SETTLE_MS after load (or after the panel's mark). */
async function tracedLoad(browser: ExtensionBrowser, variant: Variant, profile: FixturePage, run: number): Promise<TracedLoad | null> {
  return inNewTab(browser, async (page) => {
    // Set inside the traced run.
    const outcome: { missed: boolean; panelAfterNavigationStartMs: number | null } = { missed: false, panelAfterNavigationStartMs: null };
    const events = await traceWhile(browser.context, page, async () => {
      await page.goto(profile.url, { waitUntil: 'load' });
      if (variant === 'with') {
        const found = await panelMark(browser, page, handleOf(profile.url), 0);
        if ('reason' in found) {
          await recordMiss(`mainThread ${handleOf(profile.url)}`, run, found.reason, page);
          outcome.missed = true;
          return;
        }
        outcome.panelAfterNavigationStartMs = round2(found.atEpochMs - (await page.evaluate(() => performance.timeOrigin)));
      }
      await sleep(SETTLE_MS);
    });
    if (outcome.missed) return null;
    return { ...attribute(events, PAGE_ORIGIN), panelAfterNavigationStartMs: outcome.panelAfterNavigationStartMs };
  });
}

async function measureMainThread(pair: { without: ExtensionBrowser; with: ExtensionBrowser }) {
  const perProfile: Record<string, ReturnType<typeof summariseAttribution> & { url: string; panelAfterNavigationStartMs: MsSummary; samples: unknown }> = {};
  for (const profile of PROFILES) {
    const handle = handleOf(profile.url);
    const pairs = await alternatingPairs<TracedLoad>({
      rounds: RUNS,
      measure: (variant, round) => tracedLoad(pair[variant], variant, profile, round),
      afterRound: (round, warmUp) => {
        load.mark(`mainThread ${handle} round ${round}`);
        progress(warmUp ? `main thread, ${handle}: warm-up` : `main thread, ${handle}: ${round}/${RUNS} pairs`);
      },
    });
    process.stdout.write('\n');
    perProfile[handle] = {
      url: profile.url,
      ...summariseAttribution(pairs),
      panelAfterNavigationStartMs: summariseMs(pairs.flatMap((one) => (one.with.panelAfterNavigationStartMs === null ? [] : [one.with.panelAfterNavigationStartMs]))),
      samples: pairs.map(({ round, order, without, with: withExt }) => ({
        round,
        order,
        without: { pageTaskMs: without.pageTaskMs, pageTaskCpuMs: without.pageTaskCpuMs, oursMs: without.oursMs },
        with: {
          oursMs: withExt.oursMs,
          oursEventsMs: withExt.oursEventsMs,
          oursEventsCpuMs: withExt.oursEventsCpuMs,
          pageTaskCpuMs: withExt.pageTaskCpuMs,
          oursCompileMs: withExt.oursCompileMs,
          oursByEventMs: withExt.oursByEventMs,
          pageTaskMs: withExt.pageTaskMs,
          extensionProcessTaskMs: withExt.extensionProcessTaskMs,
        },
      })),
    };
  }
  return {
    method:
      'Each load is a new tab traced from before navigating (Tracing.start on a CDP session of the tab: browser-wide) until ' +
      `${SETTLE_MS} ms after the load event, with the extension ${SETTLE_MS} ms after the panel frame marked the person. oursMs: time ` +
      "on the page process's CrRendererMain covered by trace events naming a chrome-extension:// URL (EvaluateScript and v8.compile of " +
      'the content script, FunctionCall of its callbacks, timers and observers) or by V8 CPU-profiler samples with our script on the ' +
      "stack (microtasks and promise continuations), overlaps merged, in wall time; oursEventsCpuMs: the thread (CPU) time of the " +
      "outermost of those events (not inflated by other jobs on the cores). pageTaskMs: every top-level task on the page's main thread " +
      '(pageTaskCpuMs: their thread time). ' +
      "extensionProcessTaskMs: the main thread of the extension's own renderer process (the panel frame, an out-of-process iframe; " +
      "it includes this benchmark's reads of the frame), reported apart: it is not the visitor's page. Pairs: one load without and one " +
      'with the extension, the order alternating, one warm-up pair discarded.',
    settleMs: SETTLE_MS,
    targetOursP95Ms: OURS_TARGET_P95_MS,
    profiles: perProfile,
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

function printSummary(
  mainThread: Awaited<ReturnType<typeof measureMainThread>>,
  anchor: { cold: MsSummary; warm: MsSummary },
  entries: readonly BundleEntry[],
  durationMs: number,
): void {
  const ms = (summary: MsSummary) => `p50 ${summary.medianMs.toFixed(1)}, p95 ${summary.p95Ms.toFixed(1)} ms`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const [handle, profile] of Object.entries(mainThread.profiles)) {
    console.log(`\n${handle}: our scripts on the page's main thread ${ms(profile.oursMs)} (target p95 ≤ ${OURS_TARGET_P95_MS}); CPU of our events ${ms(profile.oursEventsCpuMs)}; compile ${ms(profile.oursCompileMs)}`);
    console.log(`  page task CPU without ${ms(profile.pageTaskCpuMs.without)} | with ${ms(profile.pageTaskCpuMs.with)} | ratio per pair p50 ${profile.pageTaskCpuRatioPerPair.median.toFixed(3)}`);
    console.log(`  by event (mean): ${JSON.stringify(profile.oursByEventMeanMs)}`);
    console.log(`  page tasks without ${ms(profile.pageTaskMs.without)} | with ${ms(profile.pageTaskMs.with)} | ratio of medians ${profile.pageTaskRatioOfMedians.toFixed(3)}`);
    console.log(`  extension process (panel frame) main thread: ${ms(profile.extensionProcessTaskMs)}; bare browser attributed ${ms(profile.oursWithoutExtensionMs)}`);
    console.log(`  panel shown after navigation start: ${ms(profile.panelAfterNavigationStartMs)}`);
    for (const [name, value] of Object.entries(profile.oursByFunctionMeanMs).slice(0, 6)) console.log(`    ${value.toFixed(2).padStart(7)} ms  ${name}`);
  }
  console.log('Anchor in the DOM to panel showing the person:');
  console.log(`  cold (first panel in the page): ${ms(anchor.cold)}`);
  console.log(`  warm (in-page navigation):      ${ms(anchor.warm)}`);
  console.log('Bundle, raw / gzip -9 per entry:');
  for (const entry of entries) {
    console.log(`  ${entry.entry.padEnd(25)} ${kib(entry.totalRawBytes).padStart(10)} / ${kib(entry.totalGzipBytes).padStart(9)}  ${entry.files.join(', ')}`);
  }
  if (misses.list.length > 0) console.log(`MISSES: ${misses.list.length} runs without the panel (listed in the JSON)`);
  console.log(`Took ${(durationMs / 1000).toFixed(0)} s; 1-min load median ${load.summary().median1m}, max ${load.summary().max1m}.`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const bundle = measureBundle(EXTENSION_DIR);
  console.log(`Replyline page cost (Chromium headless, no network), extension from ${EXTENSION_DIR}`);
  const quiet = await waitForQuiet(maxLoadFromEnvironment(), 10 * 60_000, (now) => progress(`waiting for a quiet machine: load ${now}`));
  load.mark('start');
  const pair = await launchPair();
  try {
    const chromium = await chromiumVersion(pair.with);
    const mainThread = await measureMainThread(pair);
    await pair.closeWithout();
    const cold = await measureCold(pair.with);
    load.mark('after cold');
    const warm = await measureWarm(pair.with);
    load.mark('end');
    const durationMs = Date.now() - startedAt;
    const written = writeResults(
      'page-cost',
      load,
      {
        extensionDir: EXTENSION_DIR,
        runs: {
          loadsPerVariantAndProfile: RUNS,
          warmUpPairsDiscardedPerProfile: 1,
          anchorRunsEach: RUNS,
          anchorWarmUpRunsDiscardedEach: 1,
          settleMs: SETTLE_MS,
          coldBeforeInsertMs: BEFORE_INSERT_MS,
          warmBetweenNavigationsMs: BETWEEN_NAVIGATIONS_MS,
          profiles: PROFILES.map((profile) => profile.url),
          percentiles: 'linear interpolation between order statistics; with 12 samples p95 lies between the 11th and 12th',
          startedAtLoad1m: quiet['1m'],
          durationMs,
        },
        misses: misses.list,
        mainThread,
        anchorToPanel: {
          cold: anchorReport(
            cold,
            'T0: the real <main> (parsed from the fixture before T0) replaces a placeholder in a page served without it, ' +
              `${BEFORE_INSERT_MS} ms after load; T1: the panel frame's replyline:panel-rendered mark for the person. Includes the ` +
              "content script's throttled anchor check, mounting the shadow host and the frame, loading panel.html, the background " +
              'round trip and the first React render.',
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
      },
      { chromium, headless: true },
    );
    printSummary(mainThread, { cold: summariseMs(cold.map((one) => one.anchorToPanelMs)), warm: summariseMs(warm.map((one) => one.anchorToPanelMs)) }, bundle.entries, durationMs);
    console.log(`Written to ${written}`);
  } finally {
    await pair.close();
  }
}

await main();
