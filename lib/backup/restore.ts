/**
 * Restores a backup: every record is checked first (all problems reported with store, index and
 * path), then everything is written in one transaction. Into a fresh database the records land as
 * they were; into one that has data they merge field by field on their stamps, as sync would, so
 * restoring the same backup twice changes nothing the second time.
 */
import type { z } from 'zod';
import { abortWrite } from '@/lib/db/abort-write';
import { noteChange } from '@/lib/db/changes';
import type { ReplylineDb } from '@/lib/db/open';
import { appendToOutbox } from '@/lib/db/outbox-append';
import { assertPushable, RefusedWrite } from '@/lib/db/refused-write';
import { indexDerived, WRITE_SIDE_STORES, type WriteTransaction } from '@/lib/db/write';
import type { RecordBase, Settings, SyncedStoreName } from '@/lib/model';
import { parseHlc, type HlcState } from '@/lib/sync/hlc';
import { mergeFields } from '@/lib/sync/merge';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import { backupEnvelopeSchema, backupStores, storeRecordSchemas, type Backup, type BackupStores } from './schema';

export interface BackupIssue {
  /** The store and index of the record, when the problem is in a record. */
  store?: SyncedStoreName;
  index?: number;
  /** Where in the record (or the file), dot-separated; '' for the whole. */
  path: string;
  message: string;
}

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; issues: BackupIssue[] };

export type RestoreResult =
  | {
      ok: true;
      /** The settings the backup carries: the caller puts them back into extension storage. */
      settings: Settings;
      /** Records added or changed by the restore. */
      written: number;
      /** Records the database already held as the backup has them (or newer). */
      unchanged: number;
    }
  | { ok: false; issues: BackupIssue[] };

export interface RestoreOptions {
  /**
   * Queue what the restore changed for sync (default), so that a team backend learns records it
   * never saw. The stamps are the backup's, so the server keeps whatever is newer.
   */
  queueForSync?: boolean;
}

/** One line per issue, e.g. `contacts[3].stamps.displayName: not a hybrid-logical-clock stamp`. */
export function describeBackupIssue(issue: BackupIssue): string {
  const where = issue.store === undefined ? issue.path : `${issue.store}[${String(issue.index)}]${issue.path ? `.${issue.path}` : ''}`;
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** The text of a backup file, checked; never throws. */
export function parseBackupJson(text: string, dbVersion: number): BackupCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  return checkBackup(value, dbVersion);
}

/** Checks a parsed backup against the record schemas of this version; never throws. */
export function checkBackup(value: unknown, dbVersion: number): BackupCheck {
  const envelope = backupEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, issues: envelope.error.issues.map((issue) => toIssue(issue)) };
  const issues: BackupIssue[] = [];
  if (envelope.data.dbVersion > dbVersion) {
    issues.push({
      path: 'dbVersion',
      message: `made by a newer Replyline (database version ${envelope.data.dbVersion}; this one has ${dbVersion}): update Replyline first`,
    });
  }
  const stores: Partial<Record<SyncedStoreName, unknown[]>> = {};
  for (const store of backupStores) {
    const schema: z.ZodType = storeRecordSchemas[store];
    const records = envelope.data.stores[store] ?? [];
    stores[store] = records.map((record, index) => {
      const parsed = schema.safeParse(record);
      if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => ({ ...toIssue(issue), store, index })));
      return parsed.data;
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, backup: { ...envelope.data, stores: stores as BackupStores } };
}

/** Checks `value`, then writes it all in one transaction, or nothing when anything fails. */
export async function restoreBackup(db: ReplylineDb, value: unknown, options: RestoreOptions = {}): Promise<RestoreResult> {
  const check = checkBackup(value, db.version);
  if (!check.ok) return check;
  const { backup } = check;
  const queueForSync = options.queueForSync ?? true;

  const tx = db.transaction([...backupStores, ...WRITE_SIDE_STORES], 'readwrite');
  const counts = { written: 0, unchanged: 0 };
  let newestStamp = '';
  try {
    for (const store of backupStores) {
      const records: readonly RecordBase[] = backup.stores[store];
      for (const [index, record] of records.entries()) {
        const changed = await restoreRecord(tx, store, index, record, queueForSync);
        counts[changed ? 'written' : 'unchanged'] += 1;
        for (const stamp of Object.values(record.stamps)) if (stamp > newestStamp) newestStamp = stamp;
      }
    }
    if (newestStamp !== '') await keepClockAhead(tx, newestStamp);
    await tx.done;
  } catch (error) {
    abortWrite(tx);
    if (error instanceof RecordConflict) return { ok: false, issues: [error.issue] };
    throw error;
  }
  return { ok: true, settings: backup.settings, ...counts };
}

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'stamps']);

