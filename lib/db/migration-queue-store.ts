import type { Migration } from './migrations';
import { queueEntryOf } from './queue';
import { QUEUE_COUNTS_KEY } from './queue-store';
import { conversationSchema } from '@/lib/model';

/**
 * Step 2 (issue 13): the pending queue as its own store, filled from the conversations already held.
 * Warnings already shown are folded in from extension storage when the background starts (see
 * entrypoints/background/legacy-warnings.ts), as an upgrade transaction cannot wait on other APIs.
 */
export const v2QueueStore: Migration = {
  version: 2,
  description: 'Create the pending-queue store and fill it from the conversations',
  async upgrade(db, tx) {
    const queue = db.createObjectStore('queue', { keyPath: 'id' });
    queue.createIndex('by-order', 'order');
    queue.createIndex('by-status', 'status');
    queue.createIndex('by-waiting-due', 'waitingDueMs');
    queue.createIndex('by-waiting-warn', 'waitingWarnMs');
    queue.createIndex('by-stale', 'staleMs');
    queue.createIndex('by-instant', 'instantsMs', { multiEntry: true });
    queue.createIndex('by-alert', 'alertMs');
    const store = tx.objectStore('queue');
    const index = tx.objectStore('conversations').index('by-status');
    const counts = { waiting: 0, snoozed: 0 };
    for (const status of ['waiting', 'snoozed'] as const) {
      let cursor = await index.openCursor(status);
      while (cursor) {
        const conversation = conversationSchema.safeParse(cursor.value);
        const entry = conversation.success ? queueEntryOf(conversation.data) : null;
        if (entry) {
          await store.put(entry);
          counts[entry.status] += 1;
        }
        cursor = await cursor.continue();
      }
    }
    await tx.objectStore('meta').put(counts, QUEUE_COUNTS_KEY);
  },
};
