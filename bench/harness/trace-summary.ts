import type { Pair } from './browser-pair.ts';
import type { Attribution } from './page-trace.ts';
import { ratio, summariseIn, summariseMs } from './stats.ts';

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Mean per run of each key's time (a key missing from a run counts 0 there), the largest first, at most `top`. */
function meanByKey(records: readonly Record<string, number>[], top: number): Record<string, number> {
  const sums = new Map<string, number>();
  for (const record of records) for (const [key, ms] of Object.entries(record)) sums.set(key, (sums.get(key) ?? 0) + ms);
  return Object.fromEntries(
    [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => [key, round2(ms / records.length)]),
  );
}

/**
 * Our scripts' time on the page's main thread over the runs with the extension, and the page's whole
 * task time with and without it (the visitor's ratio); the extension's own process (panel frame) apart.
 */
export function summariseAttribution(pairs: readonly Pair<Attribution>[]) {
  const withRuns = pairs.map((pair) => pair.with);
  const withoutRuns = pairs.map((pair) => pair.without);
  const pageTask = { without: summariseMs(withoutRuns.map((run) => run.pageTaskMs)), with: summariseMs(withRuns.map((run) => run.pageTaskMs)) };
  return {
    oursMs: summariseMs(withRuns.map((run) => run.oursMs)),
    oursEventsMs: summariseMs(withRuns.map((run) => run.oursEventsMs)),
    oursEventsCpuMs: summariseMs(withRuns.map((run) => run.oursEventsCpuMs)),
    oursCompileMs: summariseMs(withRuns.map((run) => run.oursCompileMs)),
    oursByEventMeanMs: meanByKey(withRuns.map((run) => run.oursByEventMs), 10),
    oursByFunctionMeanMs: meanByKey(withRuns.map((run) => run.oursByFunctionMs), 15),
    pageTaskMs: pageTask,
    pageTaskRatioOfMedians: ratio(pageTask.with.medianMs, pageTask.without.medianMs),
    pageTaskRatioPerPair: summariseIn(pairs.map((pair) => ratio(pair.with.pageTaskMs, pair.without.pageTaskMs)), ''),
    pageTaskCpuMs: { without: summariseMs(withoutRuns.map((run) => run.pageTaskCpuMs)), with: summariseMs(withRuns.map((run) => run.pageTaskCpuMs)) },
    pageTaskCpuRatioPerPair: summariseIn(pairs.map((pair) => ratio(pair.with.pageTaskCpuMs, pair.without.pageTaskCpuMs)), ''),
    /** Attributed time in the bare browser: should be 0 (checks the attribution). */
    oursWithoutExtensionMs: summariseMs(withoutRuns.map((run) => run.oursMs)),
    extensionProcessTaskMs: summariseMs(withRuns.map((run) => run.extensionProcessTaskMs)),
  };
}
