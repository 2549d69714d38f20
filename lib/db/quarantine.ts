import { z } from 'zod';
import { hlcStampSchema, idSchema, isoDateTimeSchema, syncedStoreNameSchema } from '@/lib/model';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { pushRejectReasonSchema, type PushRejection } from '@/lib/sync/wire';
import { coalesce } from './outbox-append';
import { takeWaiting } from './outbox-pages';
import type { UnpushableRow } from './outbox';
import type { ReplylineDb } from './open';

/**
 * A local change the team server refused: the outbox entry as it was (its mutation id, fields and
 * stamps, so that a retry sends the very same mutation), why it was refused, and when.
 */
/** The refused entry as it was: not the wire's own schema, which by definition it failed. */
const refusedEntrySchema = z.object({
  mutationId: idSchema,
  store: syncedStoreNameSchema,
  recordId: idSchema,
  fields: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), hlcStampSchema),
  createdAt: isoDateTimeSchema,
});

export const quarantinedChangeSchema = z.object({
  mutationId: idSchema,
  entry: refusedEntrySchema,
  reason: pushRejectReasonSchema,
  /** Where in the mutation the server found the problem, e.g. `fields.body`; empty when it names none. */
  path: z.string(),
  /** The server's own words. */
  message: z.string(),
  quarantinedAt: isoDateTimeSchema,
});
export type QuarantinedChange = z.infer<typeof quarantinedChangeSchema>;

/** An outbox row too damaged to read as a change: kept as it was, counted as unreadable, never sent. */
interface UnreadableRow {
  mutationId: string;
  raw: unknown;
  quarantinedAt: string;
}

/** The `quarantine` object store of whatever read-write transaction the caller holds. */
interface QuarantineWriter {
  put(value: QuarantinedChange | UnreadableRow): Promise<unknown>;
}

/** Moves a refused outbox entry into quarantine; the caller deletes it from the outbox in the same transaction. */
export async function quarantineEntry(store: QuarantineWriter, entry: OutboxEntry, rejection: PushRejection, at: string): Promise<void> {
  const kept = quarantinedChangeSchema.shape.entry.parse(entry);
  await store.put({ mutationId: entry.mutationId, entry: kept, reason: rejection.reason, path: rejection.path, message: rejection.message, quarantinedAt: at });
}

/** Moves an outbox row the server would refuse into quarantine, as a change when it reads as one; the caller deletes it from the outbox. */
export async function quarantineRow(store: QuarantineWriter, row: UnpushableRow, at: string): Promise<void> {
  const entry = refusedEntrySchema.safeParse(row.value);
  if (entry.success) {
    const { reason, path, message } = row.rejection;
    await store.put({ mutationId: entry.data.mutationId, entry: entry.data, reason, path, message, quarantinedAt: at });
    return;
  }
  await store.put({ mutationId: `unreadable-outbox-row-${row.seq}-${at}`, raw: row.value, quarantinedAt: at });
}

/** Every refused change, oldest first; `unreadable` counts stored entries that no longer parse (kept, not shown). */
export async function listQuarantined(db: ReplylineDb): Promise<{ changes: QuarantinedChange[]; unreadable: number }> {
  const values: unknown[] = await db.getAllFromIndex('quarantine', 'by-time');
  const changes: QuarantinedChange[] = [];
  let unreadable = 0;
  for (const value of values) {
    const parsed = quarantinedChangeSchema.safeParse(value);
    if (parsed.success) changes.push(parsed.data);
    else unreadable += 1;
  }
  return { changes, unreadable };
}

export async function quarantineSize(db: ReplylineDb): Promise<number> {
  return db.count('quarantine');
}

export class QuarantineEntryMissingError extends Error {
  constructor(readonly mutationId: string) {
    super(`No refused change with mutation id ${mutationId}`);
  }
}

/**
 * Puts a refused change back at the end of the outbox, unchanged (same mutation id and stamps: the server
 * never stored it), and takes it out of quarantine, in one transaction.
 */
export async function retryQuarantined(db: ReplylineDb, mutationId: string): Promise<void> {
  const tx = db.transaction(['quarantine', 'outbox'], 'readwrite');
  const parsed = quarantinedChangeSchema.safeParse(await tx.objectStore('quarantine').get(mutationId));
  if (!parsed.success) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new QuarantineEntryMissingError(mutationId);
  }
  // One entry per record in the outbox: the retried change joins what waits for its record, higher stamps winning.
  const outbox = tx.objectStore('outbox');
  const entry = parsed.data.entry as OutboxEntry;
  const waiting = await takeWaiting(outbox, entry.store, entry.recordId);
  await Promise.all([
    outbox.add(coalesce(waiting, entry)),
    tx.objectStore('quarantine').delete(mutationId),
    tx.done,
  ]);
}

/** Forgets a refused change: the team never gets it (the record on this machine keeps its value). */
export async function discardQuarantined(db: ReplylineDb, mutationId: string): Promise<void> {
  const tx = db.transaction('quarantine', 'readwrite');
  if ((await tx.store.count(mutationId)) === 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new QuarantineEntryMissingError(mutationId);
  }
  await Promise.all([tx.store.delete(mutationId), tx.done]);
}
