/**
 * Issue 17's probes, rerun on both databases: what cannot be stored is rejected per mutation (the good
 * ones beside it are stored), far-future stamps are rejected, revocation closes open streams at once,
 * streams per token are capped, and failed sign-ins are rate-limited per address.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS_PER_TOKEN, pushRefusedBodySchema, pushResponseSchema } from '@/lib/sync/wire';
import { createAgent, createApp, createDatabaseNotifier, createWorkspace, openServerDatabase } from '@/server/src/app';
import type { ChangeNotifier, ServerDatabase } from '@/server/src/app';
import { silentLogger } from '@/server/src/log';
import { clientFor } from './support/client';
import { newNote, stamp } from './support/mutations';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';
import { readSse } from './support/sse';

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the abuse suite');

const targets = [
  { name: 'PGlite', available: true, url: undefined as string | undefined },
  { name: 'PostgreSQL', available: postgresUser !== undefined, url: 'pending' },
];

/** Stands for a value nested 10,000 deep, spliced into the JSON text (JSON.stringify itself would overflow on it). */
const DEEP = '__DEEP__';
const deepJson = `${'['.repeat(10_000)}"deep"${']'.repeat(10_000)}`;
const toJson = (value: unknown) => JSON.stringify(value).replace(`"${DEEP}"`, deepJson);

