import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SyncedStoreName } from '@/lib/model';
import { mergeFields, type StampedFields } from '@/lib/sync/merge';
import type { Mutation, PushResponse } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { mutations, records, workspaceVersions } from '../db/schema';

export interface PushContext {
  workspaceId: string;
  agentId: string;
  now: Date;
}

export interface PushResult extends PushResponse {
  /** Whether the workspace version grew (subscribers are told only then). */
  versionChanged: boolean;
}

interface WorkingRecord extends StampedFields {
  store: SyncedStoreName;
  recordId: string;
  changed: boolean;
}

/**
 * Merges a batch into the stored records in one transaction. The workspace's counter row is locked
 * first, so pushes to one workspace run one at a time and commit their versions in order.
 * Mutation ids already stored are skipped but still reported accepted, so a retried batch is harmless.
 */
export async function pushMutations(db: Db, context: PushContext, batch: Mutation[]): Promise<PushResult> {
  const { workspaceId } = context;
  return db.transaction(async (tx) => {
    const [counter] = await tx
      .select({ version: workspaceVersions.version })
      .from(workspaceVersions)
      .where(eq(workspaceVersions.workspaceId, workspaceId))
      .for('update');
    if (!counter) throw new Error(`workspace ${workspaceId} has no version counter`);

    const unique = uniqueByMutationId(batch);
    // Independent reads and writes go out together: postgres.js pipelines them on the transaction's connection.
    const [seenRows, working] = await Promise.all([
      tx
        .select({ mutationId: mutations.mutationId })
        .from(mutations)
        .where(and(eq(mutations.workspaceId, workspaceId), inArray(mutations.mutationId, unique.map((m) => m.mutationId)))),
      loadRecords(tx, workspaceId, unique),
    ]);
    const seen = new Set(seenRows.map((row) => row.mutationId));
    const fresh = unique.filter((mutation) => !seen.has(mutation.mutationId));
    const accepted = batch.map((mutation) => mutation.mutationId);
    if (fresh.length === 0) return { accepted, version: counter.version, versionChanged: false };

    const auditRows = fresh.map((mutation) => {
      const key = recordKey(mutation.store, mutation.recordId);
      const current = working.get(key) ?? { store: mutation.store, recordId: mutation.recordId, fields: {}, stamps: {}, changed: false };
      const merged = mergeFields(current, { fields: mutation.fields, stamps: mutation.stamps });
      const changedFields = Object.keys(mutation.stamps).filter((name) => merged.stamps[name] !== current.stamps[name]);
      working.set(key, { ...current, fields: merged.fields, stamps: merged.stamps, changed: current.changed || merged.changed });
      return {
        workspaceId,
        mutationId: mutation.mutationId,
        agentId: context.agentId,
        at: context.now,
        store: mutation.store,
        recordId: mutation.recordId,
        changedFields,
      };
    });

    const changedRecords = [...working.values()].filter((record) => record.changed);
    let version = counter.version;
    const rows = changedRecords.map((record) => ({
      workspaceId,
      store: record.store,
      recordId: record.recordId,
      fields: record.fields,
      stamps: record.stamps,
      version: ++version,
    }));
    const writes: Array<Promise<unknown>> = [tx.insert(mutations).values(auditRows)];
    if (rows.length > 0) {
      writes.push(
        tx
          .insert(records)
          .values(rows)
          .onConflictDoUpdate({
            target: [records.workspaceId, records.store, records.recordId],
            set: { fields: sql`excluded.fields`, stamps: sql`excluded.stamps`, version: sql`excluded.version` },
          }),
        tx.update(workspaceVersions).set({ version }).where(eq(workspaceVersions.workspaceId, workspaceId)),
      );
    }
    await Promise.all(writes);
    return { accepted, version, versionChanged: version !== counter.version };
  });
}

function uniqueByMutationId(batch: Mutation[]): Mutation[] {
  const byId = new Map<string, Mutation>();
  for (const mutation of batch) if (!byId.has(mutation.mutationId)) byId.set(mutation.mutationId, mutation);
  return [...byId.values()];
}

function recordKey(store: string, recordId: string): string {
  return `${store}/${recordId}`;
}

async function loadRecords(
  tx: Pick<Db, 'select'>,
  workspaceId: string,
  batch: Mutation[],
): Promise<Map<string, WorkingRecord>> {
  const idsByStore = new Map<SyncedStoreName, Set<string>>();
  for (const mutation of batch) {
    const ids = idsByStore.get(mutation.store) ?? new Set<string>();
    ids.add(mutation.recordId);
    idsByStore.set(mutation.store, ids);
  }
  const rows = await tx
    .select({ store: records.store, recordId: records.recordId, fields: records.fields, stamps: records.stamps })
    .from(records)
    .where(
      and(
        eq(records.workspaceId, workspaceId),
        or(...[...idsByStore].map(([store, ids]) => and(eq(records.store, store), inArray(records.recordId, [...ids])))),
      ),
    );
  const working = new Map<string, WorkingRecord>();
  for (const row of rows) {
    working.set(recordKey(row.store, row.recordId), {
      store: row.store as SyncedStoreName,
      recordId: row.recordId,
      fields: row.fields,
      stamps: row.stamps,
      changed: false,
    });
  }
  return working;
}
