import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentsResponseSchema,
  auditResponseSchema,
  createAgentResponseSchema,
  errorBodySchema,
  meResponseSchema,
  presenceEventDataSchema,
  pushResponseSchema,
} from '@/lib/sync/wire';
import { createJsonLogger, silentLogger } from '@/server/src/log';
import { createApp, createAgent, createDatabaseNotifier, createWorkspace, openServerDatabase } from '@/server/src/app';
import type { ChangeNotifier, ServerDatabase } from '@/server/src/app';
import { runCommand } from '@/server/src/cli/commands';
import { clientFor } from './support/client';
import { mutation, newNote, stamp } from './support/mutations';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';
import { isEvent, readSse } from './support/sse';

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the API suite');

interface Target {
  name: string;
  available: boolean;
  open(): Promise<{ database: ServerDatabase; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'PGlite (embedded)',
    available: true,
    async open() {
      const database = await openServerDatabase({});
      return { database, cleanup: () => database.close() };
    },
  },
  {
    name: 'PostgreSQL (127.0.0.1:5432)',
    available: postgresUser !== undefined,
    async open() {
      const testDatabase = await createTestDatabase(postgresUser!);
      const database = await openServerDatabase({ databaseUrl: testDatabase.url });
      return {
        database,
        async cleanup() {
          await database.close();
          await testDatabase.drop();
        },
      };
    },
  },
];

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const VIP_CONTACT = '00000000-0000-4000-8000-00000000000a';
const TIE_LOW = '00000000-0000-4000-8000-000000000001';
const TIE_HIGH = '00000000-0000-4000-8000-000000000002';

