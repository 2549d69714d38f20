import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { MAX_EVENT_STREAMS_PER_TOKEN, PRESENCE_TTL_MS, presenceRequestSchema, type PresenceEventData } from '@/lib/sync/wire';
import type { ChangeNotifier, ServerEvent } from '../../realtime/notifier';
import type { PresenceBoard } from '../../realtime/presence-board';
import type { OpenStream, StreamRegistry } from '../../realtime/stream-registry';
import type { AppEnv } from '../env';
import { HttpError } from '../errors';
import { parseJsonBody } from '../validate';

export interface RealtimeOptions {
  pingIntervalMs: number;
  presenceTtlMs: number;
  maxStreamsPerToken: number;
}

export const DEFAULT_REALTIME: RealtimeOptions = {
  pingIntervalMs: 25_000,
  presenceTtlMs: PRESENCE_TTL_MS,
  maxStreamsPerToken: MAX_EVENT_STREAMS_PER_TOKEN,
};

export function eventRoutes(deps: {
  notifier: ChangeNotifier;
  presence: PresenceBoard;
  streams: StreamRegistry;
  /** Whether the token is still live: checked at every ping, behind the revocation notifications. */
  stillAuthorized: (tokenId: string) => Promise<boolean>;
  now: () => Date;
  realtime: RealtimeOptions;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes
    .get('/events', (c) => {
      const { workspace, agent, tokenId } = c.get('principal');
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      let delivering = true;
      const handle: OpenStream = {
        tokenId,
        agentId: agent.id,
        workspaceId: workspace.id,
        close() {
          delivering = false;
          finish();
        },
      };
      if (!deps.streams.add(handle)) {
        throw new HttpError(
          429,
          'too-many-streams',
          `this token already has ${deps.realtime.maxStreamsPerToken} open event streams (the most allowed); close one first`,
          undefined,
          { 'Retry-After': '30' },
        );
      }
      return streamSSE(c, async (stream) => {
        const send = (event: ServerEvent): void => {
          if (!delivering || event.type === 'revoked') return;
          const data = event.type === 'change' ? { version: event.version } : event.presence;
          stream.writeSSE({ event: event.type, data: JSON.stringify(data) }).catch(() => handle.close());
        };
        // What this subscriber has been told of each teammate, so that a teammate's revocation can take it back.
        const shown = new Map<string, Map<string, PresenceEventData>>();
        const unsubscribe = deps.notifier.subscribe((event) => {
          if (event.workspaceId !== workspace.id) return;
          if (event.type === 'revoked') {
            if (event.agentId === agent.id && (event.tokenId === undefined || event.tokenId === tokenId)) return handle.close();
            if (event.tokenId !== undefined) return;
            const now = deps.now().toISOString();
            for (const presence of shown.get(event.agentId)?.values() ?? []) {
              send({ type: 'presence', workspaceId: workspace.id, presence: { ...presence, expiresAt: now } });
            }
            shown.delete(event.agentId);
            return;
          }
          if (event.type === 'presence') {
            const byKey = shown.get(event.presence.agentId) ?? new Map<string, PresenceEventData>();
            byKey.set(event.presence.conversationKey, event.presence);
            shown.set(event.presence.agentId, byKey);
          }
          send(event);
        });
        for (const presence of deps.presence.current(workspace.id)) {
          shown.set(presence.agentId, (shown.get(presence.agentId) ?? new Map<string, PresenceEventData>()).set(presence.conversationKey, presence));
          send({ type: 'presence', workspaceId: workspace.id, presence });
        }
        const ping = setInterval(() => {
          void deps.stillAuthorized(tokenId).then(
            (live) => (live ? (delivering ? stream.write(': ping\n\n').catch(() => handle.close()) : undefined) : handle.close()),
            () => undefined,
          );
        }, deps.realtime.pingIntervalMs);
        try {
          if (stream.aborted || c.req.raw.signal.aborted) handle.close();
          stream.onAbort(() => handle.close());
          c.req.raw.signal.addEventListener('abort', () => handle.close(), { once: true });
          await finished;
        } finally {
          delivering = false;
          clearInterval(ping);
          unsubscribe();
          deps.streams.remove(handle);
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
