import { randomUUID } from 'node:crypto';
import type { SyncedStoreName } from '@/lib/model';
import { formatHlc } from '@/lib/sync/hlc';
import type { Mutation } from '@/lib/sync/wire';

export function stamp(wallMs: number, clientId: string, counter = 0): string {
  return formatHlc({ wallMs, counter }, clientId);
}

/** A mutation that sets `fields`, every one stamped `at`. */
export function mutation(
  recordId: string,
  fields: Record<string, unknown>,
  at: string,
  store: SyncedStoreName = 'notes',
): Mutation {
  return {
    mutationId: randomUUID(),
    store,
    recordId,
    fields,
    stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, at])),
  };
}

/** A whole new note, as the extension's first write of it would push it. */
export function newNote(body: string, at: string, contactId = randomUUID()): Mutation {
  return mutation(randomUUID(), { contactId, body, createdAt: new Date(0).toISOString(), deletedAt: null }, at);
}
