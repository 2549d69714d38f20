import type { Migration } from './migrations';

/** Step 7 (issue 13): outbox pages, many entries in one stored value for bulk writes (see outbox-pages.ts). */
export const v7OutboxPages: Migration = {
  version: 7,
  description: 'Index outbox pages by their first seq and by the records they hold',
  upgrade(_db, tx) {
    const outbox = tx.objectStore('outbox');
    outbox.createIndex('by-page', 'firstSeq');
    outbox.createIndex('by-page-record', 'records', { multiEntry: true });
  },
};
