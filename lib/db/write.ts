import type { IDBPTransaction, StoreNames } from 'idb';
import type { RecordBase, SyncedStoreName } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { ReplylineSchema, StoreRecord } from './schema';

export type WriteTransaction = IDBPTransaction<ReplylineSchema, StoreNames<ReplylineSchema>[], 'readwrite'>;

/** Every store a synced write touches besides its own. */
export const WRITE_SIDE_STORES = ['outbox', 'meta'] as const;

const BOOKKEEPING_FIELDS = new Set<string>(['id', 'createdAt', 'updatedAt', 'stamps']);

/**
 * Stores `next`, stamping the fields that differ from `previous`, and appends those fields to the
 * outbox, all in the caller's transaction, so that a write and its outbox entry land together or not at all.
 * Returns the stored record (unchanged `previous` when nothing changed).
 */
export async function writeRecord<S extends SyncedStoreName>(
  tx: WriteTransaction,
  store: S,
  next: StoreRecord<S>,
  previous: StoreRecord<S> | undefined,
  clock: ReplicaClock,
): Promise<StoreRecord<S>> {
  const changed = changedFields(next, previous);
  if (changed.length === 0 && previous) return previous;

  const stamp = clock.next();
  const stamps: Record<string, string> = { ...(previous?.stamps ?? {}) };
  const fields: Record<string, unknown> = {};
  for (const field of changed) {
    stamps[field] = stamp;
    fields[field] = (next as unknown as Record<string, unknown>)[field];
  }
  const stored = { ...next, stamps, updatedAt: clock.nowIso() } as StoreRecord<S>;
  if (!previous) fields.createdAt = stored.createdAt;

  // The generic put cannot be expressed per store without a cast: the store name picks the value type.
  await (tx.objectStore(store) as unknown as { put(value: StoreRecord<S>): Promise<unknown> }).put(stored);
  await tx.objectStore('outbox').add({
    mutationId: crypto.randomUUID(),
    store,
    recordId: stored.id,
    fields,
    stamps: Object.fromEntries(changed.map((field) => [field, stamp])),
    createdAt: stored.updatedAt,
  });
  const { key, value } = clock.snapshot();
  await tx.objectStore('meta').put(value, key);
  return stored;
}

function changedFields(next: RecordBase, previous: RecordBase | undefined): string[] {
  const nextFields = next as unknown as Record<string, unknown>;
  const previousFields = (previous ?? {}) as unknown as Record<string, unknown>;
  const names = new Set([...Object.keys(nextFields), ...Object.keys(previousFields)]);
  return [...names].filter(
    (name) => !BOOKKEEPING_FIELDS.has(name) && JSON.stringify(nextFields[name]) !== JSON.stringify(previousFields[name]),
  );
}
