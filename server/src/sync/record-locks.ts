import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';

/**
 * A 64-bit advisory-lock key per record. Pushes lock the records they merge into (held to commit), so two
 * pushes to one record merge one after the other while pushes to different records run side by side.
 * Two records sharing a key (a hash collision) only wait for each other.
 */
export function recordLockKey(workspaceId: string, store: string, recordId: string): string {
  const digest = createHash('sha256').update(`${workspaceId}/${store}/${recordId}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/** Takes every key's transaction lock in ascending order, so that pushes never deadlock each other. */
export function lockRecords(tx: Pick<Db, 'execute'>, keys: string[]) {
  const sorted = [...new Set(keys)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  return tx.execute(sql`
    select count(*) as locked from (
      select pg_advisory_xact_lock(k) from (
        select (value)::bigint as k from jsonb_array_elements_text(${JSON.stringify(sorted)}::jsonb) with ordinality as e(value, ord) order by ord
      ) ordered
    ) taken`);
}
