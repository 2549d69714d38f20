import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../admin/authenticate';
import type { Db } from '../db/open';
import { clientAddress } from './client-address';
import type { AppEnv } from './env';
import { HttpError } from './errors';
import type { RateLimiter } from './rate-limit';

const BEARER = /^Bearer\s+(\S+)$/i;

export interface AuthLimiters {
  /** Per token: every authenticated request. */
  perToken: RateLimiter;
  /** Per client address: requests without a valid token, refused before any database lookup once spent. */
  failuresPerAddress: RateLimiter;
}

function tooMany(retryAfterSeconds: number, what: string): HttpError {
  return new HttpError(429, 'rate-limited', `${what}: retry in ${retryAfterSeconds} s`, undefined, { 'Retry-After': String(retryAfterSeconds) });
}

/** Resolves the bearer token to its agent and workspace, then charges the token's rate bucket. */
export function requireAgent(db: Db, limiters: AuthLimiters): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c);
    const spent = limiters.failuresPerAddress.peek(address);
    if (!spent.allowed) throw tooMany(spent.retryAfterSeconds, 'too many requests without a valid token from this address');
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const principal = match?.[1] ? await authenticate(db, match[1]) : undefined;
    if (!principal) {
      limiters.failuresPerAddress.take(address);
      throw new HttpError(401, 'unauthorized', match?.[1] ? 'token is unknown or revoked' : 'missing bearer token (Authorization: Bearer <token>)');
    }
    const verdict = limiters.perToken.take(principal.tokenId);
    if (!verdict.allowed) throw tooMany(verdict.retryAfterSeconds, 'too many requests');
    c.set('principal', principal);
    await next();
  };
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('principal').agent.role !== 'admin') throw new HttpError(403, 'forbidden', 'this needs an admin token');
  await next();
};
