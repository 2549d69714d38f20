import { Hono } from 'hono';
import { z } from 'zod';
import {
  auditQuerySchema,
  createAgentRequestSchema,
  type AgentsResponse,
  type AuditResponse,
  type CreateAgentResponse,
} from '@/lib/sync/wire';
import { createAgent, listAgents, listTokens, revokeAgent, revokeToken, type TokenInfo } from '../../admin/agents';
import type { Db } from '../../db/open';
import type { ChangeNotifier } from '../../realtime/notifier';
import type { PresenceBoard } from '../../realtime/presence-board';
import { announceRevocation } from '../../realtime/revocation';
import type { StreamRegistry } from '../../realtime/stream-registry';
import { auditTrail } from '../../sync/audit';
import { requireAdmin } from '../auth';
import type { AppEnv } from '../env';
import { HttpError } from '../errors';
import { parseJsonBody, parseQuery } from '../validate';

/** Admin only: each route checks the role itself, since middleware of a mounted app would reach its siblings. */
export function adminRoutes(deps: {
  db: Db;
  now: () => Date;
  notifier: ChangeNotifier;
  streams: StreamRegistry;
  presence: PresenceBoard;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes
    .get('/agents', requireAdmin, async (c) => c.json<AgentsResponse>({ agents: await listAgents(deps.db, c.get('principal').workspace.id) }))
    .post('/agents', requireAdmin, async (c) => {
      const body = await parseJsonBody(c, createAgentRequestSchema);
      const { agent, token } = await createAgent(deps.db, c.get('principal').workspace.id, body);
      return c.json<CreateAgentResponse>({ agent, token }, 201);
    })
    .delete('/agents/:id', requireAdmin, async (c) => {
      const { workspace, agent } = c.get('principal');
      const id = c.req.param('id');
      if (!z.uuid().safeParse(id).success) throw new HttpError(404, 'not-found', `no agent ${id} in this workspace`);
      if (id === agent.id) throw new HttpError(409, 'conflict', 'an admin cannot revoke their own token');
      const revoked = await revokeAgent(deps.db, workspace.id, id, deps.now());
      if (!revoked) throw new HttpError(404, 'not-found', `no agent ${id} in this workspace`);
      // Before answering: this process's streams of the agent are closed, the others are told.
      await announceRevocation({ workspaceId: workspace.id, agentId: id }, deps);
      return c.json({ agent: revoked });
    })
    .get('/agents/:id/tokens', requireAdmin, async (c) => {
      const id = c.req.param('id');
      const found = z.uuid().safeParse(id).success ? await listTokens(deps.db, c.get('principal').workspace.id, id) : undefined;
      if (!found) throw new HttpError(404, 'not-found', `no agent ${id} in this workspace`);
      return c.json<{ tokens: TokenInfo[] }>({ tokens: found });
    })
    .delete('/tokens/:id', requireAdmin, async (c) => {
      const { workspace, tokenId } = c.get('principal');
      const id = c.req.param('id');
      if (!z.uuid().safeParse(id).success) throw new HttpError(404, 'not-found', `no token ${id} in this workspace`);
      if (id === tokenId) throw new HttpError(409, 'conflict', 'an admin cannot revoke the token they are using');
      const revoked = await revokeToken(deps.db, workspace.id, id, deps.now());
      if (!revoked) throw new HttpError(404, 'not-found', `no token ${id} in this workspace`);
      // Before answering: this process's streams of the token are closed, the others are told.
      await announceRevocation({ workspaceId: workspace.id, agentId: revoked.agentId, tokenId: revoked.id }, deps);
      return c.json<{ token: TokenInfo }>({ token: revoked });
    })
    .get('/audit', requireAdmin, async (c) => {
      const { limit } = parseQuery(c, auditQuerySchema);
      return c.json<AuditResponse>({ entries: await auditTrail(deps.db, c.get('principal').workspace.id, limit) });
    });
  return routes;
}
