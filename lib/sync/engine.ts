import { applyRemoteChanges, type SkippedChange } from '@/lib/db/apply-remote';
import type { ReplicaClock } from '@/lib/db/clock';
import type { ReplylineDb } from '@/lib/db/open';
import { readOutbox } from '@/lib/db/outbox';
import { dropFromOutbox } from '@/lib/db/outbox-pages';
import { quarantineEntry, quarantineRow } from '@/lib/db/quarantine';
import {
  readCursorFrom,
  readSyncState,
  recordSyncFailure,
  recordSyncSuccess,
  writeCursorTo,
  type SyncFailure,
} from '@/lib/db/sync-state';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import { SyncError } from './errors';
import { mutationOf } from './outbox-mutation';
import { planPushAnswer, type SupersededWrite } from './push-answer';
import type { SyncTransport } from './transport';
import { DEFAULT_PULL_LIMIT, MAX_PUSH_BATCH } from './wire';

export interface SyncEngineOptions {
  db: ReplylineDb;
  clock: ReplicaClock;
  transport: SyncTransport;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  pushBatchSize?: number;
  pullLimit?: number;
}

export interface SyncReport {
  ok: boolean;
  /** Outbox entries the server acknowledged (applied, duplicate or superseded) and this run dropped. */
  pushed: number;
  /** Outbox entries the server refused, moved into quarantine for the person to retry or discard. */
  quarantined: number;
  /** Acknowledged writes whose fields newer writes hold, with the stamp that won. */
  superseded: SupersededWrite[];
  /** Changes pulled, applied or not. */
  pulled: number;
  /** Records created or changed locally by pulled changes. */
  applied: number;
  skipped: SkippedChange[];
  /** The workspace version the replica has applied up to. */
  cursor: number;
  error: SyncFailure | null;
  nextAttemptAt: string | null;
}

export interface SyncEngine {
  /**
   * Pushes the whole outbox, then pulls everything new. Never rejects for backend or network
   * failures: they are recorded in the sync state with the time of the next attempt. Calls made
   * while a run is in progress share one follow-up run, so a write made during a sync is pushed.
   */
  syncOnce(): Promise<SyncReport>;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, clock, transport } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const pushBatchSize = Math.min(options.pushBatchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
  const pullLimit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
  const iso = (ms: number) => new Date(ms).toISOString();

  async function push(report: SyncReport): Promise<void> {
    for (;;) {
      const { entries, unpushable } = await readOutbox(db, pushBatchSize);
      if (unpushable.length > 0) {
        // Rows the server would refuse (queued by an older version, or damaged) never block what follows.
        const tx = db.transaction(['outbox', 'quarantine'], 'readwrite');
        const at = iso(now());
        await Promise.all([
          ...unpushable.map((row) => quarantineRow(tx.objectStore('quarantine'), row, at)),
          dropFromOutbox(tx.objectStore('outbox'), unpushable.map((row) => row.seq)),
          tx.done,
        ]);
        report.quarantined += unpushable.length;
        continue;
      }
      if (entries.length === 0) return;
      const answer = await transport.push({ clientId: clock.clientId, mutations: entries.map(mutationOf) });
      const plan = planPushAnswer(entries, answer.results);
      clock.observeServerTime(answer.serverTime);
      const at = iso(now());
      const tx = db.transaction(['outbox', 'quarantine', 'meta'], 'readwrite');
      const meta = tx.objectStore('meta');
      const cursor = await readCursorFrom(meta);
      const { key, value } = clock.snapshot();
      // A refused entry leaves the outbox for quarantine in the same transaction: it is never lost, and never blocks what follows.
      await Promise.all([
        // By seq, whether an entry is a row of its own or sits in a page of a bulk write.
        dropFromOutbox(tx.objectStore('outbox'), [
          ...plan.done,
          ...plan.refused.flatMap(({ entry }) => (entry.seq === undefined ? [] : [entry.seq])),
        ]),
        ...plan.refused.map(({ entry, rejection }) => quarantineEntry(tx.objectStore('quarantine'), entry, rejection, at)),
        meta.put(value, key),
        // A workspace version behind what was pulled means a new or restored backend: pull it all again.
        ...(answer.version < cursor ? [writeCursorTo(meta, 0)] : []),
        tx.done,
      ]);
      report.pushed += plan.done.length;
      report.quarantined += plan.refused.length;
      report.superseded.push(...plan.superseded);
    }
  }

  async function pull(report: SyncReport): Promise<void> {
    let cursor = (await readSyncState(db)).cursor;
    for (;;) {
      const page = await transport.pull(cursor, pullLimit);
      // Saved with the page's transaction below.
      if (page.serverTime !== undefined) clock.observeServerTime(page.serverTime);
      if (page.cursor < cursor || page.changes.some((change) => change.version <= cursor || change.version > page.cursor)) {
        throw new SyncError('bad-response', `The backend answered a pull after ${cursor} with versions out of range`);
      }
      const applied = await applyRemoteChanges(db, clock, page.changes, page.cursor);
      report.pulled += page.changes.length;
      report.applied += applied.applied;
      report.skipped.push(...applied.skipped);
      report.cursor = page.cursor;
      if (!page.hasMore) return;
      if (page.cursor === cursor) throw new SyncError('bad-response', 'The backend said there is more to pull but sent nothing');
      cursor = page.cursor;
    }
  }

  async function run(): Promise<SyncReport> {
    const report: SyncReport = {
      ok: true,
      pushed: 0,
      quarantined: 0,
      superseded: [],
      pulled: 0,
      applied: 0,
      skipped: [],
      cursor: (await readSyncState(db)).cursor,
      error: null,
      nextAttemptAt: null,
    };
    try {
      await push(report);
      await pull(report);
      await recordSyncSuccess(db, iso(now()));
      return report;
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const failure = { kind: error.kind, message: error.message, at: iso(now()) };
      const state = await recordSyncFailure(db, failure, (failures) => {
        const delay = retryDelay(error, failures, random, policy);
        return delay === null ? null : iso(now() + delay);
      });
      return { ...report, ok: false, error: failure, nextAttemptAt: state.nextAttemptAt };
    }
  }

  let running: Promise<SyncReport> | null = null;
  let followUp: Promise<SyncReport> | null = null;

  function syncOnce(): Promise<SyncReport> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    followUp ??= running
      .catch(() => undefined)
      .then(() => {
        followUp = null;
        return syncOnce();
      });
    return followUp;
  }

  return { syncOnce };
}
