// Shared by the sync benchmarks: a real server process on PGlite or on a fresh PostgreSQL database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushResponseSchema, type Mutation, type PullResponse, pullResponseSchema } from '@/lib/sync/wire';
import { createAgent, createWorkspace, openServerDatabase } from '@/server/src/app';
import { createTestDatabase, findPostgresUser } from '@/tests/server/support/postgres';
import { startServerProcess, type ServerProcess } from '@/tests/server/support/server-process';

export interface BenchServer {
  database: 'pglite' | 'postgres';
  /** The first of `servers`. */
  server: ServerProcess;
  /** Every process started on the database (one on PGlite, which allows one process per data directory). */
  servers: ServerProcess[];
  tokens: string[];
  dispose(): Promise<void>;
}

/**
 * `agents` tokens in one new workspace, then `processes` servers started on that database (no rate limit in
 * the way), each with `poolSize` connections.
 */
export async function startBenchServer(
  database: 'pglite' | 'postgres',
  agents = 1,
  options: { processes?: number; poolSize?: number } = {},
): Promise<BenchServer> {
  const processes = database === 'pglite' ? 1 : (options.processes ?? 1);
  const dataDir = database === 'pglite' ? await mkdtemp(join(tmpdir(), 'replyline-bench-')) : undefined;
  const user = database === 'postgres' ? await findPostgresUser() : undefined;
  if (database === 'postgres' && !user) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432');
  const testDatabase = user ? await createTestDatabase(user) : undefined;

  // PGlite allows one process per data directory: set up, close, then hand it to the server.
  const setup = await openServerDatabase(testDatabase ? { databaseUrl: testDatabase.url } : { dataDir });
  const created = await createWorkspace(setup.db, { name: 'Bench', adminName: 'Bench admin' });
  const tokens = [created.token];
  for (let i = 1; i < agents; i++) tokens.push((await createAgent(setup.db, created.workspace.id, { name: `Agent ${i}`, role: 'agent' })).token);
  await setup.close();

  const env = {
    ...(testDatabase ? { DATABASE_URL: testDatabase.url, DATABASE_POOL_SIZE: String(options.poolSize ?? 20) } : { REPLYLINE_DATA_DIR: dataDir! }),
    REPLYLINE_RATE_BURST: '1000000',
    REPLYLINE_RATE_PER_SECOND: '1000000',
  };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startServerProcess(env));
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    if (testDatabase) await testDatabase.drop();
    throw error;
  }
  return {
    database,
    server: servers[0]!,
    servers,
    tokens,
    async dispose() {
      await Promise.all(servers.map((server) => server.stop()));
      if (testDatabase) await testDatabase.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function pushOver(baseUrl: string, token: string, clientId: string, mutations: Mutation[]) {
  const response = await fetch(`${baseUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientId, mutations }),
  });
  if (response.status !== 200) throw new Error(`push: ${response.status} ${await response.text()}`);
  return pushResponseSchema.parse(await response.json());
}

export async function pullOver(baseUrl: string, token: string, after: number, limit: number): Promise<PullResponse> {
  const response = await fetch(`${baseUrl}/v1/sync/pull?after=${after}&limit=${limit}`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`pull: ${response.status} ${await response.text()}`);
  return pullResponseSchema.parse(await response.json());
}

export async function postgresReachable(): Promise<boolean> {
  return (await findPostgresUser()) !== undefined;
}