for (const target of targets) {
  describe.skipIf(!target.available)(`abuse on ${target.name}`, () => {
    let database!: ServerDatabase;
    let notifier!: ChangeNotifier;
    let api!: ReturnType<typeof clientFor>;
    let cleanup!: () => Promise<void>;

    beforeAll(async () => {
      const testDatabase = target.url ? await createTestDatabase(postgresUser!) : undefined;
      database = await openServerDatabase(testDatabase ? { databaseUrl: testDatabase.url } : {});
      notifier = await createDatabaseNotifier(database);
      api = clientFor(createApp({ db: database, notifier, logger: silentLogger, realtime: { pingIntervalMs: 200 } }));
      cleanup = async () => {
        await notifier.close();
        await database.close();
        await testDatabase?.drop();
      };
    });
    afterAll(async () => cleanup());

    const now = () => Date.now();
    const bad: Array<[string, (note: ReturnType<typeof newNote>) => unknown, string, string]> = [
      ['NUL in a value', (n) => ({ ...n, fields: { ...n.fields, body: 'a\u0000b' } }), 'nul-character', 'fields.body'],
      ['lone surrogate', (n) => ({ ...n, fields: { ...n.fields, body: 'a\ud800b' } }), 'lone-surrogate', 'fields.body'],
      ['1 MB field name', (n) => ({ ...n, fields: { ...n.fields, ['x'.repeat(1_000_000)]: 1 } }), 'field-name-too-long', ''],
      ['__proto__ field', (n) => JSON.parse(JSON.stringify(n).replace('"body"', '"__proto__":1,"body"')) as unknown, 'reserved-field-name', 'fields.__proto__'],
      ['nested 10,000 deep', (n) => ({ ...n, fields: { ...n.fields, body: DEEP } }), 'too-deep', ''],
      ['unknown store', (n) => ({ ...n, store: 'passwords' }), 'unknown-store', 'store'],
      ['unknown field', (n) => ({ ...n, fields: { ...n.fields, pinned: true }, stamps: { ...n.stamps, pinned: n.stamps.body } }), 'unknown-field', 'fields.pinned'],
      ['year-33658 stamp', (n) => ({ ...n, stamps: { ...n.stamps, body: '999999999999999:999999:zzzz' } }), 'clock-ahead', 'stamps.body'],
      ['year-9999 stamp', (n) => ({ ...n, stamps: { ...n.stamps, body: stamp(Date.UTC(9999, 0, 1), 'x') } }), 'clock-ahead', 'stamps.body'],
      ['date not ISO', (n) => ({ ...n, fields: { ...n.fields, createdAt: '+033658-09-27T00:00:00Z' } }), 'invalid-field-value', 'fields.createdAt'],
      ['unknown member', (n) => ({ ...n, extra: 1 }), 'invalid', ''],
    ];

    for (const [what, spoil, reason, path] of bad) {
      it(`${what}: rejected (${reason}) by id and path while the good note beside it is stored`, async () => {
        const { token } = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
        const good = newNote('good', stamp(now(), 'a'));
        const spoiled = spoil(newNote('bad', stamp(now(), 'a')));
        const body = toJson({ clientId: 'a', mutations: [good, spoiled] });
        const response = await api.call('/v1/sync/push', { token, rawBody: body, headers: { 'Content-Type': 'application/json' } });
        expect(response.status).toBe(200);
        const answer = pushResponseSchema.parse(await response.json());
        expect(answer.results[0]).toEqual({ mutationId: good.mutationId, status: 'applied' });
        expect(answer.results[1]).toMatchObject({ status: 'rejected', reason });
        if (path) expect(answer.results[1]).toMatchObject({ path });
        // Retrying the same batch: the good one is a duplicate, the bad one rejected again, never a 500.
        const again = await api.call('/v1/sync/push', { token, rawBody: body, headers: { 'Content-Type': 'application/json' } });
        expect(again.status).toBe(200);
        const changes = await api.pullAll(token);
        expect(changes.map((change) => change.fields.body)).toEqual(['good']);
        expect(changes[0]!.fields.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        // Alone, the bad mutation gets 400 with its result.
        const alone = await api.call('/v1/sync/push', {
          token,
          rawBody: toJson({ clientId: 'a', mutations: [spoiled] }),
          headers: { 'Content-Type': 'application/json' },
        });
        expect(alone.status).toBe(400);
        const refused = pushRefusedBodySchema.parse(await alone.json());
        expect(refused.results[0]).toMatchObject({ status: 'rejected', reason });
        expect(refused.error.message).toMatch(/rejected/);
      });
    }

    it('closes a revoked agent’s open stream within a second; no event after it reaches them; presence stops', async () => {
      const admin = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      const bo = await createAgent(database.db, admin.workspace.id, { name: 'Bo', role: 'agent' });
      const stop = new AbortController();
      try {
        const boStream = readSse((await api.call('/v1/events', { token: bo.token, signal: stop.signal })).body!);
        const annStream = readSse((await api.call('/v1/events', { token: admin.token, signal: stop.signal })).body!);
        await boStream.next((frame) => frame.kind === 'comment');
        await api.call('/v1/presence', { token: bo.token, body: { conversationKey: 'x:1', activity: 'replying' } });
        await annStream.next((frame) => frame.kind === 'event' && frame.event === 'presence');

        const revokedAt = performance.now();
        expect((await api.call(`/v1/agents/${bo.agent.id}`, { method: 'DELETE', token: admin.token })).status).toBe(200);
        await Promise.race([boStream.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 1 s')), 1000))]);
        expect(performance.now() - revokedAt).toBeLessThan(1000);
        // Teammates are told the revoked agent is gone; a new subscriber sees no presence of theirs.
        const left = await annStream.next((frame) => frame.kind === 'event' && frame.event === 'presence');
        expect(left.kind === 'event' && Date.parse((JSON.parse(left.data) as { expiresAt: string }).expiresAt)).toBeLessThanOrEqual(Date.now());
        const framesAtClose = boStream.frames.length;
        await api.push(admin.token, [newNote('after revocation', stamp(now(), 'a'))]);
        await annStream.next((frame) => frame.kind === 'event' && frame.event === 'change');
        expect(boStream.frames.length).toBe(framesAtClose);
        const late = readSse((await api.call('/v1/events', { token: admin.token, signal: stop.signal })).body!);
        await late.next((frame) => frame.kind === 'comment');
        expect(late.frames.filter((frame) => frame.kind === 'event')).toEqual([]);
        expect((await api.call('/v1/events', { token: bo.token })).status).toBe(401);
      } finally {
        stop.abort();
      }
    });

    it(`caps event streams at ${MAX_EVENT_STREAMS_PER_TOKEN} per token with a clear 429`, async () => {
      const { token } = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      const stop = new AbortController();
      try {
        for (let i = 0; i < MAX_EVENT_STREAMS_PER_TOKEN; i++) {
          expect((await api.call('/v1/events', { token, signal: stop.signal })).status).toBe(200);
        }
        const refused = await api.call('/v1/events', { token });
        expect(refused.status).toBe(429);
        expect((await api.error(refused)).code).toBe('too-many-streams');
      } finally {
        stop.abort();
      }
    });

    it('rate-limits requests without a valid token per address, before any lookup', async () => {
      const limited = clientFor(createApp({ db: database, notifier, logger: silentLogger, limits: { failedAuth: { burst: 5, perSecond: 0.1 } } }));
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await limited.call('/v1/me', { headers: { Authorization: `Bearer rl_${randomUUID()}` } })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const last = await limited.call('/v1/me', {});
      expect(last.headers.get('Retry-After')).toMatch(/^\d+$/);
    });

    it('answers /healthz and /readyz without a token', async () => {
      expect((await api.call('/healthz')).status).toBe(200);
      const ready = await api.call('/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', migrations: 2 });
    });
  });
}
