import { conversationSchema } from '@/lib/model';
import { indexMetricsIn } from './metrics-store';
import type { Migration } from './migrations';

/**
 * Step 7 (issue 13): outbox pages, many entries in one stored value for bulk writes (see outbox-pages.ts),
 * and the dashboard's metrics rows (see metrics-store.ts), filled from the conversations already held.
 */
export const v7OutboxPagesAndMetrics: Migration = {
  version: 7,
  description: 'Index outbox pages by their first seq and by their records; create the metrics rows and fill them from the conversations',
  async upgrade(db, tx) {
    const outbox = tx.objectStore('outbox');
    outbox.createIndex('by-page', 'firstSeq');
    outbox.createIndex('by-page-record', 'records', { multiEntry: true });
    db.createObjectStore('metrics', { keyPath: 'id' }).createIndex('by-last', 'lastMs');
    const metrics = tx.objectStore('metrics');
    let cursor = await tx.objectStore('conversations').openCursor();
    while (cursor) {
      // A record that no longer reads as a conversation is left out, as the dashboard left it out before (it threw).
      const conversation = conversationSchema.safeParse(cursor.value);
      if (conversation.success) await indexMetricsIn(metrics, conversation.data);
      cursor = await cursor.continue();
    }
  },
};
