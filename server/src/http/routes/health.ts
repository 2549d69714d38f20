import { Hono } from 'hono';
import type { ServerDatabase } from '../../db/open';
import { HttpError } from '../errors';

/** How long a readiness answer is reused, so that probing /readyz in a loop costs the database little. */
const READY_CACHE_MS = 1000;

/**
 * Unauthenticated and cheap: /healthz says the process answers; /readyz that the database answers and
 * has every migration applied (503 otherwise, and while the server drains for shutdown).
 */
export function healthRoutes(deps: { database: ServerDatabase; draining: () => boolean; now: () => Date }): Hono {
  let cached: { at: number; ready: boolean; detail: string; migrations: number } | undefined;

  async function check() {
    const at = performance.now();
    if (cached && at - cached.at < READY_CACHE_MS) return cached;
    try {
      const state = await deps.database.migrationState();
      cached = {
        at,
        ready: state.applied >= state.expected,
        detail: `${state.applied} of ${state.expected} migrations applied`,
        migrations: state.applied,
      };
    } catch {
      cached = { at, ready: false, detail: 'the database does not answer', migrations: 0 };
    }
    return cached;
  }

  const routes = new Hono();
  routes
    .get('/healthz', (c) => c.json({ status: 'ok', serverTime: deps.now().getTime() }))
    .get('/readyz', async (c) => {
      if (deps.draining()) throw new HttpError(503, 'unavailable', 'the server is shutting down');
      const state = await check();
      if (!state.ready) throw new HttpError(503, 'unavailable', `not ready: ${state.detail}`);
      return c.json({ status: 'ready', database: deps.database.kind, migrations: state.migrations });
    });
  return routes;
}
