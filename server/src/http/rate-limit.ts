/**
 * Token buckets in memory, one per key (a token id): `burst` requests at once, refilled at `perSecond`.
 * Per process: with several processes behind a balancer each allows its own rate.
 */
export interface RateLimiter {
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export interface RateLimitOptions {
  burst: number;
  perSecond: number;
}

const PRUNE_EVERY = 1000;

export function createRateLimiter(options: RateLimitOptions, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let takes = 0;

  function prune(at: number): void {
    const fullAfterMs = (options.burst / options.perSecond) * 1000;
    for (const [key, bucket] of buckets) if (at - bucket.at > fullAfterMs) buckets.delete(key);
  }

  return {
    take(key) {
      const at = now();
      if (++takes % PRUNE_EVERY === 0) prune(at);
      const bucket = buckets.get(key) ?? { tokens: options.burst, at };
      const tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / options.perSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, at });
      return { allowed: true };
    },
  };
}
