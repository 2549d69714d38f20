import { Hono } from 'hono';
import { pullQuerySchema, pushEnvelopeSchema, type PushRefusedBody, type PushResponse } from '@/lib/sync/wire';
import type { Db } from '../../db/open';
import type { ChangeAnnouncer } from '../../realtime/change-announcer';
import { pullPage, pullResponseBody } from '../../sync/pull';
import { currentVersion, hasValidMutation, judgePush, rejectedOnly } from '../../sync/push';
import type { PushQueue } from '../../sync/push-queue';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { parseJsonBody, parseQuery } from '../validate';

export function syncRoutes(deps: { db: Db; pushes: PushQueue; announcer: ChangeAnnouncer; now: () => Date }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes
    .post('/push', async (c) => {
      const body = await parseJsonBody(c, pushEnvelopeSchema);
      const { workspace, agent } = c.get('principal');
      const judged = judgePush({ workspaceId: workspace.id, agentId: agent.id, now: deps.now() }, body.mutations);
      const outcome = hasValidMutation(judged)
        ? await deps.pushes.push(workspace.id, judged)
        : rejectedOnly(judged, await currentVersion(deps.db, workspace.id));
      // After the commit, so that subscribers who pull on this event find the new versions.
      if (outcome.versionChanged) deps.announcer.announce(workspace.id, outcome.version);
      const answer: PushResponse = { results: outcome.results, version: outcome.version, serverTime: deps.now().getTime() };
      const rejected = outcome.results.filter((result) => result.status === 'rejected');
      c.set('rejectedMutations', rejected.length);
      if (rejected.length === outcome.results.length) {
        // Nothing in the batch could be stored: a 400 that still answers per mutation.
        const { error } = errorBody(
          'bad-request',
          `every mutation was rejected (${rejected.length})`,
          rejected.map((result) => `${result.mutationId || '(no valid id)'} ${result.path || '(root)'}: ${result.reason}: ${result.message}`),
        );
        return c.json<PushRefusedBody>({ error, ...answer }, 400);
      }
      return c.json<PushResponse>(answer);
    })
    .get('/pull', async (c) => {
      const query = parseQuery(c, pullQuerySchema);
      const page = await pullPage(deps.db, c.get('principal').workspace.id, query);
      return c.body(pullResponseBody(page, deps.now().getTime()), 200, { 'Content-Type': 'application/json' });
    });
  return routes;
}
