/** The User Timing measure each badge refresh leaves in the service worker (bench/timers-queue.ts reads it there). */
export const REFRESH_MEASURE = 'replyline:timers-refresh';

/**
 * Times one refresh and its steps (`detail`: ms per step name, summed when a step repeats). Only the
 * latest measure is kept, so a long-lived worker does not pile them up; an observer still sees each.
 */
export function refreshMarks() {
  const startedAt = performance.now();
  let last = startedAt;
  const steps: Record<string, number> = {};
  return {
    step(name: string): void {
      const now = performance.now();
      steps[name] = (steps[name] ?? 0) + (now - last);
      last = now;
    },
    done(): void {
      performance.clearMeasures(REFRESH_MEASURE);
      performance.measure(REFRESH_MEASURE, { start: startedAt, end: performance.now(), detail: steps });
    },
  };
}
