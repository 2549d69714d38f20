import type { RecordBase, SyncedStoreName } from '@/lib/model';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import type { ReplicaClock } from './clock';
import { assertPushable } from './refused-write';
import type { StoreRecord } from './schema';

const BOOKKEEPING_FIELDS = new Set<string>(['id', 'createdAt', 'updatedAt', 'stamps']);

export interface StampedWrite<S extends SyncedStoreName> {
  /** The record as it is stored: the changed fields carry the write's stamp. */
  stored: StoreRecord<S>;
  /** Its outbox entry: the changed fields and their stamps (a new record's createdAt too). */
  outbox: OutboxEntry;
}

/**
 * Stamps one synced write: one HLC stamp for the fields that differ from `previous`, and one instant
 * for the record's `updatedAt` and the outbox entry. A new record's `updatedAt` is its `createdAt`
 * (the caller's one clock read), so a record nobody edited never reads as edited. Null when nothing
 * changed. writeRecord and WriteBatch both go through here: one way to stamp a write.
 *
 * The outbox entry is the mutation the server will be sent: every field it carries is stamped (a new
 * record's createdAt with the write's stamp), an unset field travels as a stamp without a value, and it
 * is checked with the wire's schema here, so a write the server would refuse throws RefusedWrite
 * before anything is stored (the caller's transaction is then aborted by the caller's failure).
 */
export function stampWrite<S extends SyncedStoreName>(
  store: S,
  next: StoreRecord<S>,
  previous: StoreRecord<S> | undefined,
  clock: ReplicaClock,
): StampedWrite<S> | null {
  const changed = changedFields(next, previous);
  if (changed.length === 0 && previous) return null;

  const stamp = clock.next();
  const stamps: Record<string, string> = { ...(previous?.stamps ?? {}) };
  const fields: Record<string, unknown> = {};
  const outboxStamps: Record<string, string> = {};
  const values = next as unknown as Record<string, unknown>;
  for (const field of changed) {
    stamps[field] = stamp;
    outboxStamps[field] = stamp;
    if (values[field] !== undefined) fields[field] = values[field];
  }
  const updatedAt = previous ? clock.nowIso() : next.createdAt;
  const stored = { ...next, stamps, updatedAt } as StoreRecord<S>;
  if (!previous) {
    fields.createdAt = stored.createdAt;
    outboxStamps.createdAt = stamp;
  }
  const outbox: OutboxEntry = { mutationId: crypto.randomUUID(), store, recordId: stored.id, fields, stamps: outboxStamps, createdAt: updatedAt };
  assertPushable(outbox);
  return { stored, outbox };
}

function changedFields(next: RecordBase, previous: RecordBase | undefined): string[] {
  const nextFields = next as unknown as Record<string, unknown>;
  if (previous === undefined) {
    // A new record: every field that has a value (what the comparison below gives, without serialising).
    return Object.keys(nextFields).filter((name) => !BOOKKEEPING_FIELDS.has(name) && nextFields[name] !== undefined);
  }
  const previousFields = previous as unknown as Record<string, unknown>;
  const names = new Set([...Object.keys(nextFields), ...Object.keys(previousFields)]);
  return [...names].filter(
    (name) => !BOOKKEEPING_FIELDS.has(name) && JSON.stringify(nextFields[name]) !== JSON.stringify(previousFields[name]),
  );
}
