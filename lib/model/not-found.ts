import type { SyncedStoreName } from './outbox';

/** A request named a record that does not exist (or is deleted): answered as `not-found`, not `internal`. */
export class RecordNotFoundError extends Error {
  constructor(
    readonly store: SyncedStoreName,
    readonly id: string,
  ) {
    super(`No ${store} record with id ${id}`);
  }
}
