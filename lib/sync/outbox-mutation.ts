import type { OutboxEntry } from '@/lib/model';
import type { Mutation } from './wire';

/**
 * The mutation that carries an outbox entry to the server, under the entry's own mutation id so
 * that a retry is recognised. A local write stamps the fields it changed but not the `createdAt`
 * it records on creation; that field gets the write's stamp, as the wire wants every field stamped.
 */
export function mutationOf(entry: OutboxEntry): Mutation {
  const stamps = { ...entry.stamps };
  const writeStamp = Object.values(entry.stamps).reduce((newest, stamp) => (stamp > newest ? stamp : newest), '');
  for (const field of Object.keys(entry.fields)) {
    if (!Object.hasOwn(stamps, field) && writeStamp !== '') stamps[field] = writeStamp;
  }
  return { mutationId: entry.mutationId, store: entry.store, recordId: entry.recordId, fields: entry.fields, stamps };
}
