import type { Migration } from './migrations';

/**
 * Step 5 (issue 17): a store for the local changes the team server refused. A rejected mutation leaves
 * the outbox (so it never blocks the writes behind it) and waits here, visible in the options page,
 * until the person retries or discards it.
 */
export const v5QuarantineStore: Migration = {
  version: 5,
  description: 'Create the store of changes the team server refused',
  upgrade(db) {
    db.createObjectStore('quarantine', { keyPath: 'mutationId' }).createIndex('by-time', 'quarantinedAt');
  },
};
