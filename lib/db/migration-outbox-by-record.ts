import { z } from 'zod';
import { hlcStampSchema } from '@/lib/model';
import { outboxEntrySchema, type OutboxEntry } from '@/lib/sync/outbox-entry';
import { coalesce } from './outbox-append';
import type { UpgradeTransaction } from './migrations';

/** An entry as versions before 6 queued it: a new record's createdAt unstamped, unset fields as undefined values. */
const legacyEntrySchema = z.looseObject({
  seq: z.number(),
  fields: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), hlcStampSchema),
});

/**
 * The outbox indexed by record, and its entries coalesced to one per record in the form the wire wants
 * (every field stamped: a createdAt gets its write's newest stamp, as the push used to give it; unset
 * fields as stamps without values). An entry that still does not pass the wire's schema is kept as it
 * was, untouched, for the push to report: nothing queued is dropped.
 */
export async function indexOutboxByRecord(tx: UpgradeTransaction): Promise<void> {
  const outbox = tx.objectStore('outbox');
  outbox.createIndex('by-record', ['store', 'recordId']);
  const byRecord = new Map<string, OutboxEntry[]>();
  let cursor = await outbox.openCursor();
  while (cursor) {
    const entry = outboxEntrySchema.safeParse(normalised(cursor.value));
    if (entry.success) {
      const key = `${entry.data.store}\u0000${entry.data.recordId}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), entry.data]);
    }
    cursor = await cursor.continue();
  }
  for (const entries of byRecord.values()) {
    const latest = entries.at(-1);
    if (!latest) continue;
    // Under the latest entry's key, so the outbox keeps its order; the older ones go.
    const merged = { ...coalesce(entries.slice(0, -1), latest), seq: latest.seq };
    await Promise.all(entries.slice(0, -1).flatMap((entry) => (entry.seq === undefined ? [] : [outbox.delete(entry.seq)])));
    await outbox.put(merged);
  }
}

function normalised(value: unknown): unknown {
  const legacy = legacyEntrySchema.safeParse(value);
  if (!legacy.success) return value;
  const fields = Object.fromEntries(Object.entries(legacy.data.fields).filter(([, field]) => field !== undefined));
  const stamps = { ...legacy.data.stamps };
  const newest = Object.values(stamps).reduce((max, stamp) => (stamp > max ? stamp : max), '');
  for (const field of Object.keys(fields)) if (!Object.hasOwn(stamps, field) && newest !== '') stamps[field] = newest;
  return { ...legacy.data, fields, stamps };
}
