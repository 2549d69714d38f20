import { sql } from 'drizzle-orm';
import type { SyncedStoreName } from '@/lib/model';
import { mergeFields, type StampedFields } from '@/lib/sync/merge';
import { checkMutation, type Mutation, type PushResult } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { queryRows } from '../db/rows';
import { lockRecords, recordLockKey } from './record-locks';

export interface PushContext {
  workspaceId: string;
  agentId: string;
  now: Date;
}

export interface PushOutcome {
  /** One per mutation sent, in the order sent. */
  results: PushResult[];
  /** The workspace version after the push. */
  version: number;
  /** Whether the workspace version grew (subscribers are told only then). */
  versionChanged: boolean;
}

/** A push whose mutations have been judged one by one, ready to merge. */
export interface JudgedPush {
  agentId: string;
  now: Date;
  verdicts: MutationVerdict[];
}

export type MutationVerdict = ReturnType<typeof checkMutation>;

interface WorkingRecord extends StampedFields {
  store: SyncedStoreName;
  recordId: string;
  changed: boolean;
}

interface AuditRow {
  mutation_id: string;
  agent_id: string;
  at: string;
  store: string;
  record_id: string;
  changed: string[];
}

export function judgePush(context: PushContext, batch: unknown[]): JudgedPush {
  return { agentId: context.agentId, now: context.now, verdicts: batch.map((raw) => checkMutation(raw, context.now.getTime())) };
}

export function hasValidMutation(push: JudgedPush): boolean {
  return push.verdicts.some((verdict) => verdict.ok);
}

/** The answer to a push none of whose mutations is valid: nothing to store. */
export function rejectedOnly(push: JudgedPush, version: number): PushOutcome {
  return { results: push.verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.rejection])), version, versionChanged: false };
}

/**
 * Merges several pushes to one workspace, in the order given, in one transaction (one commit for all of
 * them: the commit, not the merging, is what a push mostly waits for):
 * 1. lock the records they touch (advisory locks, ascending, held to commit), then read them and which
 *    mutation ids are already stored, in one pipelined round trip;
 * 2. merge field by field in memory, push after push;
 * 3. the audit rows are inserted, then one statement takes the workspace counter's row lock, hands each
 *    changed record the next version and upserts the records; the commit follows at once.
 * The counter is locked only for that last statement and the commit, so transactions on one workspace overlap
 * in everything but their final step, and still commit their versions in version order: a pull never sees
 * version n+1 while n is uncommitted.
 */
export async function mergePushes(db: Db, workspaceId: string, pushes: JudgedPush[]): Promise<PushOutcome[]> {
  const valid = pushes.flatMap((push) => push.verdicts.flatMap((verdict) => (verdict.ok ? [verdict.mutation] : [])));
  return db.transaction(async (tx) => {
    const keys = new Map<string, { store: string; record_id: string }>();
    for (const mutation of valid) keys.set(recordKey(mutation.store, mutation.recordId), { store: mutation.store, record_id: mutation.recordId });
    const lockKeys = valid.map((mutation) => recordLockKey(workspaceId, mutation.store, mutation.recordId));
    // The locks first, on their own round trip: reads sent alongside them are not ordered after them
    // (drizzle's queries start when awaited, and queryRows awaits at once), and a read taken before the
    // lock is held merges against a stale record and loses a concurrent write.
    await lockRecords(tx, lockKeys);
    const [storedRows, seenRows, versionRows] = await Promise.all([
      queryRows<{ store: SyncedStoreName; record_id: string; fields: Record<string, unknown>; stamps: Record<string, string> }>(
        tx,
        sql`select r.store, r.record_id, r.fields, r.stamps from records r
            join jsonb_to_recordset(${JSON.stringify([...keys.values()])}::jsonb) as k(store text, record_id uuid)
              on r.store = k.store and r.record_id = k.record_id
            where r.workspace_id = ${workspaceId}`,
      ),
      queryRows<{ mutation_id: string }>(
        tx,
        sql`select m.mutation_id from mutations m
            where m.workspace_id = ${workspaceId}
              and m.mutation_id in (select (value)::uuid from jsonb_array_elements_text(${JSON.stringify(valid.map((m) => m.mutationId))}::jsonb))`,
      ),
      queryRows<{ version: string | number }>(tx, sql`select version from workspace_versions where workspace_id = ${workspaceId}`),
    ]);
    if (versionRows.length === 0) throw new Error(`workspace ${workspaceId} has no version counter`);

    const working = new Map<string, WorkingRecord>();
    for (const row of storedRows) {
      working.set(recordKey(row.store, row.record_id), { store: row.store, recordId: row.record_id, fields: row.fields, stamps: row.stamps, changed: false });
    }
    const seen = new Set(seenRows.map((row) => row.mutation_id));
    const audit: AuditRow[] = [];
    const resultsByPush = pushes.map((push) =>
      push.verdicts.map((verdict): PushResult => {
        if (!verdict.ok) return verdict.rejection;
        const mutation = verdict.mutation;
        if (seen.has(mutation.mutationId)) return { mutationId: mutation.mutationId, status: 'duplicate' };
        seen.add(mutation.mutationId);
        const { result, changed } = mergeInto(working, mutation);
        audit.push({ mutation_id: mutation.mutationId, agent_id: push.agentId, at: push.now.toISOString(), store: mutation.store, record_id: mutation.recordId, changed });
        return result;
      }),
    );

    const changedRecords = [...working.values()].filter((record) => record.changed);
    const before = Number(versionRows[0]?.version ?? 0);
    const version = audit.length === 0 ? undefined : await writeBatch(tx, workspaceId, changedRecords, audit);
    return resultsByPush.map((results) => ({ results, version: version ?? before, versionChanged: version !== undefined }));
  });
}

