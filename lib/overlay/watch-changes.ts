import type { BodyWatch } from './body-watch';

/** Re-reads take at most about 1/50 of the time (2%), however long the page grows. */
const READ_SHARE_FACTOR = 50;

export interface WatchOptions {
  signal: AbortSignal;
  /** Quiet time after the last change before `onSettled` runs. */
  debounceMs: number;
  /** At least this long between two runs, however busy the page is. */
  minIntervalMs: number;
  /** Elements whose coming and going is not the page's content (our own panel host). */
  ignore?: (element: Element) => boolean;
}

/**
 * Calls `onSettled` after the page's content changed and then stayed quiet for `debounceMs`, at most
 * once per `minIntervalMs`: new messages, comments and infinite-scroll pages are picked up without
 * doing work on every mutation. Only element additions and removals count (not attributes or text
 * ticking, such as relative times). Stops with the page view's signal.
 */
export function watchChanges(
  watch: BodyWatch,
  onSettled: () => void,
  { signal, debounceMs, minIntervalMs, ignore = () => false }: WatchOptions,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  let interval = minIntervalMs;

  const run = () => {
    timer = undefined;
    const wait = lastRun + interval - Date.now();
    if (wait > 0) {
      timer = setTimeout(run, wait);
      return;
    }
    lastRun = Date.now();
    const started = performance.now();
    onSettled();
    // A re-read of a long page costs more: space them so that reading stays a small share of the page's time.
    interval = Math.max(minIntervalMs, READ_SHARE_FACTOR * (performance.now() - started));
  };

  watch.subscribe((records) => {
    const counts = (nodes: NodeList) => hasElements(nodes, ignore);
    if (!records.some((record) => record.type === 'childList' && (counts(record.addedNodes) || counts(record.removedNodes)))) return;
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  }, signal);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

function hasElements(nodes: NodeList, ignore: (element: Element) => boolean): boolean {
  for (const node of nodes) if (node.nodeType === 1 && !ignore(node as Element)) return true;
  return false;
}
