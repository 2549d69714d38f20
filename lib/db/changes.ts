import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { SyncedStoreName } from '@/lib/model';
import type { ReplylineSchema } from './schema';

/** One committed transaction's synced writes: which stores and records, and whether they came from this replica. */
export interface RecordsChanged {
  stores: SyncedStoreName[];
  ids: string[];
  origin: 'local' | 'remote';
}

type Listener = (change: RecordsChanged) => void;
type AnyTransaction = IDBPTransaction<ReplylineSchema, StoreNames<ReplylineSchema>[], 'readwrite'>;
type AnyDatabase = IDBPDatabase<ReplylineSchema>;

/** Per database, so that replicas opened side by side (tests) hear only their own writes. */
const listeners = new WeakMap<IDBDatabase | AnyDatabase, Set<Listener>>();
const collecting = new WeakMap<AnyTransaction, { stores: Set<SyncedStoreName>; ids: Set<string>; origin: RecordsChanged['origin'] }>();

/** Hears every committed synced write of `db`, once per transaction; returns the unsubscribe. */
export function onRecordsChanged(db: AnyDatabase, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Notes a synced write in `tx`. The listeners hear it once the transaction has committed (never for
 * an aborted one), with every store and id the transaction wrote.
 */
export function noteChange(tx: AnyTransaction, store: SyncedStoreName, id: string, origin: RecordsChanged['origin']): void {
  const change = changeOf(tx, origin);
  change.stores.add(store);
  change.ids.add(id);
}

/** Notes that `tx` clears whole stores: the listeners hear those stores, with no ids (every record went). */
export function noteCleared(tx: AnyTransaction, stores: readonly SyncedStoreName[], origin: RecordsChanged['origin']): void {
  const change = changeOf(tx, origin);
  for (const store of stores) change.stores.add(store);
}

/** The change `tx` collects, heard by the listeners once it commits. */
function changeOf(tx: AnyTransaction, origin: RecordsChanged['origin']) {
  let change = collecting.get(tx);
  if (!change) {
    change = { stores: new Set(), ids: new Set(), origin };
    collecting.set(tx, change);
    const collected = change;
    tx.done.then(
      () => {
        const event: RecordsChanged = { stores: [...collected.stores], ids: [...collected.ids], origin: collected.origin };
        for (const listener of listeners.get(tx.db) ?? []) listener(event);
      },
      () => undefined, // aborted: nothing changed
    );
  }
  return change;
}