/** Merges one mutation into the working copy of its record and says what became of it. */
function mergeInto(working: Map<string, WorkingRecord>, mutation: Mutation): { result: PushResult; changed: string[] } {
  const key = recordKey(mutation.store, mutation.recordId);
  const current = working.get(key) ?? { store: mutation.store, recordId: mutation.recordId, fields: {}, stamps: {}, changed: false };
  const merged = mergeFields(current, { fields: mutation.fields, stamps: mutation.stamps });
  working.set(key, { ...current, fields: merged.fields, stamps: merged.stamps, changed: current.changed || merged.changed });

  const changed = Object.keys(mutation.stamps).filter((name) => merged.stamps[name] !== current.stamps[name]);
  // A field is held by another write when the merged stamp is not ours, or (same stamp, a different value) lost the tie.
  const held = Object.keys(mutation.stamps).filter(
    (name) => merged.stamps[name] !== mutation.stamps[name] || JSON.stringify(merged.fields[name]) !== JSON.stringify(mutation.fields[name]),
  );
  if (held.length === 0) return { result: { mutationId: mutation.mutationId, status: 'applied' }, changed };
  const stamp = held.map((name) => merged.stamps[name] ?? '').reduce((newest, next) => (next > newest ? next : newest), '');
  return { result: { mutationId: mutation.mutationId, status: 'superseded', fields: held, stamp }, changed };
}

/**
 * Two statements, sent together: the audit rows, then the counter's row lock (only when records changed), a
 * version per changed record and the upserts. The audit rows need no version, so they are written before the
 * counter is locked: the lock is held only for the records' upsert and the commit. Returns the new workspace
 * version, or undefined when no record changed.
 */
async function writeBatch(tx: Pick<Db, 'execute'>, workspaceId: string, changedRecords: WorkingRecord[], audit: AuditRow[]): Promise<number | undefined> {
  // A mutation id already stored by a concurrent push of the same id is skipped: its merge was the same.
  // `.then` sends it now (drizzle sends a query when it is awaited), ahead of the upsert below.
  const audited = tx.execute(sql`
    insert into mutations (workspace_id, mutation_id, agent_id, at, store, record_id, changed_fields)
    select ${workspaceId}, a.mutation_id, a.agent_id, a.at, a.store, a.record_id, a.changed
    from json_to_recordset(${JSON.stringify(audit)}::json) as a(mutation_id uuid, agent_id uuid, at timestamptz, store text, record_id uuid, changed text[])
    on conflict do nothing`).then(() => undefined);
  if (changedRecords.length === 0) {
    await audited;
    return undefined;
  }
  const recordsJson = JSON.stringify(
    changedRecords.map((record, index) => ({ ord: index + 1, store: record.store, record_id: record.recordId, fields: record.fields, stamps: record.stamps })),
  );
  const count = changedRecords.length;
  const versioned = queryRows<{ version: string | number }>(
    tx,
    sql`
    with counter as (
      update workspace_versions set version = version + ${count}
      where workspace_id = ${workspaceId}
      returning version
    ), upserted as (
      insert into records (workspace_id, store, record_id, fields, stamps, version)
      select ${workspaceId}, r.store, r.record_id, r.fields, r.stamps, counter.version - ${count} + r.ord
      from json_to_recordset(${recordsJson}::json) as r(ord int, store text, record_id uuid, fields jsonb, stamps jsonb)
      cross join counter
      on conflict (workspace_id, store, record_id)
      do update set fields = excluded.fields, stamps = excluded.stamps, version = excluded.version
      returning 1
    )
    select version, (select count(*) from upserted) as upserted from counter`,
  );
  const [, rows] = await Promise.all([audited, versioned]);
  const row = rows[0];
  if (!row) throw new Error(`workspace ${workspaceId} has no version counter`);
  return Number(row.version);
}

export async function currentVersion(db: Db, workspaceId: string): Promise<number> {
  const rows = await queryRows<{ version: string | number }>(db, sql`select version from workspace_versions where workspace_id = ${workspaceId}`);
  return Number(rows[0]?.version ?? 0);
}

function recordKey(store: string, recordId: string): string {
  return `${store}/${recordId}`;
}
