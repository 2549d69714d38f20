import { needsPersonToAct, type SyncError } from './errors';

export interface BackoffPolicy {
  /** The delay after the first failure, before jitter. */
  baseMs: number;
  /** No delay is longer than this, before jitter. */
  maxMs: number;
  factor: number;
  /** A server's Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 5_000,
  maxMs: 10 * 60_000,
  factor: 2,
  maxRetryAfterMs: 60 * 60_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so that replicas
 * that failed together do not retry together, and the UI can still promise "at least half of it".
 * `failures` counts consecutive failures, the one that just happened included (1 for the first).
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How long to wait before the next automatic attempt after `error`; null when only the person can
 * fix it (a revoked or wrong token). A Retry-After from the server wins over the computed delay.
 */
export function retryDelay(
  error: SyncError,
  failures: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number | null {
  if (needsPersonToAct(error.kind)) return null;
  if (error.kind === 'rate-limited' && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  return backoffDelay(failures, random, policy);
}
