import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { pullResponseSchema, pushResponseSchema, type Mutation, type PullResponse } from '@/lib/sync/wire';
import { createAgent, createWorkspace, openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { mutation, newNote, stamp } from './support/mutations';
import { createTestDatabase, findPostgresUser, requirePostgresInCi, type TestDatabase } from './support/postgres';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { isEvent, readSse } from './support/sse';

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the server-process suite (kill mid-push, two processes)');

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
/** Each test starts server processes: seconds each on an idle machine, far more on a busy one. */
const PROCESS_TEST_TIMEOUT_MS = 180_000;

describe.skipIf(!postgresUser)('server processes sharing one PostgreSQL', () => {
  let testDatabase!: TestDatabase;
  let database!: ServerDatabase;
  let observer!: postgres.Sql;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(postgresUser!);
    database = await openServerDatabase({ databaseUrl: testDatabase.url });
    observer = postgres(testDatabase.url, { max: 1, onnotice: () => undefined });
  });
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await observer.end({ timeout: 1 });
    await database.close();
    await testDatabase.drop();
  });

  async function start(): Promise<ServerProcess> {
    const server = await startServerProcess({ DATABASE_URL: testDatabase.url, REPLYLINE_RATE_BURST: '1000' });
    running.push(server);
    return server;
  }

  async function push(server: ServerProcess, token: string, mutations: Mutation[]) {
    const response = await fetch(`${server.baseUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'test', mutations }),
    });
    if (response.status !== 200) throw new Error(`push: ${response.status} ${await response.text()}`);
    return pushResponseSchema.parse(await response.json());
  }

  async function pullAll(server: ServerProcess, token: string): Promise<PullResponse['changes']> {
    const changes: PullResponse['changes'] = [];
    let after = 0;
    for (;;) {
      const response = await fetch(`${server.baseUrl}/v1/sync/pull?after=${after}`, { headers: { Authorization: `Bearer ${token}` } });
      const page = pullResponseSchema.parse(await response.json());
      changes.push(...page.changes);
      after = page.cursor;
      if (!page.hasMore) return changes;
    }
  }

  async function countRows(workspaceId: string) {
    const [row] = await observer<Array<{ records: number; mutations: number }>>`
      select (select count(*)::int from records where workspace_id = ${workspaceId}) as records,
             (select count(*)::int from mutations where workspace_id = ${workspaceId}) as mutations`;
    return row!;
  }

  /** Transactions open on the test database, other than the observer's own. */
  async function openTransactions(): Promise<number> {
    const [row] = await observer<Array<{ n: number }>>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`;
    return row!.n;
  }

  it('loses and duplicates nothing when the server is killed with SIGKILL in the middle of a push', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Faults', adminName: 'Ann' });
    const batch = Array.from({ length: 500 }, (_, i) => newNote(`note ${i} ${'lorem ipsum '.repeat(300)}`, stamp(T0 + i, 'a')));
    let server = await start();

    const inFlight = push(server, workspace.token, batch).then(
      () => 'answered',
      () => 'connection lost',
    );
    let sawOpenTransaction = false;
    for (let i = 0; i < 4000 && !sawOpenTransaction; i++) sawOpenTransaction = (await openTransactions()) > 0;
    expect(sawOpenTransaction, 'the push transaction was never seen open').toBe(true);
    await server.kill();
    expect(await inFlight).toBe('connection lost');

    // The database ends the dead server's transaction; the batch is all there or not there at all.
    for (let i = 0; i < 200 && (await openTransactions()) > 0; i++) await delay(25);
    const afterCrash = await countRows(workspace.workspace.id);
    expect([0, 500]).toContain(afterCrash.records);
    expect(afterCrash.mutations).toBe(afterCrash.records);

    // The client never saw an ack, so it sends the same mutation ids again.
    server = await start();
    const retried = await push(server, workspace.token, batch);
    expect(retried.results.map((result) => result.mutationId)).toEqual(batch.map((note) => note.mutationId));
    expect(retried.results.every((result) => result.status === 'applied' || result.status === 'duplicate')).toBe(true);
    expect(retried.version).toBe(500);
    const again = await push(server, workspace.token, batch);
    expect(again.version).toBe(500);

    expect(await countRows(workspace.workspace.id)).toEqual({ records: 500, mutations: 500 });
    const changes = await pullAll(server, workspace.token);
    expect(changes).toHaveLength(500);
    expect(new Set(changes.map((change) => change.recordId))).toEqual(new Set(batch.map((note) => note.recordId)));
  }, PROCESS_TEST_TIMEOUT_MS);

  it('fans changes and presence out between two processes over LISTEN/NOTIFY, and their clients converge', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Two processes', adminName: 'Ann' });
    const bo = await createAgent(database.db, workspace.workspace.id, { name: 'Bo', role: 'agent' });
    const [serverA, serverB] = [running.at(-1) ?? (await start()), await start()];
    const stop = new AbortController();
    try {
      const subscribe = async (server: ServerProcess, token: string) => {
        const response = await fetch(`${server.baseUrl}/v1/events`, { headers: { Authorization: `Bearer ${token}` }, signal: stop.signal });
        expect(response.status).toBe(200);
        return readSse(response.body!);
      };
      const annOnA = await subscribe(serverA, workspace.token);
      const boOnB = await subscribe(serverB, bo.token);

      // Ann writes through A; Bo, subscribed to B, hears of it.
      const note = newNote('shared note', stamp(T0, 'ann'));
      const pushed = await push(serverA, workspace.token, [note]);
      const heard = await boOnB.next(isEvent('change'), 30_000);
      expect(heard.kind === 'event' && JSON.parse(heard.data)).toEqual({ version: pushed.version });

      // Bo starts replying through B; Ann, subscribed to A, sees it.
      await fetch(`${serverB.baseUrl}/v1/presence`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bo.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversationKey: 'linkedin:thread/7', activity: 'replying' }),
      });
      const presence = await annOnA.next(isEvent('presence'), 30_000);
      expect(presence.kind === 'event' && JSON.parse(presence.data)).toMatchObject({ agentName: 'Bo', conversationKey: 'linkedin:thread/7', activity: 'replying' });

      // Concurrent conflicting edits through different processes.
      await Promise.all([
        push(serverA, workspace.token, [mutation(note.recordId, { body: 'ann edit', deletedAt: null }, stamp(T0 + 10, 'ann'))]),
        push(serverB, bo.token, [mutation(note.recordId, { body: 'bo edit' }, stamp(T0 + 20, 'bo')), newNote('bo note', stamp(T0 + 21, 'bo'))]),
      ]);
      await annOnA.next(isEvent('change'), 30_000);
      const viewFromA = await pullAll(serverA, workspace.token);
      const viewFromB = await pullAll(serverB, bo.token);
      expect(viewFromA).toEqual(viewFromB);
      expect(viewFromA).toHaveLength(2);
      expect(viewFromA.find((change) => change.recordId === note.recordId)?.fields).toMatchObject({ body: 'bo edit', deletedAt: null });
    } finally {
      stop.abort();
    }
  }, PROCESS_TEST_TIMEOUT_MS);
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
