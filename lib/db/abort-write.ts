import type { WriteTransaction } from './write';

/**
 * Rolls back a write transaction after a failure in the caller's own code. IndexedDB would
 * otherwise commit what was written so far as soon as no request is pending.
 */
export function abortWrite(tx: WriteTransaction): void {
  tx.done.catch(() => undefined); // the caller reports the failure that made it abort
  try {
    tx.abort();
  } catch {
    // Already aborted, by the failed request itself.
  }
}
