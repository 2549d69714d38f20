import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const HOST = process.env.REPLYLINE_TEST_PG_HOST ?? '127.0.0.1';
const PORT = Number(process.env.REPLYLINE_TEST_PG_PORT ?? 5432);
const USERS = ['root', 'postgres'];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The user that can log in to the local server (trust auth), or undefined when none answers. */
export async function findPostgresUser(): Promise<string | undefined> {
  for (const user of USERS) {
    const sql = postgres({ host: HOST, port: PORT, user, database: 'postgres', connect_timeout: 2, max: 1, onnotice: () => undefined });
    try {
      await sql`select 1`;
      return user;
    } catch {
      // Try the next user.
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  return undefined;
}

/**
 * Warns loudly when PostgreSQL is missing and the suite is skipped; in CI (CI=true) a missing
 * PostgreSQL is a failure, not a skip.
 */
export function requirePostgresInCi(user: string | undefined, suite: string): void {
  if (user) return;
  const message = `POSTGRESQL SUITE SKIPPED: no PostgreSQL answered on ${HOST}:${PORT} (users ${USERS.join(', ')}); ${suite} ran on PGlite only`;
  if (process.env.CI === 'true') throw new Error(`${message} — failing because CI=true`);
  const banner = '!'.repeat(message.length);
  console.warn(`\n${banner}\n${message}\n${banner}\n`);
}

/** A fresh database `replyline_test_<random>`, dropped (with its connections) by `drop()`. */
export async function createTestDatabase(user: string): Promise<TestDatabase> {
  const name = `replyline_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres({ host: HOST, port: PORT, user, database: 'postgres', max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  return {
    url: `postgres://${user}@${HOST}:${PORT}/${name}`,
    async drop() {
      const sql = postgres({ host: HOST, port: PORT, user, database: 'postgres', max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}
