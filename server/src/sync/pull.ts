import { and, asc, eq, gt } from 'drizzle-orm';
import { syncedStoreNameSchema } from '@/lib/model';
import { updatedAtOf } from '@/lib/sync/merge';
import type { PullQuery, PullResponse } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { records } from '../db/schema';

/** The records changed after `after`, oldest version first, each in its whole merged state. */
export async function pullChanges(db: Db, workspaceId: string, query: PullQuery): Promise<PullResponse> {
  const rows = await db
    .select()
    .from(records)
    .where(and(eq(records.workspaceId, workspaceId), gt(records.version, query.after)))
    .orderBy(asc(records.version))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const changes = page.map((row) => ({
    version: row.version,
    store: syncedStoreNameSchema.parse(row.store),
    recordId: row.recordId,
    // id and updatedAt are derived, not merged: the key, and the wall time of the newest stamp.
    fields: { ...row.fields, id: row.recordId, updatedAt: updatedAtOf(row.stamps) ?? row.fields.updatedAt },
    stamps: row.stamps,
  }));
  return { changes, cursor: page.at(-1)?.version ?? query.after, hasMore: rows.length > query.limit };
}
