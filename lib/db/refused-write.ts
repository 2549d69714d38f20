import type { SyncedStoreName } from '@/lib/model';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { mutationOf } from '@/lib/sync/outbox-mutation';
import { checkMutation, type PushRejectReason } from '@/lib/sync/wire';

/**
 * A local write the team backend would refuse (the wire's mutationSchema says why): refused here, before
 * it is stored or queued, so that nothing waits in the outbox that can never be pushed.
 */
export class RefusedWrite extends Error {
  override readonly name = 'RefusedWrite';

  constructor(
    readonly store: SyncedStoreName,
    readonly recordId: string,
    readonly reason: PushRejectReason,
    /** Where in the mutation: `fields.<name>…` or `stamps.<name>`. */
    readonly path: string,
    detail: string,
  ) {
    super(`Not saved: ${store} record ${recordId}, ${path || 'the record'}: ${detail} (${reason})`);
  }
}

/** Throws RefusedWrite unless the server would accept the entry's mutation (its clock check aside, which is the server's). */
export function assertPushable(entry: OutboxEntry): void {
  // No wall-clock bound here: how far ahead a stamp may be is judged against the server's clock.
  const checked = checkMutation(mutationOf(entry), Number.POSITIVE_INFINITY);
  if (checked.ok) return;
  const { reason, path, message } = checked.rejection;
  throw new RefusedWrite(entry.store, entry.recordId, reason, path, message);
}
