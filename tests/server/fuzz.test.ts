/**
 * Issue 17's fuzz suite, on both databases: every bad request (fast-check over the wire schema's shapes,
 * plus the issue's probes) gets a 4xx with a message, leaves the database as it was (a full pull and the
 * workspace version compared before and after), and the server still answers a normal push and pull.
 * Also the clock property: whatever stamps other clients send, an honest later write is either reported
 * applied and visible on pull, or reported superseded; never reported applied and dropped.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMutation, errorBodySchema, pushResponseSchema, type PullResponse } from '@/lib/sync/wire';
import { createApp, createDatabaseNotifier, createWorkspace, openServerDatabase } from '@/server/src/app';
import type { ChangeNotifier, ServerDatabase } from '@/server/src/app';
import { silentLogger } from '@/server/src/log';
import { clientFor } from './support/client';
import { mutation, newNote, stamp } from './support/mutations';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the fuzz suite');

const targets = [
  { name: 'PGlite', available: true, postgres: false },
  { name: 'PostgreSQL', available: postgresUser !== undefined, postgres: true },
];

const MAX_BODY_BYTES = 256 * 1024;
const DEEP = '__DEEP__';
const deepJson = `${'['.repeat(10_000)}"deep"${']'.repeat(10_000)}`;
const json = (value: unknown) => JSON.stringify(value).replace(`"${DEEP}"`, deepJson);
const ISO_YEAR_0000_9999 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

interface BadRequest {
  what: string;
  path: string;
  method?: string;
  token?: 'good' | 'bad' | 'none';
  body?: string;
  status: number;
}

/** The probes and the envelope's edges, each sent alone. `note` is a good note to spoil. */
function probes(note: ReturnType<typeof newNote>, now: number): BadRequest[] {
  const push = (what: string, mutations: unknown, status = 400, clientId: unknown = 'fuzz'): BadRequest => ({ what, path: '/v1/sync/push', body: json({ clientId, mutations }), status });
  const spoil = (extra: Record<string, unknown>) => [{ ...note, ...extra }];
  return [
    push('NUL in a value', spoil({ fields: { ...note.fields, body: 'a\u0000b' } })),
    push('NUL in a field name', spoil({ fields: { ...note.fields, 'bo\u0000dy': 'x' }, stamps: { ...note.stamps, 'bo\u0000dy': note.stamps.body } })),
    push('lone surrogate \\ud800 in a value', spoil({ fields: { ...note.fields, body: 'a\ud800b' } })),
    push('lone surrogate \\udfff in a field name', spoil({ fields: { ...note.fields, '\udfff': 'x' } })),
    push('value nested 10,000 deep', spoil({ fields: { ...note.fields, body: DEEP } })),
    push('1 MB field name', spoil({ fields: { ...note.fields, ['x'.repeat(1_000_000)]: 1 } }), 413),
    push('129-character field name', spoil({ fields: { ...note.fields, ['x'.repeat(129)]: 1 } })),
    { what: '__proto__ field', path: '/v1/sync/push', body: json({ clientId: 'fuzz', mutations: [note] }).replace('"body":', '"__proto__":{"polluted":true},"body":'), status: 400 },
    push('unknown store', spoil({ store: 'passwords' })),
    push('unknown field', spoil({ fields: { ...note.fields, pinned: true }, stamps: { ...note.stamps, pinned: note.stamps.body } })),
    push('derived field updatedAt', spoil({ fields: { ...note.fields, updatedAt: new Date(now).toISOString() }, stamps: { ...note.stamps, updatedAt: note.stamps.body } })),
    push('year-9999 stamp', spoil({ stamps: { ...note.stamps, body: stamp(Date.UTC(9999, 11, 31), 'x') } })),
    push('stamp 999999999999999:999999:zzzz (year 33658)', spoil({ stamps: { ...note.stamps, body: '999999999999999:999999:zzzz' } })),
    push('stamp 11 minutes ahead', spoil({ stamps: { ...note.stamps, body: stamp(now + 11 * 60_000, 'x') } })),
    push('date not ISO 8601 (+033658-09-27)', spoil({ fields: { ...note.fields, createdAt: '+033658-09-27T00:00:00Z' } })),
    push('field without a stamp', spoil({ stamps: { contactId: note.stamps.contactId } })),
    push('not a UUID record id', spoil({ recordId: 'not-a-uuid' })),
    push('unknown member', spoil({ extra: 1 })),
    push('mutation that is a string', ['mutation']),
    push('no mutations', []),
    push('501 mutations', Array.from({ length: 501 }, () => ({ ...note, mutationId: randomUUID() }))),
    push('bad client id', [note], 400, '../../etc'),
    { what: 'body not JSON', path: '/v1/sync/push', body: '{"clientId":', status: 400 },
    { what: 'body a JSON array', path: '/v1/sync/push', body: '[]', status: 400 },
    { what: `oversized body (${MAX_BODY_BYTES + 1} bytes)`, path: '/v1/sync/push', body: json({ clientId: 'fuzz', mutations: [note], pad: 'x'.repeat(MAX_BODY_BYTES) }), status: 413 },
    { what: 'bad token on push', path: '/v1/sync/push', token: 'bad', body: json({ clientId: 'fuzz', mutations: [note] }), status: 401 },
    { what: 'no token on push', path: '/v1/sync/push', token: 'none', body: json({ clientId: 'fuzz', mutations: [note] }), status: 401 },
    { what: 'bad token on pull', path: '/v1/sync/pull?after=0', token: 'bad', status: 401 },
    { what: 'pull after=-1', path: '/v1/sync/pull?after=-1', status: 400 },
    { what: 'pull limit=100000', path: '/v1/sync/pull?after=0&limit=100000', status: 400 },
    { what: 'pull after=abc', path: '/v1/sync/pull?after=abc', status: 400 },
  ];
}

