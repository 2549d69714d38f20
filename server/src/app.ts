import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { MeResponse } from '@/lib/sync/wire';
import { requireAgent } from './http/auth';
import type { AppEnv } from './http/env';
import { HttpError, sendError } from './http/errors';
import { extensionCors, refuseForeignOrigins } from './http/origin';
import { createRateLimiter, type RateLimitOptions } from './http/rate-limit';
import { adminRoutes } from './http/routes/admin';
import { DEFAULT_REALTIME, eventRoutes, type RealtimeOptions } from './http/routes/events';
import { syncRoutes } from './http/routes/sync';
import type { ServerDatabase } from './db/open';
import type { ChangeNotifier } from './realtime/notifier';
import { createPresenceBoard } from './realtime/presence-board';

export { openServerDatabase, type ServerDatabase } from './db/open';
export { createDatabaseNotifier, createLocalNotifier, type ChangeNotifier } from './realtime/notifier';
export { createWorkspace, createAgent, revokeAgent } from './admin/agents';

export interface AppLimits {
  /** Largest request body accepted; larger gets 413. */
  maxBodyBytes: number;
  /** Per-token token bucket. */
  rate: RateLimitOptions;
}

export const DEFAULT_LIMITS: AppLimits = { maxBodyBytes: 4 * 1024 * 1024, rate: { burst: 60, perSecond: 20 } };

export interface AppDeps {
  db: ServerDatabase;
  notifier: ChangeNotifier;
  now?: () => Date;
  limits?: Partial<AppLimits>;
  realtime?: Partial<RealtimeOptions>;
}

/** The /v1 API. Stateless apart from rate buckets and the presence board: processes share only the database. */
export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const realtime = { ...DEFAULT_REALTIME, ...deps.realtime };
  const db = deps.db.db;
  const presence = createPresenceBoard(deps.notifier, now);
  const limiter = createRateLimiter(limits.rate, () => now().getTime());

  const v1 = new Hono<AppEnv>()
    .use(requireAgent(db, limiter))
    .use(
      bodyLimit({
        maxSize: limits.maxBodyBytes,
        onError: () => {
          throw new HttpError(413, 'too-large', `request body is larger than ${limits.maxBodyBytes} bytes; send smaller batches`);
        },
      }),
    )
    .get('/me', (c) => {
      const { workspace, agent } = c.get('principal');
      return c.json<MeResponse>({ workspace, agent, serverTime: now().toISOString() });
    })
    .route('/sync', syncRoutes({ db, notifier: deps.notifier, now }))
    .route('/', eventRoutes({ notifier: deps.notifier, presence, now, realtime }))
    .route('/', adminRoutes({ db, now }));

  const app = new Hono();
  app.use(refuseForeignOrigins, extensionCors);
  app.route('/v1', v1);
  app.notFound((c) => sendError(c, new HttpError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof HttpError) return sendError(c, error);
    console.error(`replyline: ${c.req.method} ${c.req.path} failed`, error);
    return sendError(c, new HttpError(500, 'internal', 'internal server error; the details are in the server log'));
  });
  return app;
}