/** Writes one record (merged with the stored one, if any); whether anything changed. */
async function restoreRecord(
  tx: WriteTransaction,
  store: SyncedStoreName,
  index: number,
  incoming: RecordBase,
  queueForSync: boolean,
): Promise<boolean> {
  const objectStore = tx.objectStore(store) as unknown as { get(id: string): Promise<unknown>; put(value: unknown): Promise<unknown> };
  const stored = await objectStore.get(incoming.id);
  let next: RecordBase;
  let pushed: { fields: Record<string, unknown>; stamps: Record<string, string> };
  if (stored === undefined) {
    next = incoming;
    pushed = { fields: { ...fieldsOf(incoming), createdAt: incoming.createdAt }, stamps: incoming.stamps };
  } else {
    const local = (storeRecordSchemas[store] as z.ZodType<RecordBase>).parse(stored);
    const merged = mergeFields(
      { fields: fieldsOf(local), stamps: local.stamps },
      { fields: fieldsOf(incoming), stamps: incoming.stamps },
    );
    if (!merged.changed) return false;
    next = (storeRecordSchemas[store] as z.ZodType<RecordBase>).parse({
      ...merged.fields,
      id: local.id,
      createdAt: local.createdAt,
      updatedAt: incoming.updatedAt > local.updatedAt ? incoming.updatedAt : local.updatedAt,
      stamps: merged.stamps,
    });
    pushed = wonByIncoming(local, merged);
  }

  try {
    await objectStore.put(next);
    await indexDerived(tx, store, next as never);
    noteChange(tx, store, next.id, queueForSync ? 'local' : 'remote');
  } catch (error) {
    if (error instanceof DOMException && error.name === 'ConstraintError') {
      throw new RecordConflict({
        store,
        index,
        path: '',
        message: 'another record in the database already has the same unique key (site and handle, site and thread, or message fingerprint)',
      });
    }
    throw error;
  }
  if (queueForSync) {
    const entry = queuedEntry(store, next.id, pushed);
    try {
      assertPushable(entry);
    } catch (error) {
      if (!(error instanceof RefusedWrite)) throw error;
      throw new RecordConflict({ store, index, path: error.path.replace(/^(fields|stamps)\.?/, ''), message: `the team backend would refuse it: ${error.message}` });
    }
    await appendToOutbox(tx, entry, stored === undefined);
  }
  return true;
}

/**
 * What the restore queues for a record: every field it sends stamped (a field the backup has without a
 * stamp, such as createdAt, gets the record's newest stamp), unset fields as stamps alone.
 */
function queuedEntry(store: SyncedStoreName, recordId: string, pushed: { fields: Record<string, unknown>; stamps: Record<string, string> }): OutboxEntry {
  const fields = Object.fromEntries(Object.entries(pushed.fields).filter(([, value]) => value !== undefined));
  const stamps = { ...pushed.stamps };
  const newest = Object.values(stamps).reduce((max, stamp) => (stamp > max ? stamp : max), '');
  for (const field of Object.keys(fields)) if (!Object.hasOwn(stamps, field) && newest !== '') stamps[field] = newest;
  return { mutationId: crypto.randomUUID(), store, recordId, fields, stamps, createdAt: new Date().toISOString() };
}

function fieldsOf(record: RecordBase): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !BOOKKEEPING.has(name)));
}

/** The fields whose stamp the merge took from the backup, with their values and stamps. */
function wonByIncoming(
  local: RecordBase,
  merged: { fields: Record<string, unknown>; stamps: Record<string, string> },
): { fields: Record<string, unknown>; stamps: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  for (const [name, stamp] of Object.entries(merged.stamps)) {
    if (local.stamps[name] === stamp) continue;
    stamps[name] = stamp;
    if (Object.hasOwn(merged.fields, name)) fields[name] = merged.fields[name];
  }
  return { fields, stamps };
}

/**
 * Moves the persisted clock past the newest restored stamp, so that later local writes sort after
 * what was restored (ReplicaClock.load reads it). A clock already loaded does not see this.
 */
async function keepClockAhead(tx: WriteTransaction, newestStamp: string): Promise<void> {
  const newest = parseHlc(newestStamp);
  const saved = (await tx.objectStore('meta').get('hlc')) as Partial<HlcState> | undefined;
  const behind =
    typeof saved?.wallMs !== 'number' ||
    typeof saved.counter !== 'number' ||
    saved.wallMs < newest.wallMs ||
    (saved.wallMs === newest.wallMs && saved.counter < newest.counter);
  if (behind) await tx.objectStore('meta').put({ wallMs: newest.wallMs, counter: newest.counter }, 'hlc');
}

class RecordConflict extends Error {
  constructor(readonly issue: BackupIssue) {
    super(describeBackupIssue(issue));
  }
}

function toIssue(issue: z.core.$ZodIssue): BackupIssue {
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

