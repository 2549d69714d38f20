import { recordBaseSchema, syncedStoreNameSchema, type RecordBase, type SyncedStoreName } from '@/lib/model';
import { mergeRecord } from '@/lib/sync/merge';
import { observeStamps } from '@/lib/sync/observe-stamps';
import { syncedRecordSchemas } from '@/lib/sync/store-schemas';
import type { Change } from '@/lib/sync/wire';
import { noteChange } from './changes';
import type { ReplicaClock } from './clock';
import type { ReplylineDb } from './open';
import { indexMetricsIn, type MetricsStoreView } from './metrics-store';
import { indexConversationIn, type MetaStoreView, type QueueStoreView } from './queue-store';
import type { StoreRecord } from './schema';
import { writeCursorTo } from './sync-state';

export interface SkippedChange {
  store: SyncedStoreName;
  recordId: string;
  version: number;
  reason: string;
}

export interface AppliedPage {
  /** Records created or changed locally. */
  applied: number;
  /** Changes the replica already held (its own writes coming back, duplicates). */
  unchanged: number;
  /** Changes whose merged record was invalid or clashed with a unique index: reported, never stored. */
  skipped: SkippedChange[];
}

/**
 * A generic view of one synced object store. The store name picks the record type, which a
 * loop over stores cannot express; every value written through it has passed its store's schema.
 */
interface StoreView {
  readonly indexNames: DOMStringList;
  get(key: string): Promise<unknown>;
  put(value: unknown): Promise<unknown>;
  index(name: string): { readonly unique: boolean; readonly keyPath: string | string[]; getKey(key: IDBValidKey): Promise<IDBValidKey | undefined> };
}

const SYNCED_STORES = syncedStoreNameSchema.options;
const storedBaseSchema = recordBaseSchema.loose();

/**
 * Merges one pulled page into the replica and moves the cursor past it, in one transaction, so that
 * a page is applied whole or not at all. Remote writes add nothing to the outbox. Their stamps are
 * folded into the clock so that later local writes sort after them.
 */
export async function applyRemoteChanges(
  db: ReplylineDb,
  clock: ReplicaClock,
  changes: readonly Change[],
  cursor: number,
): Promise<AppliedPage> {
  const tx = db.transaction([...SYNCED_STORES, 'meta', 'queue', 'metrics'], 'readwrite');
  const queue = tx.objectStore('queue');
  const metrics = tx.objectStore('metrics');
  const meta = tx.objectStore('meta');
  const result: AppliedPage = { applied: 0, unchanged: 0, skipped: [] };
  try {
    for (const change of changes) {
      const outcome = await applyChange(tx.objectStore(change.store) as unknown as StoreView, change, { queue, meta, metrics });
      if (outcome === 'applied') {
        result.applied += 1;
        noteChange(tx, change.store, change.recordId, 'remote');
      }
      else if (outcome === 'unchanged') result.unchanged += 1;
      else result.skipped.push({ store: change.store, recordId: change.recordId, version: change.version, reason: outcome.reason });
    }
    observeStamps(clock, changes.flatMap((change) => Object.values(change.stamps)));
    const { key, value } = clock.snapshot();
    await tx.objectStore('meta').put(value, key);
    await writeCursorTo(tx.objectStore('meta'), cursor);
    await tx.done;
  } catch (error) {
    if (!tx.error) tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  return result;
}

/** The stores derived from conversations, kept in step in the page's transaction. */
interface DerivedViews {
  queue: QueueStoreView;
  meta: MetaStoreView;
  metrics: MetricsStoreView;
}

async function applyChange(store: StoreView, change: Change, derived: DerivedViews): Promise<'applied' | 'unchanged' | { reason: string }> {
  const stored = await store.get(change.recordId);
  const local = storedBaseSchema.safeParse(stored);
  const { record, changed } = mergeRecord(local.success ? (local.data as RecordBase) : undefined, {
    fields: { ...change.fields, id: change.recordId },
    stamps: change.stamps,
  });
  if (!changed) return 'unchanged';

  const valid = syncedRecordSchemas[change.store].safeParse(record);
  if (!valid.success) {
    const issues = valid.error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
    return { reason: `invalid record: ${issues.join('; ')}` };
  }
  const clash = await uniqueIndexClash(store, valid.data, change.recordId);
  if (clash) return { reason: `another record already holds the unique ${clash}` };
  await store.put(valid.data);
  if (change.store === 'conversations') {
    const conversation = valid.data as StoreRecord<'conversations'>;
    await Promise.all([indexConversationIn(derived.queue, derived.meta, conversation), indexMetricsIn(derived.metrics, conversation)]);
  }
  return 'applied';
}

/** The unique index another record already fills with this record's key, if any (a put would abort the transaction). */
async function uniqueIndexClash(store: StoreView, record: object, id: string): Promise<string | undefined> {
  for (let i = 0; i < store.indexNames.length; i++) {
    const name = store.indexNames.item(i);
    if (name === null) continue;
    const index = store.index(name);
    if (!index.unique) continue;
    const key = indexKeyOf(record, index.keyPath);
    if (key === undefined) continue;
    const holder = await index.getKey(key);
    if (holder !== undefined && holder !== id) return name;
  }
  return undefined;
}

function indexKeyOf(record: object, keyPath: string | string[]): IDBValidKey | undefined {
  const fields = record as Record<string, unknown>;
  const parts = (Array.isArray(keyPath) ? keyPath : [keyPath]).map((path) => fields[path]);
  if (!parts.every(isValidKeyPart)) return undefined;
  return Array.isArray(keyPath) ? parts : parts[0];
}

function isValidKeyPart(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));
}
