/**
 * Token buckets in memory, one per key (a token id, or a client address for failed sign-ins): `burst` requests at once, refilled at `perSecond`.
 * Per process: with several processes behind a balancer each allows its own rate.
 */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends one request from `key`'s bucket. */
  take(key: string): RateVerdict;
  /** Whether `take` would be allowed, spending nothing. */
  peek(key: string): RateVerdict;
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

  function level(key: string, at: number): number {
    const bucket = buckets.get(key) ?? { tokens: options.burst, at };
    return Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
  }
  const refused = (tokens: number): RateVerdict => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / options.perSecond)) });

  return {
    take(key) {
      const at = now();
      if (++takes % PRUNE_EVERY === 0) prune(at);
      const tokens = level(key, at);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return refused(tokens);
      }
      buckets.set(key, { tokens: tokens - 1, at });
      return { allowed: true };
    },
    peek(key) {
      const tokens = level(key, now());
      return tokens < 1 ? refused(tokens) : { allowed: true };
    },
  };
}
