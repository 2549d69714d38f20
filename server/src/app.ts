import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { MeResponse } from '@/lib/sync/wire';
import { tokenIsLive } from './admin/authenticate';
import { requireAgent } from './http/auth';
import type { AppEnv } from './http/env';
import { HttpError, sendError } from './http/errors';
import { extensionCors, refuseForeignOrigins } from './http/origin';
import { createRateLimiter, type RateLimitOptions } from './http/rate-limit';
import { requestLog, routeOf } from './http/request-log';
import { adminRoutes } from './http/routes/admin';
import { DEFAULT_REALTIME, eventRoutes, type RealtimeOptions } from './http/routes/events';
import { healthRoutes } from './http/routes/health';
import { syncRoutes } from './http/routes/sync';
import type { ServerDatabase } from './db/open';
import { createJsonLogger, describeError, type Logger } from './log';
import { createChangeAnnouncer, type ChangeAnnouncer } from './realtime/change-announcer';
import type { ChangeNotifier } from './realtime/notifier';
import { createPresenceBoard } from './realtime/presence-board';
import { listenForRevocations } from './realtime/revocation';
import { createStreamRegistry, type StreamRegistry } from './realtime/stream-registry';
import { mergePushes } from './sync/push';
import { createPushQueue } from './sync/push-queue';

export { openServerDatabase, type ServerDatabase } from './db/open';
export { createDatabaseNotifier, createLocalNotifier, type ChangeNotifier } from './realtime/notifier';
export { createWorkspace, createAgent, revokeAgent } from './admin/agents';

export interface AppLimits {
  /** Largest request body accepted; larger gets 413. */
  maxBodyBytes: number;
  /** Per-token token bucket. */
  rate: RateLimitOptions;
  /** Per client address, for requests without a valid token. */
  failedAuth: RateLimitOptions;
}

export const DEFAULT_LIMITS: AppLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  rate: { burst: 60, perSecond: 20 },
  failedAuth: { burst: 20, perSecond: 1 },
};

/** The most mutations one group commit carries (pushes waiting beyond it go into the next transaction). */
const MAX_MUTATIONS_PER_TRANSACTION = 5000;

export interface AppDeps {
  db: ServerDatabase;
  notifier: ChangeNotifier;
  now?: () => Date;
  limits?: Partial<AppLimits>;
  realtime?: Partial<RealtimeOptions>;
  logger?: Logger;
}

/** The app and what the process around it needs for a clean shutdown. */
export interface ReplylineServer {
  app: Hono;
  streams: StreamRegistry;
  announcer: ChangeAnnouncer;
  /** Refuses /readyz from now on and ends every event stream; in-flight requests finish. */
  drain(): void;
  stop(): void;
}

/** The /v1 API. Stateless apart from rate buckets, the presence board and open streams: processes share only the database. */
export function createServer(deps: AppDeps): ReplylineServer {
  const now = deps.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const realtime = { ...DEFAULT_REALTIME, ...deps.realtime };
  const logger = deps.logger ?? createJsonLogger();
  const db = deps.db.db;
  const presence = createPresenceBoard(deps.notifier, now);
  const streams = createStreamRegistry(realtime.maxStreamsPerToken);
  const stopListening = listenForRevocations({ notifier: deps.notifier, streams, presence });
  const announcer = createChangeAnnouncer(deps.notifier, (error) => logger.log('error', 'change-notification-failed', describeError(error)));
  const clock = () => now().getTime();
  const limiters = { perToken: createRateLimiter(limits.rate, clock), failuresPerAddress: createRateLimiter(limits.failedAuth, clock) };
  const pushes = createPushQueue((workspaceId, judged) => mergePushes(db, workspaceId, judged), { maxMutations: MAX_MUTATIONS_PER_TRANSACTION });
  let draining = false;

  const v1 = new Hono<AppEnv>()
    .use(requireAgent(db, limiters))
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
    .route('/sync', syncRoutes({ db, pushes, announcer, now }))
    .route('/', eventRoutes({ notifier: deps.notifier, presence, streams, stillAuthorized: (id) => tokenIsLive(db, id), now, realtime }))
    .route('/', adminRoutes({ db, now, notifier: deps.notifier, streams, presence }));

  const app = new Hono();
  app.use(requestLog(logger), refuseForeignOrigins, extensionCors);
  app.route('/', healthRoutes({ database: deps.db, draining: () => draining, now }));
  app.route('/v1', v1);
  app.notFound((c) => sendError(c, new HttpError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof HttpError) return sendError(c, error);
    logger.log('error', 'unexpected-error', { requestId: c.get('requestId'), method: c.req.method, route: routeOf(c), ...describeError(error) });
    return sendError(c, new HttpError(500, 'internal', 'internal server error; the details are in the server log'));
  });
  return {
    app,
    streams,
    announcer,
    drain() {
      draining = true;
      streams.closeWhere(() => true);
    },
    stop() {
      stopListening();
      presence.stop();
    },
  };
}

/** The app alone, for tests and tools that run it in-process. */
export function createApp(deps: AppDeps): Hono {
  return createServer(deps).app;
}