/** Strings that break storage more often than fast-check's own would. */
const nasty = fc.constantFrom('\u0000', '\ud800', '\udfff', '__proto__', 'x'.repeat(129), '', 'body', 'contactId', 'createdAt', 'deletedAt', 'id', 'stamps');
const wildString = fc.oneof(fc.string({ maxLength: 12 }), nasty, fc.tuple(fc.string({ maxLength: 4 }), nasty).map(([a, b]) => a + b));

/** Mutations of the wire schema's shape, some members right and some wrong. */
function wireShapedMutation(now: number) {
  const goodStamp = fc.integer({ min: 0, max: now }).map((ms) => stamp(ms, 'fuzz'));
  const wildStamp = fc.oneof(
    goodStamp,
    fc.integer({ min: now, max: 999_999_999_999_999 }).map((ms) => stamp(ms, 'fuzz')),
    wildString,
    fc.integer(),
  );
  const value = fc.oneof(wildString, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(DEEP), fc.jsonValue({ maxDepth: 3 }));
  return fc.record(
    {
      mutationId: fc.oneof(fc.uuid({ version: 4 }), wildString),
      store: fc.oneof(fc.constantFrom('notes', 'contacts', 'templates'), wildString),
      recordId: fc.oneof(fc.uuid({ version: 4 }), wildString),
      fields: fc.dictionary(wildString, value, { maxKeys: 4 }),
      stamps: fc.dictionary(wildString, wildStamp, { maxKeys: 4 }),
      extra: value,
    },
    { requiredKeys: ['mutationId', 'store', 'recordId', 'fields', 'stamps'] },
  );
}

