import type { Migration } from './migrations';
import { indexOutboxByRecord } from './migration-outbox-by-record';

/** Step 6 (issue 13): one outbox entry per record. */
export const v6OutboxByRecord: Migration = {
  version: 6,
  description: 'Index the outbox by record and coalesce it to one entry per record',
  async upgrade(_db, tx) {
    await indexOutboxByRecord(tx);
  },
};
