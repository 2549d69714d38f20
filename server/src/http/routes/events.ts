import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { PRESENCE_TTL_MS, presenceRequestSchema, type PresenceEventData } from '@/lib/sync/wire';
import type { ChangeNotifier, ServerEvent } from '../../realtime/notifier';
import type { PresenceBoard } from '../../realtime/presence-board';
import type { AppEnv } from '../env';
import { parseJsonBody } from '../validate';

export interface RealtimeOptions {
  pingIntervalMs: number;
  presenceTtlMs: number;
}

export const DEFAULT_REALTIME: RealtimeOptions = { pingIntervalMs: 25_000, presenceTtlMs: PRESENCE_TTL_MS };

export function eventRoutes(deps: {
  notifier: ChangeNotifier;
  presence: PresenceBoard;
  now: () => Date;
  realtime: RealtimeOptions;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes
    .get('/events', (c) => {
      const workspaceId = c.get('principal').workspace.id;
      return streamSSE(c, async (stream) => {
        const send = (event: ServerEvent): void => {
          const data = event.type === 'change' ? { version: event.version } : event.presence;
          stream.writeSSE({ event: event.type, data: JSON.stringify(data) }).catch(() => stream.abort());
        };
        for (const presence of deps.presence.current(workspaceId)) send({ type: 'presence', workspaceId, presence });
        const unsubscribe = deps.notifier.subscribe((event) => {
          if (event.workspaceId === workspaceId) send(event);
        });
        const ping = setInterval(() => {
          stream.write(': ping\n\n').catch(() => stream.abort());
        }, deps.realtime.pingIntervalMs);
        try {
          await new Promise<void>((resolve) => {
            if (stream.aborted || c.req.raw.signal.aborted) resolve();
            stream.onAbort(resolve);
            c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true });
          });
        } finally {
          clearInterval(ping);
          unsubscribe();
        }
      });
    })
    .post('/presence', async (c) => {
      const body = await parseJsonBody(c, presenceRequestSchema);
      const { workspace, agent } = c.get('principal');
      const now = deps.now().getTime();
      // Leaving is told as a presence that has already expired: every board drops it on sight.
      const presence: PresenceEventData = {
        agentId: agent.id,
        agentName: agent.name,
        conversationKey: body.conversationKey,
        activity: body.activity === 'left' ? 'viewing' : body.activity,
        expiresAt: new Date(body.activity === 'left' ? now : now + deps.realtime.presenceTtlMs).toISOString(),
      };
      await deps.notifier.publish({ type: 'presence', workspaceId: workspace.id, presence });
      return c.body(null, 204);
    });
  return routes;
}
