import { z } from 'zod';
import { isoDateTimeSchema } from '@/lib/model';
import { syncErrorKindSchema } from '@/lib/sync/errors';
import type { ReplylineDb } from './open';

/** Where sync stands, kept in `meta` so that it survives the service worker and the popup can show it. */
export const syncStateSchema = z.object({
  /** The last workspace version pulled and applied. */
  cursor: z.number().int().nonnegative(),
  lastSyncAt: isoDateTimeSchema.nullable(),
  lastError: z
    .object({ kind: syncErrorKindSchema, message: z.string(), at: isoDateTimeSchema })
    .nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** When the next automatic attempt is due; null when none is planned (synced, or the token needs fixing). */
  nextAttemptAt: isoDateTimeSchema.nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;
export type SyncFailure = NonNullable<SyncState['lastError']>;

const KEYS = ['cursor', 'lastSyncAt', 'lastError', 'consecutiveFailures', 'nextAttemptAt'] as const satisfies readonly (keyof SyncState)[];

export const INITIAL_SYNC_STATE: SyncState = {
  cursor: 0,
  lastSyncAt: null,
  lastError: null,
  consecutiveFailures: 0,
  nextAttemptAt: null,
};

/** The `meta` object store of whatever transaction the caller holds. */
interface MetaReader {
  get(key: string): Promise<unknown>;
}
interface MetaWriter extends MetaReader {
  put(value: unknown, key: string): Promise<unknown>;
}

export async function readSyncState(db: ReplylineDb): Promise<SyncState> {
  const tx = db.transaction('meta', 'readonly');
  const state = await readSyncStateFrom(tx.store);
  await tx.done;
  return state;
}

/** A key that is missing or unreadable falls back to its initial value rather than stopping sync. */
async function readSyncStateFrom(meta: MetaReader): Promise<SyncState> {
  const values = await Promise.all(KEYS.map((key) => meta.get(key)));
  const state: Record<string, unknown> = {};
  KEYS.forEach((key, index) => {
    const parsed = syncStateSchema.shape[key].safeParse(values[index]);
    state[key] = parsed.success ? parsed.data : INITIAL_SYNC_STATE[key];
  });
  return syncStateSchema.parse(state);
}

export async function readCursorFrom(meta: MetaReader): Promise<number> {
  const parsed = syncStateSchema.shape.cursor.safeParse(await meta.get('cursor'));
  return parsed.success ? parsed.data : 0;
}

/** Written in the transaction that applies the page the cursor points past. */
export async function writeCursorTo(meta: MetaWriter, cursor: number): Promise<void> {
  await meta.put(syncStateSchema.shape.cursor.parse(cursor), 'cursor');
}

export async function recordSyncSuccess(db: ReplylineDb, at: string): Promise<SyncState> {
  return patchSyncState(db, () => ({ lastSyncAt: at, lastError: null, consecutiveFailures: 0, nextAttemptAt: null }));
}

export async function recordSyncFailure(
  db: ReplylineDb,
  failure: SyncFailure,
  nextAttemptAt: (consecutiveFailures: number) => string | null,
): Promise<SyncState> {
  return patchSyncState(db, (current) => {
    const consecutiveFailures = current.consecutiveFailures + 1;
    return { lastError: failure, consecutiveFailures, nextAttemptAt: nextAttemptAt(consecutiveFailures) };
  });
}

/** For a new backend or workspace: pull everything again from version 0 (merging makes that harmless). */
export async function resetSyncState(db: ReplylineDb): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([...KEYS.map((key) => tx.store.delete(key)), tx.done]);
}

async function patchSyncState(
  db: ReplylineDb,
  patch: (current: SyncState) => Partial<Omit<SyncState, 'cursor'>>,
): Promise<SyncState> {
  const tx = db.transaction('meta', 'readwrite');
  const current = await readSyncStateFrom(tx.store);
  const changes = patch(current);
  await Promise.all(Object.entries(changes).map(([key, value]) => tx.store.put(value, key)));
  await tx.done;
  return { ...current, ...changes };
}
