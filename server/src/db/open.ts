import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The channel every server process LISTENs on; payloads carry their workspace id. */
export const EVENTS_CHANNEL = 'replyline_events';

export interface ServerDatabase {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Delivers every NOTIFY on `channel` (from any process on the same database) to `onPayload`. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * PostgreSQL through postgres.js when `databaseUrl` is given; otherwise embedded PGlite, in `dataDir`
 * or, with neither, in memory. Applies the migrations in server/drizzle before returning.
 */
export async function openServerDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<ServerDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<ServerDatabase> {
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    kind: 'pglite',
    db,
    async listen(channel, onPayload) {
      const unlisten = await client.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => client.close(),
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
