import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { pullResponseSchema, pushResponseSchema, type Mutation, type PullResponse } from '@/lib/sync/wire';
import { createAgent, createWorkspace, openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { runCommand } from '@/server/src/cli/commands';
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
  it('closes streams on every process within a second when the CLI or another process revokes an agent or one token', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Revocations', adminName: 'Ann' });
    const [bo, cy] = [
      await createAgent(database.db, workspace.workspace.id, { name: 'Bo', role: 'agent' }),
      await createAgent(database.db, workspace.workspace.id, { name: 'Cy', role: 'agent' }),
    ];
    const [serverA, serverB] = [running.at(-1) ?? (await start()), await start()];
    const stop = new AbortController();
    const closedWithin = async (stream: ReturnType<typeof readSse>, ms: number, what: string) => {
      await Promise.race([stream.closed, delay(ms).then(() => Promise.reject(new Error(`${what}: still open after ${ms} ms`)))]);
    };
    try {
      const subscribe = async (server: ServerProcess, token: string) => {
        const response = await fetch(`${server.baseUrl}/v1/events`, { headers: { Authorization: `Bearer ${token}` }, signal: stop.signal });
        expect(response.status).toBe(200);
        const stream = readSse(response.body!);
        // Pings are 25 s apart: give the server a moment to register the stream rather than wait for one.
        await delay(200);
        return stream;
      };
      // The CLI, a separate process on the same database, revokes Bo's token; Bo listens on B.
      const boOnB = await subscribe(serverB, bo.token);
      const output: string[] = [];
      const cliAt = performance.now();
      expect(await runCommand(database, ['revoke-token', workspace.workspace.id, bo.tokenId], (line) => output.push(line))).toBe(0);
      await closedWithin(boOnB, 1000, 'the CLI-revoked token’s stream on another process');
      expect(performance.now() - cliAt).toBeLessThan(1000);
      expect(output.join('\n')).toContain('Running servers on this database close the revoked event streams now');

      // The admin revokes Cy through A; Cy listens on B.
      const cyOnB = await subscribe(serverB, cy.token);
      const apiAt = performance.now();
      const revoked = await fetch(`${serverA.baseUrl}/v1/agents/${cy.agent.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${workspace.token}` } });
      expect(revoked.status).toBe(200);
      await closedWithin(cyOnB, 1000, 'the agent revoked through another process');
      expect(performance.now() - apiAt).toBeLessThan(1000);
    } finally {
      stop.abort();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('keeps every accepted write when many clients push at once through two processes, and both serve the same state', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Concurrent', adminName: 'Ann' });
    const agents = [workspace.token];
    for (let i = 1; i < 8; i++) agents.push((await createAgent(database.db, workspace.workspace.id, { name: `Agent ${i}`, role: 'agent' })).token);
    const servers = [running.at(-1) ?? (await start()), running.at(-2) ?? (await start())];
    const shared = Array.from({ length: 3 }, () => newNote('shared', stamp(T0, 'seed')));
    await push(servers[0]!, workspace.token, shared);
    // Per shared record, the newest body any client was told was applied or superseded (seeds + edits + new notes = mutations).
    const newest = new Map<string, { at: string; body: string }>();
    const created = new Set<string>(shared.map((note) => note.recordId));
    await Promise.all(
      agents.map(async (token, client) => {
        for (let round = 0; round < 12; round++) {
          const at = stamp(T0 + 1000 + round, `c${client}`);
          const target = shared[(client + round) % shared.length]!;
          const edit = mutation(target.recordId, { body: `c${client} r${round}` }, at);
          const fresh = Array.from({ length: 1 + ((client + round) % 5) }, (_, i) => newNote(`c${client} r${round} n${i}`, at));
          const answer = await push(servers[(client + round) % 2]!, token, [edit, ...fresh]);
          expect(answer.results.every((result) => result.status === 'applied' || result.status === 'superseded')).toBe(true);
          const held = newest.get(target.recordId);
          if (!held || held.at < at) newest.set(target.recordId, { at, body: `c${client} r${round}` });
          for (const note of fresh) created.add(note.recordId);
        }
      }),
    );
    const [viewA, viewB] = [await pullAll(servers[0]!, workspace.token), await pullAll(servers[1]!, agents[1]!)];
    expect(viewA).toEqual(viewB);
    expect(new Set(viewA.map((change) => change.recordId))).toEqual(created);
    expect(new Set(viewA.map((change) => change.version)).size).toBe(viewA.length);
    for (const [recordId, { at, body }] of newest) {
      const change = viewA.find((candidate) => candidate.recordId === recordId);
      expect(change?.fields.body, recordId).toBe(body);
      expect(change?.stamps.body).toBe(at);
    }
    expect(await countRows(workspace.workspace.id)).toEqual({ records: created.size, mutations: agents.length * 12 + created.size });
  }, PROCESS_TEST_TIMEOUT_MS);
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
