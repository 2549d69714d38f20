import { mergeFields, updatedAtOf } from '@/lib/sync/merge';
import type { SyncTransport } from '@/lib/sync/transport';
import {
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushRejection,
  type PushResponse,
} from '@/lib/sync/wire';

interface StoredRecord {
  store: Change['store'];
  recordId: string;
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
  version: number;
}

/**
 * An in-memory backend that follows the wire contract (dedupe by mutation id, field merge, a
 * version per change), for engine tests that need no HTTP. The real server is tested in tests/sync.
 */
/**
 * The backend's clock by default: the start of the manual clocks (tests/unit/db/helpers.ts), so that its
 * `serverTime`, which replicas adopt, never outruns theirs unless a test says so.
 */
export const FAKE_SERVER_TIME = Date.parse('2026-03-02T09:00:00.000Z');

export function createFakeBackend(options: { now?: () => number; reject?: (mutation: PushRequest['mutations'][number]) => PushRejection | null } = {}) {
  const now = options.now ?? (() => FAKE_SERVER_TIME);
  const records = new Map<string, StoredRecord>();
  const seen = new Set<string>();
  let version = 0;
  const log = { pushes: [] as PushRequest[], applied: 0, duplicates: 0, pulls: [] as Array<{ after: number; limit: number }> };

  function push(request: PushRequest): PushResponse {
    const batch = pushRequestSchema.parse(JSON.parse(JSON.stringify(request)));
    log.pushes.push(batch);
    const results: PushResponse['results'] = [];
    for (const mutation of batch.mutations) {
      const rejection = options.reject?.(mutation) ?? null;
      if (rejection) {
        results.push(rejection);
        continue;
      }
      if (seen.has(mutation.mutationId)) {
        log.duplicates += 1;
        results.push({ mutationId: mutation.mutationId, status: 'duplicate' });
        continue;
      }
      seen.add(mutation.mutationId);
      log.applied += 1;
      const key = `${mutation.store}/${mutation.recordId}`;
      const current = records.get(key);
      const merged = mergeFields(current, { fields: mutation.fields, stamps: mutation.stamps });
      const held = Object.keys(mutation.stamps).filter((name) => merged.stamps[name] !== mutation.stamps[name]);
      results.push(
        held.length === 0
          ? { mutationId: mutation.mutationId, status: 'applied' }
          : { mutationId: mutation.mutationId, status: 'superseded', fields: held, stamp: held.map((name) => merged.stamps[name]!).sort().at(-1)! },
      );
      if (merged.changed || !current) {
        version += 1;
        records.set(key, { store: mutation.store, recordId: mutation.recordId, fields: merged.fields, stamps: merged.stamps, version });
      }
    }
    // (The server answers a push with nothing stored as a 400 carrying the same results; the transport reads it as this.)
    return pushResponseSchema.parse({ results, version, serverTime: now() });
  }

  function pull(after: number, limit: number): PullResponse {
    log.pulls.push({ after, limit });
    const newer = [...records.values()].filter((record) => record.version > after).sort((a, b) => a.version - b.version);
    const page = newer.slice(0, limit);
    const changes = page.map((record) => ({
      version: record.version,
      store: record.store,
      recordId: record.recordId,
      fields: { ...record.fields, id: record.recordId, updatedAt: updatedAtOf(record.stamps) },
      stamps: record.stamps,
    }));
    return pullResponseSchema.parse(
      JSON.parse(JSON.stringify({ changes, cursor: page.at(-1)?.version ?? after, hasMore: newer.length > page.length, serverTime: now() })),
    );
  }

  const transport: SyncTransport = {
    me: async () => ({
      workspace: { id: 'w1', name: 'Team' },
      agent: { id: 'a1', name: 'Ada', role: 'admin' },
      serverTime: new Date().toISOString(),
    }),
    push: async (batch) => push(batch),
    pull: async (after, limit = 500) => pull(after, limit),
    presence: async () => undefined,
    openEvents: () => Promise.reject(new Error('no events in the fake backend')),
  };

  return {
    transport,
    log,
    records,
    get version() {
      return version;
    },
    /** Forgets everything, as a backend restored from an empty database would. */
    wipe() {
      records.clear();
      seen.clear();
      version = 0;
    },
    /** Stores a record as if another client had pushed it, bypassing validation of its contents. */
    inject(record: Omit<StoredRecord, 'version'>) {
      version += 1;
      records.set(`${record.store}/${record.recordId}`, { ...record, version });
    },
  };
}

export type FakeBackend = ReturnType<typeof createFakeBackend>;