for (const target of targets) {
  describe.skipIf(!target.available)(`fuzz on ${target.name}`, () => {
    let database!: ServerDatabase;
    let notifier!: ChangeNotifier;
    let api!: ReturnType<typeof clientFor>;
    let cleanup!: () => Promise<void>;

    beforeAll(async () => {
      const testDatabase = target.postgres ? await createTestDatabase(postgresUser!) : undefined;
      database = await openServerDatabase(testDatabase ? { databaseUrl: testDatabase.url } : {});
      notifier = await createDatabaseNotifier(database);
      // A small body limit, so the oversized-body probe is cheap; rate limits generous, so the limiters stay out of the answers here.
      api = clientFor(createApp({ db: database, notifier, logger: silentLogger, limits: { maxBodyBytes: MAX_BODY_BYTES, rate: { burst: 100_000, perSecond: 100_000 }, failedAuth: { burst: 10_000, perSecond: 1000 } } }));
      cleanup = async () => {
        await notifier.close();
        await database.close();
        await testDatabase?.drop();
      };
    });
    afterAll(async () => cleanup());

    async function dump(token: string): Promise<{ version: number; changes: PullResponse['changes'] }> {
      const changes = await api.pullAll(token);
      return { version: changes.at(-1)?.version ?? 0, changes };
    }

    async function send(token: string, request: Pick<BadRequest, 'path' | 'method' | 'token' | 'body'>): Promise<Response> {
      const auth = request.token === 'bad' ? `rl_${randomUUID()}` : request.token === 'none' ? undefined : token;
      return api.call(request.path, {
        ...(auth ? { token: auth } : {}),
        ...(request.body !== undefined ? { rawBody: request.body, headers: { 'Content-Type': 'application/json' } } : {}),
        ...(request.method ? { method: request.method } : {}),
      });
    }

    /** A normal push and pull still work, and what they wrote is there. */
    async function stillServes(token: string): Promise<void> {
      const note = newNote(`still here ${randomUUID()}`, stamp(Date.now(), 'honest'));
      const answer = await api.push(token, [note], 'honest');
      expect(answer.results).toEqual([{ mutationId: note.mutationId, status: 'applied' }]);
      const pulled = await api.pull(token, answer.version - 1);
      expect(pulled.changes.map((change) => change.fields.body)).toContain(note.fields.body);
    }

    it('answers each of the issue’s probes with a 4xx and a message, changes nothing, and serves normally after', async () => {
      const { token } = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      await stillServes(token);
      const answers: string[] = [];
      for (const probe of probes(newNote('probe', stamp(Date.now(), 'fuzz')), Date.now())) {
        const before = await dump(token);
        const response = await send(token, probe);
        const body: unknown = await response.json();
        const error = errorBodySchema.parse(body).error;
        answers.push(`${probe.what}: ${response.status} ${error.code}`);
        expect(response.status, probe.what).toBe(probe.status);
        expect(error.message.length, probe.what).toBeGreaterThan(0);
        expect(await dump(token), probe.what).toEqual(before);
        await stillServes(token);
      }
      console.info(`[fuzz ${target.name}] probes:\n  ${answers.join('\n  ')}`);
    });

    it('never answers 5xx to mutations of the wire schema’s shapes; whatever the schema rejects is a 400 that changes nothing (fast-check)', async () => {
      const { token } = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      const now = Date.now();
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(wireShapedMutation(now), async (raw) => {
          const before = await dump(token);
          const body = json({ clientId: 'fuzz', mutations: [raw] });
          const verdict = checkMutation((JSON.parse(body) as { mutations: unknown[] }).mutations[0], Date.now());
          const response = await api.call('/v1/sync/push', { token, rawBody: body, headers: { 'Content-Type': 'application/json' } });
          expect(response.status).toBeLessThan(500);
          const answer: unknown = await response.json();
          if (!verdict.ok) {
            rejected += 1;
            expect(response.status).toBe(400);
            expect(errorBodySchema.parse(answer).error.message.length).toBeGreaterThan(0);
            expect(await dump(token)).toEqual(before);
          } else {
            expect(response.status).toBe(200);
            expect(pushResponseSchema.parse(answer).results[0]?.status).not.toBe('rejected');
          }
        }),
        { numRuns: 150, seed: 17 },
      );
      expect(rejected).toBeGreaterThan(50);
      await stillServes(token);
    });

    it('an honest later write is applied and pulled, or reported superseded, whatever stamps others sent; dates stay years 0000–9999 (fast-check)', async () => {
      const { token } = await createWorkspace(database.db, { name: 'W', adminName: 'Ann' });
      const otherStamp = fc.oneof(
        fc.integer({ min: 0, max: 20 * 60_000 }).map((offset) => ({ kind: 'near', offset })),
        fc.integer({ min: 11 * 60_000, max: 999_999_999_999_999 - Date.now() }).map((offset) => ({ kind: 'future', offset })),
        fc.integer({ min: 0, max: Date.now() }).map((ms) => ({ kind: 'past', offset: ms - Date.now() })),
      );
      let applied = 0;
      let superseded = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ at: otherStamp, counter: fc.integer({ min: 0, max: 999_999 }), client: fc.constantFrom('b', 'c', 'zzzz') }), { minLength: 1, maxLength: 4 }),
          async (others) => {
            const note = newNote('first', stamp(Date.now() - 3_600_000, 'honest'));
            await api.push(token, [note], 'honest');
            for (const other of others) {
              const at = stamp(Math.min(999_999_999_999_999, Math.max(0, Date.now() + other.at.offset)), other.client, other.counter);
              const response = await api.call('/v1/sync/push', { token, body: { clientId: other.client, mutations: [mutation(note.recordId, { body: `from ${other.client}` }, at)] } });
              expect([200, 400]).toContain(response.status);
            }
            const mine = mutation(note.recordId, { body: `honest ${randomUUID()}` }, stamp(Date.now(), 'honest', 5));
            const answer = await api.push(token, [mine], 'honest');
            const result = answer.results[0]!;
            const record = (await api.pullAll(token)).findLast((change) => change.recordId === note.recordId)!;
            if (result.status === 'applied') {
              applied += 1;
              expect(record.fields.body).toBe(mine.fields.body);
              expect(record.stamps.body).toBe(mine.stamps.body);
            } else {
              expect(result).toMatchObject({ status: 'superseded', fields: ['body'] });
              superseded += 1;
              if (result.status === 'superseded') {
                expect(result.stamp > mine.stamps.body!).toBe(true);
                expect(record.stamps.body).toBe(result.stamp);
                // Only an accepted stamp can win: at most the allowed drift ahead of the server's clock.
                expect(Number(result.stamp.slice(0, 15))).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
              }
              expect(record.fields.body).not.toBe(mine.fields.body);
            }
            for (const name of ['createdAt', 'updatedAt']) {
              expect(record.fields[name]).toMatch(ISO_YEAR_0000_9999);
              expect(Number.isNaN(Date.parse(record.fields[name] as string))).toBe(false);
            }
          },
        ),
        { numRuns: 30, seed: 1717 },
      );
      expect(applied).toBeGreaterThan(0);
      expect(superseded).toBeGreaterThan(0);
    });
  });
}