for (const target of targets) {
  describe.skipIf(!target.available)(`API on ${target.name}`, () => {
    let database!: ServerDatabase;
    let notifier!: ChangeNotifier;
    let api!: ReturnType<typeof clientFor>;
    let cleanup!: () => Promise<void>;

    beforeAll(async () => {
      const opened = await target.open();
      database = opened.database;
      notifier = await createDatabaseNotifier(database);
      api = clientFor(createApp({ db: database, notifier, realtime: { pingIntervalMs: 200 }, logger: silentLogger }));
      cleanup = async () => {
        await notifier.close();
        await opened.cleanup();
      };
    });
    afterAll(async () => cleanup());

    /** Each test works in its own workspace, so tests share one database without seeing each other. */
    async function newWorkspace(name = 'Acme') {
      const created = await createWorkspace(database.db, { name, adminName: 'Ann' });
      return { id: created.workspace.id, token: created.token, agentId: created.agent.id };
    }

    describe('identity', () => {
      it('GET /v1/me names the token’s workspace and agent', async () => {
        const workspace = await newWorkspace('Northwind care');
        const response = await api.call('/v1/me', { token: workspace.token });
        expect(response.status).toBe(200);
        const me = meResponseSchema.parse(await response.json());
        expect(me.workspace).toEqual({ id: workspace.id, name: 'Northwind care' });
        expect(me.agent).toEqual({ id: workspace.agentId, name: 'Ann', role: 'admin' });
      });
    });

    describe('push and pull', () => {
      it('round-trips notes: pull returns each record’s merged state with id and updatedAt, in version order', async () => {
        const { token } = await newWorkspace();
        const notes = [newNote('first', stamp(T0, 'a')), newNote('second', stamp(T0 + 1, 'a')), newNote('third', stamp(T0 + 2, 'a'))];
        const pushed = await api.push(token, notes);
        expect(pushed).toMatchObject({ results: notes.map((n) => ({ mutationId: n.mutationId, status: 'applied' })), version: 3 });
        expect(Math.abs(pushed.serverTime - Date.now())).toBeLessThan(60_000);

        const pulled = await api.pull(token);
        expect(pulled.hasMore).toBe(false);
        expect(pulled.cursor).toBe(3);
        expect(pulled.changes.map((change) => change.version)).toEqual([1, 2, 3]);
        expect(pulled.changes.map((change) => change.fields.body)).toEqual(['first', 'second', 'third']);
        const first = pulled.changes[0]!;
        expect(first.recordId).toBe(notes[0]!.recordId);
        expect(first.fields.id).toBe(notes[0]!.recordId);
        expect(first.fields.updatedAt).toBe(new Date(T0).toISOString());
        expect(first.fields.deletedAt).toBeNull();
        expect(first.stamps).toEqual(notes[0]!.stamps);
      });

      it('pull after the latest version is empty and keeps the cursor', async () => {
        const { token } = await newWorkspace();
        await api.push(token, [newNote('only', stamp(T0, 'a'))]);
        expect(await api.pull(token, 1)).toMatchObject({ changes: [], cursor: 1, hasMore: false });
      });

      it('pages by version: every record once, at its latest version, whatever the page size', async () => {
        const { token } = await newWorkspace();
        const notes = Array.from({ length: 25 }, (_, i) => newNote(`note ${i}`, stamp(T0 + i, 'a')));
        await api.push(token, notes);
        // Editing the first note moves it to a new version at the end.
        await api.push(token, [mutation(notes[0]!.recordId, { body: 'edited' }, stamp(T0 + 100, 'a'))]);

        const pages = [];
        let after = 0;
        for (;;) {
          const page = await api.pull(token, after, 10);
          pages.push(page);
          after = page.cursor;
          if (!page.hasMore) break;
        }
        expect(pages.map((page) => page.changes.length)).toEqual([10, 10, 5]);
        expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
        const changes = pages.flatMap((page) => page.changes);
        expect(new Set(changes.map((change) => change.recordId)).size).toBe(25);
        const versions = changes.map((change) => change.version);
        expect(versions).toEqual([...versions].sort((a, b) => a - b));
        expect(changes.at(-1)).toMatchObject({ recordId: notes[0]!.recordId, version: 26, fields: { body: 'edited' } });
      });

      it('refuses a pull limit outside 1..1000 and a negative cursor', async () => {
        const { token } = await newWorkspace();
        for (const query of ['limit=0', 'limit=1001', 'after=-1', 'after=abc']) {
          const response = await api.call(`/v1/sync/pull?${query}`, { token });
          expect(response.status, query).toBe(400);
          expect((await api.error(response)).code).toBe('bad-request');
        }
      });

      it('hands out unique, gap-free versions to concurrent pushes to one workspace', async () => {
        const { token } = await newWorkspace();
        const batches = Array.from({ length: 12 }, (_, i) => [newNote(`a${i}`, stamp(T0, 'a')), newNote(`b${i}`, stamp(T0, 'b'))]);
        const results = await Promise.all(batches.map((batch, i) => api.push(token, batch, `client-${i}`)));
        expect(Math.max(...results.map((result) => result.version))).toBe(24);
        const changes = await api.pullAll(token, 7);
        expect(changes.map((change) => change.version)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      });
      it('merges concurrent pushes to one record one after the other: the newest stamp holds', async () => {
        const { token } = await newWorkspace();
        const note = newNote('first', stamp(T0, 'a'));
        await api.push(token, [note]);
        const edits = Array.from({ length: 16 }, (_, i) => mutation(note.recordId, { body: `edit ${i}` }, stamp(T0 + 1 + i, `c${i}`)));
        // Sent in reverse so the newest stamp tends to arrive first and every later push must lose to it.
        const results = await Promise.all([...edits].reverse().map((edit, i) => api.push(token, [edit], `client-${i}`)));
        expect(results.every((result) => ['applied', 'superseded'].includes(result.results[0]?.status ?? ''))).toBe(true);
        const [final] = (await api.pullAll(token)).filter((change) => change.recordId === note.recordId);
        expect(final?.fields).toMatchObject({ body: 'edit 15' });
      });
    });

    describe('idempotency and ordering', () => {
      it('accepts a re-sent batch again without applying it twice or bumping the version', async () => {
        const { token } = await newWorkspace();
        const batch = [newNote('once', stamp(T0, 'a')), newNote('twice?', stamp(T0, 'a'))];
        const first = await api.push(token, batch);
        const again = await api.push(token, batch);
        expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
        expect(again.results).toEqual(batch.map((m) => ({ mutationId: m.mutationId, status: 'duplicate' })));
        expect(again.version).toBe(first.version);
        expect(await api.pullAll(token)).toHaveLength(2);
      });

      it('accepts a mutation repeated inside one batch once', async () => {
        const { token } = await newWorkspace();
        const note = newNote('dup', stamp(T0, 'a'));
        const result = await api.push(token, [note, note]);
        expect(result).toMatchObject({ results: [{ mutationId: note.mutationId, status: 'applied' }, { mutationId: note.mutationId, status: 'duplicate' }], version: 1 });
      });

      it('a re-sent old mutation does not undo a newer write', async () => {
        const { token } = await newWorkspace();
        const note = newNote('v1', stamp(T0, 'a'));
        await api.push(token, [note]);
        await api.push(token, [mutation(note.recordId, { body: 'v2' }, stamp(T0 + 1, 'a'))]);
        await api.push(token, [note]);
        expect((await api.pullAll(token))[0]!.fields.body).toBe('v2');
      });

      it('reaches the same state whatever order the writes arrive in', async () => {
        const recordId = randomUUID();
        const writes = [
          mutation(recordId, { body: 'from a', contactId: randomUUID(), deletedAt: null }, stamp(T0, 'a')),
          mutation(recordId, { body: 'from b' }, stamp(T0 + 5, 'b')),
          mutation(recordId, { contactId: VIP_CONTACT }, stamp(T0 + 1, 'c')),
          mutation(recordId, { body: 'late but old' }, stamp(T0 + 2, 'c')),
        ];
        const orders = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
        const states = [];
        for (const order of orders) {
          const { token } = await newWorkspace();
          // One push per write, in this order.
          for (const index of order) await api.push(token, [{ ...writes[index]!, mutationId: randomUUID() }]);
          const [change] = await api.pullAll(token);
          states.push({ fields: change!.fields, stamps: change!.stamps });
        }
        for (const state of states) expect(state).toEqual(states[0]);
        expect(states[0]!.fields).toMatchObject({ body: 'from b', contactId: VIP_CONTACT });
      });
    });

    describe('merge', () => {
      it('keeps, per field, the value with the higher stamp', async () => {
        const { token } = await newWorkspace();
        const recordId = randomUUID();
        await api.push(token, [mutation(recordId, { displayName: 'a wrote this', stage: 'lead' }, stamp(T0 + 10, 'a'), 'contacts')]);
        const second = await api.push(token, [
          mutation(recordId, { displayName: 'b wrote this earlier' }, stamp(T0 + 5, 'b'), 'contacts'),
          mutation(recordId, { stage: 'customer' }, stamp(T0 + 20, 'b'), 'contacts'),
        ]);
        const [change] = await api.pullAll(token);
        expect(change!.store).toBe('contacts');
        expect(change!.fields).toMatchObject({ displayName: 'a wrote this', stage: 'customer' });
        expect(change!.stamps).toEqual({ displayName: stamp(T0 + 10, 'a'), stage: stamp(T0 + 20, 'b') });
        // The losing write is told which field a newer stamp holds, and that stamp.
        expect(second.results[0]).toMatchObject({ status: 'superseded', fields: ['displayName'], stamp: stamp(T0 + 10, 'a') });
        expect(second.results[1]).toMatchObject({ status: 'applied' });
      });

      it('does not bump the version when every field of a push loses', async () => {
        const { token } = await newWorkspace();
        const recordId = randomUUID();
        await api.push(token, [mutation(recordId, { body: 'new' }, stamp(T0 + 10, 'a'))]);
        const result = await api.push(token, [mutation(recordId, { body: 'stale' }, stamp(T0, 'b'))]);
        expect(result.version).toBe(1);
        expect((await api.pullAll(token))[0]!.fields.body).toBe('new');
      });

      it('syncs a deletion as a tombstone that an older edit does not revive', async () => {
        const { token } = await newWorkspace();
        const note = newNote('to delete', stamp(T0, 'a'));
        await api.push(token, [note]);
        const deletedAt = new Date(T0 + 60_000).toISOString();
        await api.push(token, [mutation(note.recordId, { deletedAt }, stamp(T0 + 60_000, 'a'))]);
        await api.push(token, [mutation(note.recordId, { body: 'edit from before the delete', deletedAt: null }, stamp(T0 + 30_000, 'b'))]);
        const [change] = await api.pullAll(token);
        // Per field: the older edit's body is newer than the body it replaces, but its deletedAt is older than the delete.
        expect(change!.fields.deletedAt).toBe(deletedAt);
        expect(change!.fields.body).toBe('edit from before the delete');
      });

      it('merges clocks far apart deterministically: stamps order the writes, not arrival', async () => {
        const recordId = randomUUID();
        const past = mutation(recordId, { body: 'clock in 1970' }, stamp(0, 'slow'));
        const futureMs = Date.now() + 5 * 60_000;
        const future = mutation(recordId, { body: 'clock 5 min ahead' }, stamp(futureMs, 'fast'));
        const tieLow = mutation(recordId, { contactId: TIE_LOW }, stamp(T0, 'client-a'));
        const tieHigh = mutation(recordId, { contactId: TIE_HIGH }, stamp(T0, 'client-b'));
        const results = [];
        for (const order of [[past, future, tieLow, tieHigh], [tieHigh, future, tieLow, past]]) {
          const { token } = await newWorkspace();
          for (const write of order) await api.push(token, [{ ...write, mutationId: randomUUID() }]);
          results.push((await api.pullAll(token))[0]!);
        }
        expect(results[0]!.fields).toEqual(results[1]!.fields);
        // The far-future client wins until someone writes with a later stamp; equal stamps fall to the client id.
        expect(results[0]!.fields).toMatchObject({ body: 'clock 5 min ahead', contactId: TIE_HIGH });
        expect(results[0]!.fields.updatedAt).toBe(new Date(futureMs).toISOString());
      });
    });

    describe('security', () => {
      it('keeps each workspace’s records, agents and audit to itself', async () => {
        const acme = await newWorkspace('Acme');
        const rival = await newWorkspace('Rival');
        const note = newNote('acme secret', stamp(T0, 'a'));
        await api.push(acme.token, [note]);

        expect(await api.pullAll(rival.token)).toEqual([]);
        // The same record id in another workspace is another record.
        await api.push(rival.token, [mutation(note.recordId, { body: 'rival text' }, stamp(T0 + 99, 'r'))]);
        expect((await api.pullAll(acme.token))[0]!.fields.body).toBe('acme secret');
        expect((await api.pullAll(rival.token))[0]!.fields.body).toBe('rival text');

        const revokeOther = await api.call(`/v1/agents/${acme.agentId}`, { method: 'DELETE', token: rival.token });
        expect(revokeOther.status).toBe(404);
        expect((await api.call('/v1/me', { token: acme.token })).status).toBe(200);

        const agents = agentsResponseSchema.parse(await (await api.call('/v1/agents', { token: rival.token })).json());
        expect(agents.agents.map((agent) => agent.id)).not.toContain(acme.agentId);
        const audit = auditResponseSchema.parse(await (await api.call('/v1/audit', { token: rival.token })).json());
        expect(audit.entries.every((entry) => entry.agentId === rival.agentId)).toBe(true);
      });

      it('refuses missing, malformed and unknown tokens with 401', async () => {
        const cases: Array<Record<string, string>> = [
          {},
          { Authorization: 'Basic dXNlcjpwYXNz' },
          { Authorization: 'Bearer' },
          { Authorization: `Bearer rl_${'A'.repeat(43)}` },
        ];
        for (const headers of cases) {
          const response = await api.call('/v1/sync/pull', { headers });
          expect(response.status, JSON.stringify(headers)).toBe(401);
          const error = await api.error(response);
          expect(error.code).toBe('unauthorized');
          expect(error.message).toMatch(/token/);
        }
      });

      it('stops a revoked agent’s token at once, and only the admin may manage agents', async () => {
        const { token: adminToken, agentId: adminId } = await newWorkspace();
        const created = await api.call('/v1/agents', { token: adminToken, body: { name: 'Bo', role: 'agent' } });
        expect(created.status).toBe(201);
        const bo = createAgentResponseSchema.parse(await created.json());
        expect(bo.token).toMatch(/^rl_[A-Za-z0-9_-]{43}$/);
        expect((await api.call('/v1/me', { token: bo.token })).status).toBe(200);

        for (const [path, method] of [['/v1/agents', 'GET'], ['/v1/audit', 'GET'], [`/v1/agents/${adminId}`, 'DELETE']] as const) {
          const response = await api.call(path, { token: bo.token, method });
          expect(response.status, path).toBe(403);
          expect((await api.error(response)).code).toBe('forbidden');
        }

        const revoked = await api.call(`/v1/agents/${bo.agent.id}`, { method: 'DELETE', token: adminToken });
        expect(revoked.status).toBe(200);
        const after = await api.call('/v1/sync/pull', { token: bo.token });
        expect(after.status).toBe(401);
        const listed = agentsResponseSchema.parse(await (await api.call('/v1/agents', { token: adminToken })).json());
        expect(listed.agents.find((agent) => agent.id === bo.agent.id)?.revokedAt).not.toBeNull();
        expect((await api.call(`/v1/agents/${adminId}`, { method: 'DELETE', token: adminToken })).status).toBe(409);
      });

      it('stores tokens only as hashes', async () => {
        const { token } = await newWorkspace();
        const dump = JSON.stringify(await database.db.query.tokens.findMany());
        expect(dump).not.toContain(token);
        expect(dump).not.toContain(token.slice(3));
      });

      it('refuses a body over the size limit with 413 and says what to do', async () => {
        const { token } = await newWorkspace();
        const small = clientFor(createApp({ db: database, notifier, limits: { maxBodyBytes: 10_000 } }));
        const big = Array.from({ length: 20 }, (_, i) => newNote(`${i} ${'x'.repeat(1000)}`, stamp(T0, 'a')));
        const response = await small.call('/v1/sync/push', { token, body: { clientId: 'a', mutations: big } });
        expect(response.status).toBe(413);
        const error = await small.error(response);
        expect(error.code).toBe('too-large');
        expect(error.message).toMatch(/larger than 10000 bytes/);
        expect(await api.pullAll(token)).toEqual([]);
      });

      it('refuses malformed bodies with 400 and the paths of what is wrong', async () => {
        const { token } = await newWorkspace();
        const notJson = await api.call('/v1/sync/push', { token, rawBody: '{"clientId": "a", mutations: [', headers: { 'Content-Type': 'application/json' } });
        expect(notJson.status).toBe(400);
        expect((await api.error(notJson)).message).toMatch(/not valid JSON/);

        const good = newNote('ok', stamp(T0, 'a'));
        const bad = await api.call('/v1/sync/push', {
          token,
          body: {
            clientId: 'a',
            mutations: [
              good,
              { ...good, mutationId: 'not-a-uuid' },
              { ...good, store: 'passwords' },
              { ...good, stamps: { body: 'yesterday' } },
            ],
          },
        });
        // Per mutation: the good one is stored, each bad one is rejected with a reason and a path.
        expect(bad.status).toBe(200);
        const answer = pushResponseSchema.parse(await bad.json());
        expect(answer.results[0]).toEqual({ mutationId: good.mutationId, status: 'applied' });
        expect(answer.results.slice(1)).toEqual([
          expect.objectContaining({ mutationId: '', status: 'rejected', reason: 'invalid', path: 'mutationId' }),
          expect.objectContaining({ mutationId: good.mutationId, status: 'rejected', reason: 'unknown-store', path: 'store' }),
          expect.objectContaining({ mutationId: good.mutationId, status: 'rejected', reason: 'invalid', path: 'stamps.body' }),
        ]);
        expect(await api.pullAll(token)).toHaveLength(1);

        const tooMany = Array.from({ length: 501 }, () => newNote('n', stamp(T0, 'a')));
        const overBatch = await api.call('/v1/sync/push', { token, body: { clientId: 'a', mutations: tooMany } });
        expect(overBatch.status).toBe(400);
        expect((await api.error(overBatch)).issues).toEqual([expect.stringMatching(/^mutations: /)]);
        const empty = await api.call('/v1/sync/push', { token, body: { clientId: 'a', mutations: [] } });
        expect(empty.status).toBe(400);
      });

      it('answers CORS only for extension origins and refuses web pages', async () => {
        const { token } = await newWorkspace();
        for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b5f6c3e-2a4f-4f4e-9a6e-1b0c2d3e4f50']) {
          const preflight = await api.call('/v1/sync/push', {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
          });
          expect(preflight.status).toBe(204);
          expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe(origin);
          expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
          const real = await api.call('/v1/me', { token, headers: { Origin: origin } });
          expect(real.status).toBe(200);
          expect(real.headers.get('Access-Control-Allow-Origin')).toBe(origin);
        }
        for (const origin of ['https://www.linkedin.com', 'null', 'chrome-extension://evil.example.com/']) {
          const response = await api.call('/v1/me', { token, headers: { Origin: origin } });
          expect(response.status, origin).toBe(403);
          expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
          expect((await api.error(response)).message).toMatch(/origin .* is not allowed/);
        }
        // No origin: the CLI, curl, another server.
        expect((await api.call('/v1/me', { token })).status).toBe(200);
      });

      it('limits each token’s request rate with 429 and Retry-After', async () => {
        const a = await newWorkspace();
        const b = await newWorkspace();
        let clock = T0;
        const limited = clientFor(
          createApp({ db: database, notifier, now: () => new Date(clock), limits: { rate: { burst: 3, perSecond: 0.5 } } }),
        );
        for (let i = 0; i < 3; i++) expect((await limited.call('/v1/me', { token: a.token })).status).toBe(200);
        const refused = await limited.call('/v1/me', { token: a.token });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('Retry-After')).toBe('2');
        expect((await limited.error(refused)).code).toBe('rate-limited');
        // Another token has its own bucket.
        expect((await limited.call('/v1/me', { token: b.token })).status).toBe(200);
        clock += 2_000;
        expect((await limited.call('/v1/me', { token: a.token })).status).toBe(200);
        expect((await limited.call('/v1/me', { token: a.token })).status).toBe(429);
      });

      it('answers an unexpected failure with 500 and no internals', async () => {
        const { token } = await newWorkspace();
        const broken: ServerDatabase = {
          ...database,
          db: new Proxy(database.db, {
            get(target, property, receiver) {
              if (property === 'transaction') return () => Promise.reject(new Error('disk on fire at /var/lib/secret'));
              return Reflect.get(target, property, receiver) as unknown;
            },
          }),
        };
        const errors: string[] = [];
        {
          const app = clientFor(createApp({ db: broken, notifier, logger: createJsonLogger((line) => errors.push(line)) }));
          const response = await app.call('/v1/sync/push', { token, body: { clientId: 'a', mutations: [newNote('x', stamp(T0, 'a'))] } });
          expect(response.status).toBe(500);
          const text = await response.text();
          const body = errorBodySchema.parse(JSON.parse(text));
          expect(body.error.code).toBe('internal');
          expect(body.error.issues).toBeUndefined();
          expect(text).not.toMatch(/disk on fire|secret|at .*\.ts/);
        }
        // The log says where and what kind of failure, with the request id, but never the message (it may quote data).
        const logged = errors.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.event === 'unexpected-error');
        expect(logged).toMatchObject({ route: '/v1/sync/push', errorClass: 'Error' });
        expect(typeof logged?.requestId).toBe('string');
        expect(errors.join('\n')).not.toContain('disk on fire');
        expect(errors.join('\n')).not.toContain(token);
      });

      it('answers unknown routes with a 404 error body', async () => {
        const { token } = await newWorkspace();
        const response = await api.call('/v1/nothing-here', { token });
        expect(response.status).toBe(404);
        expect((await api.error(response)).code).toBe('not-found');
      });
    });

    describe('audit', () => {
      it('records who changed which fields, including writes that lost', async () => {
        const { token: adminToken } = await newWorkspace();
        const bo = await createAgent(database.db, (await meOf(adminToken)).workspace.id, { name: 'Bo', role: 'agent' });
        const note = newNote('hello', stamp(T0, 'a'));
        await api.push(adminToken, [note]);
        await api.push(bo.token, [mutation(note.recordId, { body: 'newer', deletedAt: null }, stamp(T0 + 1, 'b'))]);
        await api.push(bo.token, [mutation(note.recordId, { body: 'too old' }, stamp(T0 - 1, 'b'))]);

        const response = await api.call('/v1/audit?limit=10', { token: adminToken });
        const { entries } = auditResponseSchema.parse(await response.json());
        expect(entries).toHaveLength(3);
        const byAgent = entries.map((entry) => ({ agent: entry.agentName, fields: [...entry.fields].sort(), recordId: entry.recordId }));
        expect(byAgent).toEqual(
          expect.arrayContaining([
            { agent: 'Ann', fields: ['body', 'contactId', 'createdAt', 'deletedAt'], recordId: note.recordId },
            { agent: 'Bo', fields: ['body', 'deletedAt'], recordId: note.recordId },
            { agent: 'Bo', fields: [], recordId: note.recordId },
          ]),
        );
        expect((await api.call('/v1/audit?limit=0', { token: adminToken })).status).toBe(400);
      });

      async function meOf(token: string) {
        return meResponseSchema.parse(await (await api.call('/v1/me', { token })).json());
      }
    });

    describe('CLI', () => {
      it('creates a workspace whose admin token the API accepts, then creates and revokes an agent', async () => {
        const output: string[] = [];
        const print = (line: string) => output.push(line);
        expect(await runCommand(database, ['create-workspace', 'CLI team', '--admin-name', 'Cy'], print)).toBe(0);
        const adminToken = /^token (rl_\S+)$/m.exec(output.join('\n'))?.[1];
        const me = meResponseSchema.parse(await (await api.call('/v1/me', { token: adminToken })).json());
        expect(me).toMatchObject({ workspace: { name: 'CLI team' }, agent: { name: 'Cy', role: 'admin' } });
        expect(output.join('\n')).toContain(`workspace ${me.workspace.id}`);

        output.length = 0;
        expect(await runCommand(database, ['create-agent', me.workspace.id, 'Dee'], print)).toBe(0);
        const [, agentId, agentToken] = /^agent (\S+) \(Dee, agent\)\ntoken (rl_\S+)$/m.exec(output.join('\n')) ?? [];
        expect((await api.call('/v1/me', { token: agentToken })).status).toBe(200);

        expect(await runCommand(database, ['revoke-agent', me.workspace.id, agentId!], print)).toBe(0);
        expect((await api.call('/v1/me', { token: agentToken })).status).toBe(401);
      });

      it('explains bad arguments instead of failing with a stack', async () => {
        const output: string[] = [];
        expect(await runCommand(database, ['create-agent', 'not-a-workspace', 'Dee'], (line) => output.push(line))).toBe(2);
        expect(output.join('\n')).toMatch(/^error: workspace id: Invalid UUID\nusage/);
        expect(await runCommand(database, ['revoke-agent', randomUUID(), randomUUID()], (line) => output.push(line))).toBe(2);
        expect(output.join('\n')).toMatch(/error: no agent .* in workspace/);
        expect(await runCommand(database, ['drop-everything'], (line) => output.push(line))).toBe(2);
        expect(output.join('\n')).toMatch(/error: unknown command drop-everything/);
      });
    });

    describe('events', () => {
      it('streams change events, presence, and pings to the workspace’s subscribers only', async () => {
        const acme = await newWorkspace('Acme');
        const rival = await newWorkspace('Rival');
        const bo = await createAgent(database.db, acme.id, { name: 'Bo', role: 'agent' });
        const stop = new AbortController();
        try {
          const response = await api.call('/v1/events', { token: acme.token, signal: stop.signal });
          expect(response.status).toBe(200);
          expect(response.headers.get('Content-Type')).toMatch(/text\/event-stream/);
          const rivalStream = readSse((await api.call('/v1/events', { token: rival.token, signal: stop.signal })).body!);
          const events = readSse(response.body!);

          await api.push(bo.token, [newNote('hi', stamp(T0, 'b')), newNote('there', stamp(T0, 'b'))]);
          const change = await events.next(isEvent('change'));
          expect(change).toMatchObject({ data: JSON.stringify({ version: 2 }) });

          const posted = await api.call('/v1/presence', { token: bo.token, body: { conversationKey: 'x:thread/42', activity: 'replying' } });
          expect(posted.status).toBe(204);
          const presenceFrame = await events.next(isEvent('presence'));
          const presence = presenceEventDataSchema.parse(JSON.parse(presenceFrame.kind === 'event' ? presenceFrame.data : ''));
          expect(presence).toMatchObject({ agentId: bo.agent.id, agentName: 'Bo', conversationKey: 'x:thread/42', activity: 'replying' });
          const ttl = Date.parse(presence.expiresAt) - Date.now();
          expect(ttl).toBeGreaterThan(50_000);
          expect(ttl).toBeLessThanOrEqual(60_000);

          await events.next((frame) => frame.kind === 'comment' && frame.text === 'ping', 3_000);

          // A subscriber that arrives later is told who is present now.
          const late = readSse((await api.call('/v1/events', { token: acme.token, signal: stop.signal })).body!);
          const snapshot = await late.next(isEvent('presence'));
          expect(snapshot.kind === 'event' && JSON.parse(snapshot.data)).toMatchObject({ agentId: bo.agent.id, activity: 'replying' });

          await api.call('/v1/presence', { token: bo.token, body: { conversationKey: 'x:thread/42', activity: 'left' } });
          const left = await events.next(isEvent('presence'));
          expect(Date.parse(left.kind === 'event' ? (JSON.parse(left.data) as { expiresAt: string }).expiresAt : '')).toBeLessThanOrEqual(Date.now());
          const afterLeaving = readSse((await api.call('/v1/events', { token: acme.token, signal: stop.signal })).body!);
          await afterLeaving.next((frame) => frame.kind === 'comment', 3_000);
          expect(afterLeaving.frames.filter((frame) => frame.kind === 'event')).toEqual([]);

          // Nothing of Acme's reached Rival's subscriber.
          expect(rivalStream.frames.filter((frame) => frame.kind === 'event')).toEqual([]);
        } finally {
          stop.abort();
        }
      });

      it('ends the stream when the subscriber goes away', async () => {
        const { token } = await newWorkspace();
        const stop = new AbortController();
        const response = await api.call('/v1/events', { token, signal: stop.signal });
        const stream = readSse(response.body!);
        await stream.next((frame) => frame.kind === 'comment', 3_000);
        stop.abort();
        await expect(Promise.race([stream.closed.then(() => 'closed'), delay(3_000).then(() => 'still open')])).resolves.toBe('closed');
      });

      it('refuses presence with a bad activity', async () => {
        const { token } = await newWorkspace();
        const response = await api.call('/v1/presence', { token, body: { conversationKey: 'k', activity: 'typing' } });
        expect(response.status).toBe(400);
        expect((await api.error(response)).issues).toEqual([expect.stringMatching(/^activity: /)]);
      });
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

