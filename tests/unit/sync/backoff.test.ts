import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffDelay, retryDelay } from '@/lib/sync/backoff';
import { SyncError, parseRetryAfter } from '@/lib/sync/errors';

const policy = { baseMs: 1000, maxMs: 60_000, factor: 2, maxRetryAfterMs: 3_600_000 };

describe('backoff', () => {
  it('doubles per consecutive failure up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 7, 8, 20].map((failures) => backoffDelay(failures, () => 1, policy));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('jitters between half the delay and the whole of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - 1));
        const delay = backoffDelay(failures, () => r, policy);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect(backoffDelay(3, () => 0, policy)).not.toBe(backoffDelay(3, () => 0.99, policy));
  });

  it('honours Retry-After over the computed delay, within a sane limit', () => {
    const limited = new SyncError('rate-limited', 'slow down', { retryAfterMs: 120_000 });
    expect(retryDelay(limited, 1, () => 0.5, policy)).toBe(120_000);
    const absurd = new SyncError('rate-limited', 'slow down', { retryAfterMs: 10 * 24 * 3_600_000 });
    expect(retryDelay(absurd, 1, () => 0.5, policy)).toBe(3_600_000);
    expect(retryDelay(new SyncError('rate-limited', 'no header'), 2, () => 1, policy)).toBe(2000);
  });

  it('does not retry a refused token by itself', () => {
    expect(retryDelay(new SyncError('unauthorized', 'revoked'), 1, () => 0.5)).toBeNull();
    expect(retryDelay(new SyncError('forbidden', 'not admin'), 1, () => 0.5)).toBeNull();
    expect(retryDelay(new SyncError('offline', 'down'), 1, () => 0.5)).toBe(DEFAULT_BACKOFF.baseMs * 0.75);
  });

  it('parses Retry-After as seconds or an HTTP date, ignoring junk', () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
