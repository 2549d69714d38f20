import type { OutboxEntry } from './outbox-entry';
import type { Mutation } from './wire';

/**
 * The mutation that carries an outbox entry to the server, under the entry's own mutation id so that
 * a retry is recognised: the entry without the outbox's bookkeeping (every field is stamped when queued).
 */
export function mutationOf(entry: OutboxEntry): Mutation {
  return { mutationId: entry.mutationId, store: entry.store, recordId: entry.recordId, fields: entry.fields, stamps: entry.stamps };
}
