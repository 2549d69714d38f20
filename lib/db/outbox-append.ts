import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { mergeFields } from '@/lib/sync/merge';
import { takeWaiting } from './outbox-pages';
import type { WriteTransaction } from './write';

/** Where a bulk writer collects merged entries to store as pages at its end (see WriteBatch). */
export interface PagedSink {
  add(entry: OutboxEntry): void;
}

/**
 * Queues one write's outbox entry, coalesced per record: the record's entries already waiting (in a row
 * of their own or in a page) are merged into it field by field (the higher stamp wins, as the server
 * merges) and replaced by one entry. The merged entry takes a new key and the new write's mutation id,
 * so a push in flight with an older entry can only acknowledge that older entry, never the fields added since.
 *
 * Appends for one record in one transaction run one after the other (each issued from the previous one's
 * callback, while the transaction is active), so queued bulk writes cannot merge the same entry twice.
 * `newRecord`: the record was not stored before this write, so (outbox entries existing only for stored
 * records) no entry can wait for it unless this transaction queued one.
 * `paged`: a bulk writer's sink; the merged entry goes there (stored later in a page, in the same
 * transaction) and pages edited on the way are written once, when the writer flushes them.
 */
export function appendToOutbox(tx: WriteTransaction, entry: OutboxEntry, newRecord: boolean, paged?: PagedSink): Promise<void> {
  const key = `${entry.store}\u0000${entry.recordId}`;
  let chains = chainsByTx.get(tx);
  if (!chains) {
    chains = new Map();
    chainsByTx.set(tx, chains);
  }
  const earlier = chains.get(key);
  const outbox = tx.objectStore('outbox');
  const store = (merged: OutboxEntry): Promise<void> => {
    if (!paged) return outbox.add(merged).then(() => undefined);
    paged.add(merged);
    return Promise.resolve();
  };
  const appended =
    earlier === undefined && newRecord
      ? store(entry)
      : (earlier ?? Promise.resolve()).then(async () => {
          const waiting = await takeWaiting(outbox, entry.store, entry.recordId, paged !== undefined);
          await store(coalesce(waiting, entry));
        });
  const settled = appended.catch(() => undefined);
  chains.set(key, settled);
  return appended;
}

const chainsByTx = new WeakMap<WriteTransaction, Map<string, Promise<void>>>();

/**
 * One entry for a record from its waiting entries (oldest first) and a new one: per field the higher
 * stamp, exactly what pushing them one by one would leave on the server; first queued at the oldest's time.
 */
export function coalesce(waiting: readonly OutboxEntry[], latest: OutboxEntry): OutboxEntry {
  if (waiting.length === 0) return latest;
  let merged = { fields: {}, stamps: {} };
  for (const entry of [...waiting, latest]) merged = mergeFields(merged, entry);
  const createdAt = waiting.reduce((oldest, entry) => (entry.createdAt < oldest ? entry.createdAt : oldest), latest.createdAt);
  return { mutationId: latest.mutationId, store: latest.store, recordId: latest.recordId, fields: merged.fields, stamps: merged.stamps, createdAt };
}
