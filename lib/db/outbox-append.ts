import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { mergeFields } from '@/lib/sync/merge';
import type { WriteTransaction } from './write';

/**
 * Queues one write's outbox entry, coalesced per record: the record's entries already waiting are merged
 * into it field by field (the higher stamp wins, as the server merges) and replaced by one entry. The
 * merged entry takes a new key and the new write's mutation id, so a push in flight with an older entry
 * can only acknowledge that older entry, never the fields added since.
 *
 * Appends for one record in one transaction run one after the other (each issued from the previous one's
 * callback, while the transaction is active), so queued bulk writes cannot merge the same entry twice.
 * `newRecord`: the record was not stored before this write, so (outbox entries existing only for stored
 * records) no entry can wait for it unless this transaction queued one.
 */
export function appendToOutbox(tx: WriteTransaction, entry: OutboxEntry, newRecord: boolean): Promise<void> {
  const key = `${entry.store}\u0000${entry.recordId}`;
  let chains = chainsByTx.get(tx);
  if (!chains) {
    chains = new Map();
    chainsByTx.set(tx, chains);
  }
  const earlier = chains.get(key);
  const outbox = tx.objectStore('outbox');
  const appended =
    earlier === undefined && newRecord
      ? outbox.add(entry).then(() => undefined)
      : (earlier ?? Promise.resolve()).then(async () => {
          const waiting = await outbox.index('by-record').getAll([entry.store, entry.recordId]);
          await Promise.all([...waiting.flatMap((old) => (old.seq === undefined ? [] : [outbox.delete(old.seq)])), outbox.add(coalesce(waiting, entry))]);
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
