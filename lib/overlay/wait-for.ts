export interface WaitOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** At most one check per this many ms while the page mutates. */
  throttleMs?: number;
}

/**
 * Resolves true as soon as `isReady()` holds, false on timeout or abort. Checks once at once, then
 * at most once per `throttleMs` while the page changes: a heavy SPA mutates constantly, and the
 * check must not run on every mutation.
 */
export function waitFor(root: Node, isReady: () => boolean, { signal, timeoutMs, throttleMs = 50 }: WaitOptions): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (isReady()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: boolean) => {
      observer.disconnect();
      clearTimeout(pending);
      clearTimeout(deadline);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const check = () => {
      pending = undefined;
      if (isReady()) finish(true);
    };
    const observer = new MutationObserver(() => {
      pending ??= setTimeout(check, throttleMs);
    });
    const onAbort = () => finish(false);
    const deadline = setTimeout(() => finish(isReady()), timeoutMs);
    signal.addEventListener('abort', onAbort);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}
