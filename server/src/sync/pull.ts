import { sql } from 'drizzle-orm';
import type { PullQuery } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { queryRows } from '../db/rows';

/** One page of a pull: `changesJson` is the JSON array of the wire's `changes`, as the database wrote it. */
export interface PullPage {
  changesJson: string;
  cursor: number;
  hasMore: boolean;
}

/**
 * The records changed after `after`, oldest version first, each in its whole merged state. The database
 * writes the page's JSON itself: parsing every record's fields and stamps here only to write them out again
 * was most of what a pull cost this process.
 *
 * id and updatedAt are derived, not merged: the key, and the wall time of the newest stamp (as
 * `updatedAtOf` in lib/sync/merge reads it: the first 15 digits of the greatest stamp, in ms since the epoch,
 * as an ISO instant), or the stored updatedAt when the record has no stamp.
 */
export async function pullPage(db: Db, workspaceId: string, query: PullQuery): Promise<PullPage> {
  const rows = await queryRows<{ changes: string | null; cursor: string | number | null; rows: string | number }>(
    db,
    sql`
    with page as (
      -- One row more than asked for: whether there is more.
      select r.version, r.store, r.record_id, r.fields, r.stamps
      from records r
      where r.workspace_id = ${workspaceId} and r.version > ${query.after}
      order by r.version
      limit ${query.limit + 1}
    ), shown as (
      select p.*, (select max(s.value collate "C") from jsonb_each_text(p.stamps) s) as newest
      from (select * from page order by version limit ${query.limit}) p
    )
    select
      (select json_agg(json_build_object(
         'version', s.version,
         'store', s.store,
         'recordId', s.record_id,
         'fields', s.fields || case
           when s.newest is null then jsonb_build_object('id', s.record_id)
           else jsonb_build_object('id', s.record_id, 'updatedAt', to_char(
             (timestamptz 'epoch' + left(s.newest, 15)::bigint * interval '1 millisecond') at time zone 'UTC',
             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         end,
         'stamps', s.stamps) order by s.version)::text
       from shown s) as changes,
      (select max(s.version) from shown s) as cursor,
      (select count(*) from page) as rows`,
  );
  const row = rows[0];
  return {
    changesJson: row?.changes ?? '[]',
    cursor: row?.cursor === null || row?.cursor === undefined ? query.after : Number(row.cursor),
    hasMore: Number(row?.rows ?? 0) > query.limit,
  };
}

/** The body of GET /v1/sync/pull (the wire's PullResponse), around the page's JSON as the database wrote it. */
export function pullResponseBody(page: PullPage, serverTime: number): string {
  return `{"changes":${page.changesJson},"cursor":${page.cursor},"hasMore":${page.hasMore},"serverTime":${serverTime}}`;
}
