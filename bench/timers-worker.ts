/**
 * Reads the badge refresh where it runs: the background's timers leave one User Timing measure per
 * refresh (entrypoints/background/refresh-marks.ts, REFRESH_MEASURE), its steps in `detail`. A
 * PerformanceObserver installed in the service worker collects them; the benchmark reads them back
 * through playwright's serviceWorker.evaluate. A restarted worker gets a new observer.
 */
import type { BrowserContext, Worker } from 'playwright-core';

/** entrypoints/background/refresh-marks.ts REFRESH_MEASURE (not imported: that module is the worker's). */
export const REFRESH_MEASURE = 'replyline:timers-refresh';

export interface RefreshSample {
  /** The refresh, from its start to its last step, in the worker's own clock. */
  ms: number;
  /** ms per step, as the build names them. */
  steps: Record<string, number>;
}

interface Collector {
  samples: RefreshSample[];
  waiters: Array<{ index: number; resolve: (sample: RefreshSample) => void }>;
}

/** The extension's running service worker (a new one if it was stopped: a message wakes it). */
export function currentWorker(context: BrowserContext, extensionId: string): Worker {
  const worker = context.serviceWorkers().find((candidate) => new URL(candidate.url()).host === extensionId);
  if (!worker) throw new Error('no service worker running');
  return worker;
}

/** Installs the collector once per worker; gives how many refreshes it has seen. */
export function installCollector(worker: Worker): Promise<number> {
  return worker.evaluate((name) => {
    const scope = globalThis as unknown as { replylineRefreshes?: Collector };
    if (!scope.replylineRefreshes) {
      const collector: Collector = { samples: [], waiters: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntriesByName(name)) {
          collector.samples.push({ ms: entry.duration, steps: (entry as PerformanceMeasure).detail as Record<string, number> });
        }
        collector.waiters = collector.waiters.filter((waiter) => {
          const sample = collector.samples[waiter.index];
          if (sample) waiter.resolve(sample);
          return !sample;
        });
      }).observe({ type: 'measure' });
      scope.replylineRefreshes = collector;
    }
    return scope.replylineRefreshes.samples.length;
  }, REFRESH_MEASURE);
}

/** The refresh with this index (0-based, in the collector's order), once it has finished; null after `timeoutMs`. */
export function refreshAt(worker: Worker, index: number, timeoutMs: number): Promise<RefreshSample | null> {
  return worker.evaluate(
    ({ at, timeout }) =>
      new Promise<RefreshSample | null>((resolve) => {
        const collector = (globalThis as unknown as { replylineRefreshes: Collector }).replylineRefreshes;
        const found = collector.samples[at];
        if (found) return resolve(found);
        const timer = setTimeout(() => resolve(null), timeout);
        collector.waiters.push({
          index: at,
          resolve: (sample) => {
            clearTimeout(timer);
            resolve(sample);
          },
        });
      }),
    { at: index, timeout: timeoutMs },
  );
}
