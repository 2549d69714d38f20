import { desc, eq } from 'drizzle-orm';
import { syncedStoreNameSchema } from '@/lib/model';
import type { AuditEntry } from '@/lib/sync/wire';
import type { Db } from '../db/open';
import { agents, mutations } from '../db/schema';

/** Who changed what, newest first; `fields` lists the fields a mutation actually changed (none when it lost every merge). */
export async function auditTrail(db: Db, workspaceId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .select({
      at: mutations.at,
      agentId: mutations.agentId,
      agentName: agents.name,
      store: mutations.store,
      recordId: mutations.recordId,
      fields: mutations.changedFields,
    })
    .from(mutations)
    .innerJoin(agents, eq(agents.id, mutations.agentId))
    .where(eq(mutations.workspaceId, workspaceId))
    .orderBy(desc(mutations.at), desc(mutations.mutationId))
    .limit(limit);
  return rows.map((row) => ({ ...row, at: row.at.toISOString(), store: syncedStoreNameSchema.parse(row.store) }));
}
