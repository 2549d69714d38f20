import { Hono } from 'hono';
import { pullQuerySchema, pushRequestSchema, type PullResponse, type PushResponse } from '@/lib/sync/wire';
import type { Db } from '../../db/open';
import type { ChangeNotifier } from '../../realtime/notifier';
import { pullChanges } from '../../sync/pull';
import { pushMutations } from '../../sync/push';
import type { AppEnv } from '../env';
import { parseJsonBody, parseQuery } from '../validate';

export function syncRoutes(deps: { db: Db; notifier: ChangeNotifier; now: () => Date }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes
    .post('/push', async (c) => {
      const body = await parseJsonBody(c, pushRequestSchema);
      const { workspace, agent } = c.get('principal');
      const result = await pushMutations(deps.db, { workspaceId: workspace.id, agentId: agent.id, now: deps.now() }, body.mutations);
      if (result.versionChanged) {
        // After the commit, so that subscribers who pull on this event find the new versions; not awaited,
        // since the push is done whether or not the notification goes out.
        deps.notifier
          .publish({ type: 'change', workspaceId: workspace.id, version: result.version })
          .catch((error: unknown) => console.error('replyline: change notification failed', error));
      }
      return c.json<PushResponse>({ accepted: result.accepted, version: result.version });
    })
    .get('/pull', async (c) => {
      const query = parseQuery(c, pullQuerySchema);
      return c.json<PullResponse>(await pullChanges(deps.db, c.get('principal').workspace.id, query));
    });
  return routes;
}
