import type { SyncedStoreName } from '@/lib/model';
import { noteChange } from './changes';
import type { ReplicaClock } from './clock';
import type { StoreRecord } from './schema';
import { stampWrite } from './stamp';
import { appendToOutbox, coalesce, type PagedSink } from './outbox-append';
import { addPages, pageEditsOf } from './outbox-pages';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { indexDerived, type WriteTransaction } from './write';

/**
 * Many synced writes in one transaction, stamped by the same stampWrite as writeRecord (one stamp per
 * write on the fields it changes, merged into the record's one outbox entry by the same appendToOutbox,
 * refused by the same check), but queued without waiting
 * for each request and with the clock saved once at the end. IndexedDB runs queued requests in
 * order, so reads issued later see these writes. The outbox entries are kept in memory (one per
 * record, merged as they come) and stored at flush as pages of many entries each, in the same
 * transaction: 10,000 new contacts with their identities cost 20,000 record puts and about 20 outbox
 * values instead of 20,000 more (each stored value costs about as much as another, whatever its size).
 */
export class WriteBatch {
  private readonly pending: Promise<unknown>[] = [];
  private readonly paged = new Map<string, OutboxEntry>();
  private readonly sink: PagedSink = {
    add: (entry) => {
      const key = `${entry.store}\u0000${entry.recordId}`;
      const earlier = this.paged.get(key);
      this.paged.set(key, earlier === undefined ? entry : coalesce([earlier], entry));
    },
  };

  constructor(
    private readonly tx: WriteTransaction,
    private readonly clock: ReplicaClock,
  ) {}

  /** Queues `next` and returns it as it will be stored (unchanged `previous` when nothing changed). */
  write<S extends SyncedStoreName>(store: S, next: StoreRecord<S>, previous: StoreRecord<S> | undefined): StoreRecord<S> {
    const write = stampWrite(store, next, previous, this.clock);
    if (!write) return previous ?? next;
    // The generic put cannot be expressed per store without a cast: the store name picks the value type.
    this.queue((this.tx.objectStore(store) as unknown as { put(value: StoreRecord<S>): Promise<unknown> }).put(write.stored));
    this.queue(indexDerived(this.tx, store, write.stored));
    this.queue(appendToOutbox(this.tx, write.outbox, previous === undefined, this.sink));
    noteChange(this.tx, store, write.stored.id, 'local');
    return write.stored;
  }

  /** How many requests are queued and not yet awaited. */
  get queued(): number {
    return this.pending.length;
  }

  /**
   * Waits for the requests queued so far. Bulk callers settle every few hundred writes: some
   * IndexedDB implementations (fake-indexeddb) slow down with very long request queues.
   */
  async settle(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }

  /** Stores the outbox pages and the pages edited, saves the clock and waits for every queued request; rejects with the first failure. */
  async flush(): Promise<void> {
    await this.settle();
    const outbox = this.tx.objectStore('outbox');
    const entries = [...this.paged.values()];
    this.paged.clear();
    this.queue(pageEditsOf(outbox).flush(outbox));
    this.queue(addPages(outbox, entries));
    const { key, value } = this.clock.snapshot();
    this.queue(this.tx.objectStore('meta').put(value, key));
    await this.settle();
  }

  private queue(request: Promise<unknown>): void {
    // Awaited in flush; until then a failure (which aborts the transaction) must not go unhandled.
    request.catch(() => undefined);
    this.pending.push(request);
  }
}
