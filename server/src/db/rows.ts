import type { SQL } from 'drizzle-orm';
import type { Db } from './open';

/**
 * Runs raw SQL and returns its rows, whichever driver is underneath: postgres.js answers with an array,
 * PGlite with `{ rows }`.
 */
export async function queryRows<Row extends Record<string, unknown>>(db: Pick<Db, 'execute'>, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as Row[];
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error('the database answered a query without rows');
}
