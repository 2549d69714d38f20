/** Revoking one token (not its agent): API and CLI, on PGlite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAgent, createApp, createDatabaseNotifier, createWorkspace, openServerDatabase } from '@/server/src/app';
import type { ChangeNotifier, ServerDatabase } from '@/server/src/app';
import { generateToken, hashToken } from '@/server/src/admin/tokens';
import { runCommand } from '@/server/src/cli/commands';
import { tokens } from '@/server/src/db/schema';
import { silentLogger } from '@/server/src/log';
import { clientFor } from './support/client';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';
import { readSse } from './support/sse';

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the token revocation suite');

const tokenInfoSchema = z.object({ id: z.uuid(), agentId: z.uuid(), createdAt: z.iso.datetime(), revokedAt: z.iso.datetime().nullable() }).strict();
const tokenListSchema = z.object({ tokens: z.array(tokenInfoSchema) }).strict();
const revokedSchema = z.object({ token: tokenInfoSchema }).strict();

const targets = [
  { name: 'PGlite', available: true, postgres: false },
  { name: 'PostgreSQL', available: postgresUser !== undefined, postgres: true },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`token revocation on ${target.name}`, () => {
    let database!: ServerDatabase;
    let notifier!: ChangeNotifier;
    let api!: ReturnType<typeof clientFor>;
    let cleanup!: () => Promise<void>;

    beforeAll(async () => {
      const testDatabase = target.postgres ? await createTestDatabase(postgresUser!) : undefined;
      database = await openServerDatabase(testDatabase ? { databaseUrl: testDatabase.url } : {});
      notifier = await createDatabaseNotifier(database);
      api = clientFor(createApp({ db: database, notifier, logger: silentLogger, realtime: { pingIntervalMs: 60_000 } }));
      cleanup = async () => {
        await notifier.close();
        await database.close();
        await testDatabase?.drop();
      };
    });
    afterAll(async () => cleanup());

    /** Bo with two tokens: the one createAgent made and a second, as a second device would hold. */
    async function teamWithTwoTokens() {
      const admin = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      const bo = await createAgent(database.db, admin.workspace.id, { name: 'Bo', role: 'agent' });
      const secondToken = generateToken();
      const secondId = randomUUID();
      await database.db.insert(tokens).values({ id: secondId, workspaceId: admin.workspace.id, agentId: bo.agent.id, tokenHash: hashToken(secondToken) });
      return { admin, bo, second: { token: secondToken, id: secondId } };
    }

    it('an admin revokes one token by id: its stream closes within a second, the agent’s other token keeps working', async () => {
      const { admin, bo, second } = await teamWithTwoTokens();
      const listed = tokenListSchema.parse(await (await api.call(`/v1/agents/${bo.agent.id}/tokens`, { token: admin.token })).json());
      expect(listed.tokens.map((token) => token.id).sort()).toEqual([bo.tokenId, second.id].sort());
      expect(listed.tokens.every((token) => token.revokedAt === null && token.agentId === bo.agent.id)).toBe(true);

      const stop = new AbortController();
      try {
        const revokedStream = readSse((await api.call('/v1/events', { token: bo.token, signal: stop.signal })).body!);
        const otherStream = readSse((await api.call('/v1/events', { token: second.token, signal: stop.signal })).body!);
        const revokedAt = performance.now();
        const answer = await api.call(`/v1/tokens/${bo.tokenId}`, { method: 'DELETE', token: admin.token });
        expect(answer.status).toBe(200);
        expect(revokedSchema.parse(await answer.json()).token).toMatchObject({ id: bo.tokenId, agentId: bo.agent.id });
        await Promise.race([revokedStream.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 1 s')), 1000))]);
        expect(performance.now() - revokedAt).toBeLessThan(1000);

        expect((await api.call('/v1/me', { token: bo.token })).status).toBe(401);
        expect((await api.call('/v1/me', { token: second.token })).status).toBe(200);
        const stillOpen = await Promise.race([otherStream.closed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 300))]);
        expect(stillOpen, 'the other token’s stream stays open').toBe(true);
        const after = tokenListSchema.parse(await (await api.call(`/v1/agents/${bo.agent.id}/tokens`, { token: admin.token })).json());
        expect(after.tokens.find((token) => token.id === bo.tokenId)?.revokedAt).not.toBeNull();
        expect(after.tokens.find((token) => token.id === second.id)?.revokedAt).toBeNull();
        // Revoking it again answers the same revoked token.
        expect((await api.call(`/v1/tokens/${bo.tokenId}`, { method: 'DELETE', token: admin.token })).status).toBe(200);
      } finally {
        stop.abort();
      }
    });

    it('refuses a non-admin (403), an unknown or another workspace’s token (404), and the admin’s own token (409)', async () => {
      const { admin, bo, second } = await teamWithTwoTokens();
      const other = await createWorkspace(database.db, { name: 'Other', adminName: 'Oz' });
      const refusal = async (path: string, token: string, method = 'DELETE') => {
        const response = await api.call(path, { method, token });
        return { status: response.status, code: (await api.error(response)).code };
      };
      expect(await refusal(`/v1/tokens/${second.id}`, bo.token)).toEqual({ status: 403, code: 'forbidden' });
      expect(await refusal(`/v1/agents/${bo.agent.id}/tokens`, bo.token, 'GET')).toEqual({ status: 403, code: 'forbidden' });
      expect(await refusal(`/v1/tokens/${randomUUID()}`, admin.token)).toEqual({ status: 404, code: 'not-found' });
      expect(await refusal('/v1/tokens/not-a-uuid', admin.token)).toEqual({ status: 404, code: 'not-found' });
      expect(await refusal(`/v1/tokens/${second.id}`, other.token)).toEqual({ status: 404, code: 'not-found' });
      expect(await refusal(`/v1/agents/${bo.agent.id}/tokens`, other.token, 'GET')).toEqual({ status: 404, code: 'not-found' });
      expect(await refusal(`/v1/tokens/${admin.tokenId}`, admin.token)).toEqual({ status: 409, code: 'conflict' });
      expect((await api.call('/v1/me', { token: second.token })).status).toBe(200);
    });

    it('the CLI revokes one token by id and says what running servers do', async () => {
      const { admin, bo, second } = await teamWithTwoTokens();
      const output: string[] = [];
      expect(await runCommand(database, ['revoke-token', admin.workspace.id, second.id], (line) => output.push(line))).toBe(0);
      expect(output[0]).toMatch(new RegExp(`^token ${second.id} \\(agent ${bo.agent.id}\\) revoked at \\d{4}-`));
      expect(output[1]).toMatch(target.postgres ? /^Running servers on this database close the revoked event streams now/ : /^No server can be running/);
      expect((await api.call('/v1/me', { token: second.token })).status).toBe(401);
      expect((await api.call('/v1/me', { token: bo.token })).status).toBe(200);
      output.length = 0;
      expect(await runCommand(database, ['revoke-token', randomUUID(), second.id], (line) => output.push(line))).toBe(2);
      expect(output.join('\n')).toMatch(/error: no token .* in workspace/);
    });
  });
}

