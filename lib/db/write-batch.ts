import type { SyncedStoreName } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { StoreRecord } from './schema';
import type { WriteTransaction } from './write';

const BOOKKEEPING_FIELDS = new Set<string>(['id', 'createdAt', 'updatedAt', 'stamps']);

/**
 * Many synced writes in one transaction, stamped exactly as writeRecord stamps them (one stamp per
 * write on the fields it changes, an outbox entry with those fields), but queued without waiting
 * for each request and with the clock saved once at the end. IndexedDB runs queued requests in
 * order, so reads issued later see these writes. For bulk work (imports): 10,000 contacts cost
 * 40,000 requests instead of 60,000 awaited one by one.
 */
export class WriteBatch {
  private readonly pending: Promise<unknown>[] = [];

  constructor(
    private readonly tx: WriteTransaction,
    private readonly clock: ReplicaClock,
  ) {}

  /** Queues `next` and returns it as it will be stored (unchanged `previous` when nothing changed). */
  write<S extends SyncedStoreName>(store: S, next: StoreRecord<S>, previous: StoreRecord<S> | undefined): StoreRecord<S> {
    const changed = changedFields(next, previous);
    if (changed.length === 0 && previous) return previous;

    const stamp = this.clock.next();
    const stamps: Record<string, string> = { ...(previous?.stamps ?? {}) };
    const fields: Record<string, unknown> = {};
    for (const field of changed) {
      stamps[field] = stamp;
      fields[field] = (next as unknown as Record<string, unknown>)[field];
    }
    const stored = { ...next, stamps, updatedAt: this.clock.nowIso() } as StoreRecord<S>;
    if (!previous) fields.createdAt = stored.createdAt;

    // The generic put cannot be expressed per store without a cast: the store name picks the value type.
    this.queue((this.tx.objectStore(store) as unknown as { put(value: StoreRecord<S>): Promise<unknown> }).put(stored));
    this.queue(
      this.tx.objectStore('outbox').add({
        mutationId: crypto.randomUUID(),
        store,
        recordId: stored.id,
        fields,
        stamps: Object.fromEntries(changed.map((field) => [field, stamp])),
        createdAt: stored.updatedAt,
      }),
    );
    return stored;
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

  /** Saves the clock and waits for every queued request; rejects with the first failure. */
  async flush(): Promise<void> {
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

function changedFields(next: object, previous: object | undefined): string[] {
  const nextFields = next as Record<string, unknown>;
  if (previous === undefined) {
    // A new record: every field that has a value (what the comparison below gives, without serialising).
    return Object.keys(nextFields).filter((name) => !BOOKKEEPING_FIELDS.has(name) && nextFields[name] !== undefined);
  }
  const previousFields = previous as Record<string, unknown>;
  const names = new Set([...Object.keys(nextFields), ...Object.keys(previousFields)]);
  return [...names].filter(
    (name) => !BOOKKEEPING_FIELDS.has(name) && JSON.stringify(nextFields[name]) !== JSON.stringify(previousFields[name]),
  );
}
