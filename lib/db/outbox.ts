import { checkMutation, type PushRejection } from '@/lib/sync/wire';
import { outboxEntrySchema, type OutboxEntry } from '@/lib/sync/outbox-entry';
import type { ReplylineDb } from './open';

/** An outbox row the server would refuse (queued by an older version, or stored damaged): it goes to quarantine, not to the server. */
export interface UnpushableRow {
  seq: number;
  value: unknown;
  rejection: PushRejection;
}

/** The oldest unpushed writes first (only those the wire's rules accept). */
export async function pendingOutbox(db: ReplylineDb, limit: number): Promise<OutboxEntry[]> {
  return (await readOutbox(db, limit)).entries;
}

/** The oldest unpushed writes first, with the rows among them that no longer pass the wire's rules set apart. */
export async function readOutbox(db: ReplylineDb, limit: number): Promise<{ entries: OutboxEntry[]; unpushable: UnpushableRow[] }> {
  const values: unknown[] = await db.getAll('outbox', undefined, limit);
  const entries: OutboxEntry[] = [];
  const unpushable: UnpushableRow[] = [];
  for (const value of values) {
    const parsed = outboxEntrySchema.safeParse(value);
    if (parsed.success) {
      entries.push(parsed.data);
      continue;
    }
    // The store's key path puts `seq` in every row it holds, damaged or not.
    const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const mutation = Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'seq' && key !== 'createdAt'));
    // The clock-ahead rule needs the server's clock: locally only the shape and content rules apply.
    const checked = checkMutation(mutation, Number.POSITIVE_INFINITY);
    const rejection: PushRejection = checked.ok
      ? { mutationId: typeof mutation.mutationId === 'string' ? mutation.mutationId : '', status: 'rejected', reason: 'invalid', path: '', message: parsed.error.issues[0]?.message ?? 'not an outbox entry' }
      : checked.rejection;
    unpushable.push({ seq: Number(row.seq), value, rejection });
  }
  return { entries, unpushable };
}

export async function outboxSize(db: ReplylineDb): Promise<number> {
  return db.count('outbox');
}
