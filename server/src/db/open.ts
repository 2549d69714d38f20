import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock';
import { queryRows } from './rows';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The channel every server process LISTENs on; payloads carry their workspace id. */
export const EVENTS_CHANNEL = 'replyline_events';

export interface ServerDatabase {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Delivers every NOTIFY on `channel` (from any process on the same database) to `onPayload`. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** How many of the migrations in server/drizzle the database has applied. */
  migrationState(): Promise<{ applied: number; expected: number }>;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const EXPECTED_MIGRATIONS = (JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] }).entries.length;

async function migrationState(db: Db): Promise<{ applied: number; expected: number }> {
  const rows = await queryRows<{ applied: string | number }>(db, sql`select count(*) as applied from drizzle.__drizzle_migrations`);
  return { applied: Number(rows[0]?.applied ?? 0), expected: EXPECTED_MIGRATIONS };
}

/**
 * PostgreSQL through postgres.js when `databaseUrl` is given; otherwise embedded PGlite, in `dataDir`
 * or, with neither, in memory. Applies the migrations in server/drizzle before returning.
 */
export async function openServerDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<ServerDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<ServerDatabase> {
  // One process per data directory: a second server, or the CLI beside a running server, is refused here.
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  let pglite: ReturnType<typeof drizzlePglite<typeof schema>>;
  try {
    client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    pglite = drizzlePglite({ client, schema });
    await migratePglite(pglite, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db: Db = pglite;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    migrationState: () => migrationState(db),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<ServerDatabase> {
  const client = postgres(databaseUrl, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => undefined,
  });
  const db = drizzlePostgres({ client, schema });
  await migrateOnce(databaseUrl, () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }));
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      const subscription = await client.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    migrationState: () => migrationState(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Any constant: the advisory lock that keeps two processes starting together from migrating at once. */
const MIGRATION_LOCK_KEY = 7_220_431;

async function migrateOnce(databaseUrl: string, migrate: () => Promise<void>): Promise<void> {
  // A session lock on its own connection; closing the connection releases it, even if migrate throws.
  const lock = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate();
  } finally {
    await lock.end({ timeout: 5 });
  }
}
