import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../admin/authenticate';
import type { Db } from '../db/open';
import type { AppEnv } from './env';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Resolves the bearer token to its agent and workspace, then charges the token's rate bucket. */
export function requireAgent(db: Db, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    if (!match?.[1]) throw new HttpError(401, 'unauthorized', 'missing bearer token (Authorization: Bearer <token>)');
    const principal = await authenticate(db, match[1]);
    if (!principal) throw new HttpError(401, 'unauthorized', 'token is unknown or revoked');
    const verdict = limiter.take(principal.tokenId);
    if (!verdict.allowed) {
      throw new HttpError(429, 'rate-limited', `too many requests: retry in ${verdict.retryAfterSeconds} s`, undefined, {
        'Retry-After': String(verdict.retryAfterSeconds),
      });
    }
    c.set('principal', principal);
    await next();
  };
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('principal').agent.role !== 'admin') throw new HttpError(403, 'forbidden', 'this needs an admin token');
  await next();
};
