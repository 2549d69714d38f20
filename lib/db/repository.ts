import type { z } from 'zod';
import { RecordNotFoundError, type RecordBase, type SyncedStoreName } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { ReplylineDb } from './open';
import type { StoreRecord } from './schema';
import { WRITE_SIDE_STORES, writeRecord, type WriteTransaction } from './write';

export { RecordNotFoundError };

/** The fields a caller sets when creating a record; the repository owns the rest. */
export type NewRecord<T extends RecordBase> = Omit<T, keyof RecordBase>;
export type RecordPatch<T extends RecordBase> = Partial<NewRecord<T>>;

/**
 * Create, read, update and tombstone for one synced store. Records are parsed with the store's
 * schema on the way out (a migration or another replica may have written them) and on the way in.
 */
export function createRepository<S extends SyncedStoreName>(store: S, schema: z.ZodType<StoreRecord<S>>) {
  const parse = (value: unknown): StoreRecord<S> => schema.parse(value);

  async function get(db: ReplylineDb, id: string): Promise<StoreRecord<S> | undefined> {
    const value: unknown = await db.get(store, id);
    if (value === undefined) return undefined;
    const record = parse(value);
    return record.deletedAt ? undefined : record;
  }

  async function all(db: ReplylineDb): Promise<StoreRecord<S>[]> {
    const values: unknown[] = await db.getAll(store);
    return values.map(parse).filter((record) => !record.deletedAt);
  }

  function startWrite(db: ReplylineDb, extraStores: readonly SyncedStoreName[] = []): WriteTransaction {
    return db.transaction([store, ...extraStores, ...WRITE_SIDE_STORES], 'readwrite');
  }

  /** `id` defaults to a random UUID; records with a natural key pass one derived from it (see natural-id.ts). */
  async function createIn(tx: WriteTransaction, fields: NewRecord<StoreRecord<S>>, clock: ReplicaClock, id: string = crypto.randomUUID()) {
    const now = clock.nowIso();
    const draft = { ...fields, id, createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
    return writeRecord(tx, store, parse(draft), undefined, clock);
  }

  async function updateIn(
    tx: WriteTransaction,
    id: string,
    patch: RecordPatch<StoreRecord<S>>,
    clock: ReplicaClock,
  ): Promise<StoreRecord<S>> {
    const stored: unknown = await tx.objectStore(store).get(id);
    const previous = stored === undefined ? undefined : parse(stored);
    if (!previous || previous.deletedAt) throw new RecordNotFoundError(store, id);
    return writeRecord(tx, store, parse({ ...previous, ...patch }), previous, clock);
  }

  async function create(db: ReplylineDb, fields: NewRecord<StoreRecord<S>>, clock: ReplicaClock) {
    const tx = startWrite(db);
    const record = await createIn(tx, fields, clock);
    await tx.done;
    return record;
  }

  async function update(db: ReplylineDb, id: string, patch: RecordPatch<StoreRecord<S>>, clock: ReplicaClock) {
    const tx = startWrite(db);
    const record = await updateIn(tx, id, patch, clock);
    await tx.done;
    return record;
  }

  /** Deletes by tombstone, so that the deletion syncs. */
  async function removeIn(tx: WriteTransaction, id: string, clock: ReplicaClock): Promise<StoreRecord<S>> {
    const stored: unknown = await tx.objectStore(store).get(id);
    const previous = stored === undefined ? undefined : parse(stored);
    if (!previous || previous.deletedAt) throw new RecordNotFoundError(store, id);
    return writeRecord(tx, store, { ...previous, deletedAt: clock.nowIso() }, previous, clock);
  }

  async function remove(db: ReplylineDb, id: string, clock: ReplicaClock): Promise<StoreRecord<S>> {
    const tx = startWrite(db);
    const record = await removeIn(tx, id, clock);
    await tx.done;
    return record;
  }

  return { store, parse, get, all, create, update, remove, createIn, updateIn, removeIn, startWrite };
}
