import type { SyncedStoreName } from '@/lib/model';
import type { OutboxEntry } from './outbox-entry';
import { SyncError } from './errors';
import type { PushRejection, PushResult } from './wire';

/** A write the server kept for its audit while newer writes hold the fields: `stamp` is the newest of those. */
export interface SupersededWrite {
  mutationId: string;
  store: SyncedStoreName;
  recordId: string;
  fields: string[];
  stamp: string;
}

/** What a push answer means for the outbox: every entry sent is either done or refused, none left hanging. */
export interface PushAnswerPlan {
  /** Outbox seqs to delete: applied, duplicate (already stored) or superseded (the server holds something newer). */
  done: number[];
  /** Entries to move into quarantine, each with the server's reason. */
  refused: Array<{ entry: OutboxEntry; rejection: PushRejection }>;
  superseded: SupersededWrite[];
}

/**
 * Reads `results[i]` as the answer to `entries[i]`, as the wire says. An answer that does not line up with
 * what was sent (another count, another mutation id) is a bad response, and nothing in the outbox moves.
 */
export function planPushAnswer(entries: readonly OutboxEntry[], results: readonly PushResult[]): PushAnswerPlan {
  if (results.length !== entries.length) {
    throw new SyncError('bad-response', `The backend answered ${results.length} results for ${entries.length} changes`);
  }
  const plan: PushAnswerPlan = { done: [], refused: [], superseded: [] };
  entries.forEach((entry, index) => {
    const result = results[index];
    if (!result) return;
    if (result.mutationId !== entry.mutationId) {
      throw new SyncError('bad-response', `The backend's result ${index} is for another change than the one sent`);
    }
    if (result.status === 'rejected') {
      plan.refused.push({ entry, rejection: result });
      return;
    }
    if (entry.seq !== undefined) plan.done.push(entry.seq);
    if (result.status === 'superseded') {
      plan.superseded.push({ mutationId: entry.mutationId, store: entry.store, recordId: entry.recordId, fields: result.fields, stamp: result.stamp });
    }
  });
  return plan;
}
