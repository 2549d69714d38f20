import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { queryRows } from '@/server/src/db/rows';
import { updatedAtOf } from '@/lib/sync/merge';
import { pullResponseSchema } from '@/lib/sync/wire';
import { pullPage, pullResponseBody } from '@/server/src/sync/pull';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';

// An existing deployment upgrades: a database made by the first migration alone, with data in it, opened by
// the server applies the rest and keeps every row.

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the migration suite');

const MIGRATIONS = fileURLToPath(new URL('../../server/drizzle', import.meta.url));

/** A migrations folder holding only the first migration, as a deployment made before 0001 has applied. */
async function firstMigrationOnly(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'replyline-migrations-'));
  await mkdir(join(folder, 'meta'));
  const journal = JSON.parse(await readFile(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const [first] = journal.entries;
  if (!first) throw new Error('no migrations');
  await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  await copyFile(join(MIGRATIONS, `${first.tag}.sql`), join(folder, `${first.tag}.sql`));
  return folder;
}

const ids = { workspace: randomUUID(), agent: randomUUID(), other: randomUUID(), record: randomUUID() };
const STAMP = '001767600000123:000005:old-client';

/** Rows as the server before 0001 wrote them. */
const seedRows = [
  sql`insert into workspaces (id, name) values (${ids.workspace}, 'Old')`,
  sql`insert into workspace_versions (workspace_id, version) values (${ids.workspace}, 1)`,
  sql`insert into agents (id, workspace_id, name, role) values (${ids.agent}, ${ids.workspace}, 'Admin', 'admin'), (${ids.other}, ${ids.workspace}, 'Agent', 'agent')`,
  sql`insert into records (workspace_id, store, record_id, fields, stamps, version)
      values (${ids.workspace}, 'notes', ${ids.record}, ${JSON.stringify({ body: 'kept' })}::jsonb, ${JSON.stringify({ body: STAMP })}::jsonb, 1)`,
  sql`insert into mutations (workspace_id, mutation_id, agent_id, at, store, record_id, changed_fields)
      values (${ids.workspace}, ${randomUUID()}, ${ids.agent}, now(), 'notes', ${ids.record}, array['body']),
             (${ids.workspace}, ${randomUUID()}, ${ids.other}, now(), 'notes', ${ids.record}, array['body'])`,
];

interface Target {
  name: string;
  available: boolean;
  /** Applies the first migration and the seed rows, then opens the database as the server does. */
  upgrade(folder: string): Promise<{ database: ServerDatabase; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'PGlite (embedded)',
    available: true,
    async upgrade(folder) {
      const dataDir = await mkdtemp(join(tmpdir(), 'replyline-upgrade-'));
      const client = await PGlite.create(dataDir);
      const old = drizzlePglite({ client });
      await migratePglite(old, { migrationsFolder: folder });
      for (const statement of seedRows) await old.execute(statement);
      await client.close();
      const database = await openServerDatabase({ dataDir });
      return {
        database,
        async cleanup() {
          await database.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL (127.0.0.1:5432)',
    available: postgresUser !== undefined,
    async upgrade(folder) {
      const testDatabase = await createTestDatabase(postgresUser!);
      const client = postgres(testDatabase.url, { max: 1, onnotice: () => undefined });
      const old = drizzlePostgres({ client });
      await migratePostgres(old, { migrationsFolder: folder });
      for (const statement of seedRows) await old.execute(statement);
      await client.end({ timeout: 5 });
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

for (const target of targets) {
  describe.skipIf(!target.available)(`upgrading a database made before migration 0001 — ${target.name}`, () => {
    let folder: string;
    let opened: Awaited<ReturnType<Target['upgrade']>>;
    const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string | number }>(opened.database.db, query))[0]?.n);

    beforeAll(async () => {
      folder = await firstMigrationOnly();
      opened = await target.upgrade(folder);
    });
    afterAll(async () => {
      await opened.cleanup();
      await rm(folder, { recursive: true, force: true });
    });

    it('applies every migration and keeps the rows written before', async () => {
      const state = await opened.database.migrationState();
      expect(state.applied).toBe(state.expected);
      expect(state.applied).toBeGreaterThan(1);
      const page = pullResponseSchema.parse(JSON.parse(pullResponseBody(await pullPage(opened.database.db, ids.workspace, { after: 0, limit: 10 }), 0)));
      expect(page.changes.map((change) => [change.recordId, change.version, change.fields.body, change.stamps.body])).toEqual([[ids.record, 1, 'kept', STAMP]]);
      // updatedAt, kept beside the record since 0001, is filled in for the records written before.
      expect(page.changes[0]?.fields.updatedAt).toBe(updatedAtOf({ body: STAMP }));
      expect(await count(sql`select count(*) as n from mutations where workspace_id = ${ids.workspace}`)).toBe(2);
    });

    it('leaves records and mutations without foreign keys', async () => {
      const keys = await queryRows<{ conname: string }>(
        opened.database.db,
        sql`select conname from pg_constraint where contype = 'f' and conrelid in ('records'::regclass, 'mutations'::regclass)`,
      );
      expect(keys).toEqual([]);
    });

    it('still deletes an agent’s mutations with the agent, and a workspace’s records and mutations with the workspace', async () => {
      await opened.database.db.execute(sql`delete from agents where id = ${ids.other}`);
      expect(await count(sql`select count(*) as n from mutations where workspace_id = ${ids.workspace}`)).toBe(1);
      expect(await count(sql`select count(*) as n from records where workspace_id = ${ids.workspace}`)).toBe(1);

      await opened.database.db.execute(sql`delete from workspaces where id = ${ids.workspace}`);
      expect(await count(sql`select count(*) as n from mutations where workspace_id = ${ids.workspace}`)).toBe(0);
      expect(await count(sql`select count(*) as n from records where workspace_id = ${ids.workspace}`)).toBe(0);
      expect(await count(sql`select count(*) as n from agents where workspace_id = ${ids.workspace}`)).toBe(0);
    });
  });
}
