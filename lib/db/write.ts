import type { IDBPTransaction, StoreNames } from 'idb';
import type { SyncedStoreName } from '@/lib/model';
import { noteChange } from './changes';
import type { ReplicaClock } from './clock';
import { appendToOutbox } from './outbox-append';
import { indexMetricsIn } from './metrics-store';
import { indexConversationIn } from './queue-store';
import type { ReplylineSchema, StoreRecord } from './schema';
import { stampWrite } from './stamp';

export type WriteTransaction = IDBPTransaction<ReplylineSchema, StoreNames<ReplylineSchema>[], 'readwrite'>;

/** Every store a synced write touches besides its own. */
export const WRITE_SIDE_STORES = ['outbox', 'meta', 'queue', 'metrics'] as const;

/**
 * Stores `next`, stamping the fields that differ from `previous`, and merges those fields into the
 * record's outbox entry, all in the caller's transaction, so that a write and its outbox entry land together or not at all.
 * Returns the stored record (unchanged `previous` when nothing changed). Throws RefusedWrite, before
 * anything is written, for a write the team backend would refuse.
 */
export async function writeRecord<S extends SyncedStoreName>(
  tx: WriteTransaction,
  store: S,
  next: StoreRecord<S>,
  previous: StoreRecord<S> | undefined,
  clock: ReplicaClock,
): Promise<StoreRecord<S>> {
  const write = stampWrite(store, next, previous, clock);
  if (!write) return previous ?? next;
  // The generic put cannot be expressed per store without a cast: the store name picks the value type.
  await (tx.objectStore(store) as unknown as { put(value: StoreRecord<S>): Promise<unknown> }).put(write.stored);
  await indexDerived(tx, store, write.stored);
  // Looked up even for a new record: a caller's `previous` is not proof that nothing is queued for its id.
  await appendToOutbox(tx, write.outbox, false);
  const { key, value } = clock.snapshot();
  await tx.objectStore('meta').put(value, key);
  noteChange(tx, store, write.stored.id, 'local');
  return write.stored;
}

/** Keeps the stores derived from a synced record (the pending queue, the metrics rows) in step with it, in the same transaction. */
export async function indexDerived<S extends SyncedStoreName>(tx: WriteTransaction, store: S, stored: StoreRecord<S>): Promise<void> {
  if (store !== 'conversations') return;
  const conversation = stored as StoreRecord<'conversations'>;
  await Promise.all([indexConversationIn(tx.objectStore('queue'), tx.objectStore('meta'), conversation), indexMetricsIn(tx.objectStore('metrics'), conversation)]);
}
