/**
 * Convergence, end to end: three extension replicas (each its own IndexedDB and skewed clock) edit
 * notes and contacts concurrently and sync with the real server app in-process (PGlite in memory)
 * through partitions, lost acks, and delayed, duplicated and reordered push deliveries; once
 * everything heals and syncs, all three replicas and the server hold identical records.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { notes } from '@/lib/db/notes';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import { outboxSize } from '@/lib/db/outbox';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { SyncError } from '@/lib/sync/errors';
import { mergeRecord } from '@/lib/sync/merge';
import { syncedRecordSchemas } from '@/lib/sync/store-schemas';
import { createSyncTransport, type SyncTransport } from '@/lib/sync/transport';
import type { PushRequest } from '@/lib/sync/wire';
import {
  createAgent,
  createApp,
  createLocalNotifier,
  createWorkspace,
  openServerDatabase,
  type ServerDatabase,
} from '@/server/src/app';

const BASE_URL = 'http://replyline.test';
const START = Date.parse('2026-03-02T09:00:00.000Z');

type Delivery = 'ok' | 'lose-ack' | 'drop' | 'hold' | 'duplicate';

type Op =
  | { kind: 'create-contact'; client: number; name: string }
  | { kind: 'update-contact'; client: number; pick: number; stage: 'lead' | 'customer' | 'churned'; tag: string | null }
  | { kind: 'delete-contact'; client: number; pick: number }
  | { kind: 'create-note'; client: number; pick: number; body: string }
  | { kind: 'update-note'; client: number; pick: number; body: string }
  | { kind: 'delete-note'; client: number; pick: number }
  | { kind: 'sync'; client: number; delivery: Delivery }
  | { kind: 'partition'; client: number; offline: boolean }
  | { kind: 'release-held'; order: number[] }
  | { kind: 'tick'; client: number; ms: number };

const client = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 50 });
const word = fc.constantFrom('Kim', 'Lee', 'Ana', 'Bo', 'call back Tuesday', 'prefers e-mail', 'VIP', '返信待ち');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create-contact' as const), client, name: word }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('update-contact' as const),
      client,
      pick,
      stage: fc.constantFrom('lead' as const, 'customer' as const, 'churned' as const),
      tag: fc.option(word, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-contact' as const), client, pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create-note' as const), client, pick, body: word }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update-note' as const), client, pick, body: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-note' as const), client, pick }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      client,
      delivery: fc.constantFrom<Delivery>('ok', 'ok', 'lose-ack', 'drop', 'hold', 'duplicate'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), client, offline: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release-held' as const), order: fc.array(fc.nat(), { maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), client, ms: fc.integer({ min: 1, max: 90_000 }) }) },
);
/** How far each client's clock is off, up to an hour either way. */
const skews = fc.tuple(...[0, 1, 2].map(() => fc.integer({ min: -3_600_000, max: 3_600_000 })));

interface Replica {
  db: ReplylineDb;
  clock: ReplicaClock;
  engine: SyncEngine;
  advance(ms: number): void;
  offline: boolean;
  /** What the next push goes through. */
  delivery: Delivery;
}

let database: ServerDatabase;
let app: ReturnType<typeof createApp>;
let dbCounter = 0;

beforeAll(async () => {
  database = await openServerDatabase({});
  app = createApp({ db: database, notifier: createLocalNotifier(), limits: { rate: { burst: 1_000_000, perSecond: 1_000_000 } } });
});

afterAll(async () => {
  await database.close();
});

const appFetch: typeof fetch = async (input, init) => app.request(input instanceof Request ? input : input.toString(), init);

/**
 * The network between one replica and the server: down while partitioned; otherwise each push is
 * delivered, delivered with its ack lost, dropped, held back for later (then delivered, possibly out
 * of order, while the client saw a failure) or delivered twice.
 */
function chaoticTransport(replica: () => Replica, real: SyncTransport, held: PushRequest[]): SyncTransport {
  const offline = () => new SyncError('offline', 'partitioned');
  return {
    ...real,
    async push(batch) {
      if (replica().offline) throw offline();
      switch (replica().delivery) {
        case 'ok':
          return real.push(batch);
        case 'duplicate':
          await real.push(batch);
          return real.push(batch);
        case 'lose-ack':
          await real.push(batch);
          throw offline();
        case 'drop':
          throw offline();
        case 'hold':
          held.push(structuredClone(batch));
          throw offline();
      }
    },
    async pull(after, limit) {
      if (replica().offline) throw offline();
      return real.pull(after, limit);
    },
  };
}

async function live<T extends { deletedAt: string | null }>(all: Promise<T[]>): Promise<T[]> {
  return (await all).filter((record) => !record.deletedAt);
}

async function dump(db: ReplylineDb) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    contacts: (await db.getAll('contacts')).sort(byId),
    notes: (await db.getAll('notes')).sort(byId),
  };
}

describe('three replicas and the server', () => {
  it('end identical after random concurrent edits, partitions, lost acks, duplicates and reorderings', async () => {
    await fc.assert(
      fc.asyncProperty(skews, fc.array(op, { minLength: 10, maxLength: 45 }), async (skew, ops) => {
        const created = await createWorkspace(database.db, { name: `w-${++dbCounter}`, adminName: 'Ann' });
        const tokens = [created.token];
        for (const name of ['Bo', 'Cy']) tokens.push((await createAgent(database.db, created.workspace.id, { name, role: 'agent' })).token);
        const admin = createSyncTransport({ baseUrl: BASE_URL, token: created.token, fetch: appFetch });

        const held: PushRequest[] = [];
        const replicas: Replica[] = [];
        for (const [index, offset] of skew.entries()) {
          const db = await openReplylineDb(`convergence-${++dbCounter}`);
          let now = START + offset;
          const clock = await ReplicaClock.load(db, () => now);
          const real = createSyncTransport({ baseUrl: BASE_URL, token: tokens[index]!, fetch: appFetch });
          const transport = chaoticTransport(() => replicas[index]!, real, held);
          const engine = createSyncEngine({ db, clock, transport, now: () => now });
          replicas.push({ db, clock, engine, advance: (ms) => (now += ms), offline: false, delivery: 'ok' });
        }
        const createdNoteIds = new Set<string>();

        for (const step of ops) {
          if (step.kind === 'release-held') {
            const batches = held.splice(0);
            const order = batches.map((_, i) => i).sort((a, b) => (step.order[a] ?? a) - (step.order[b] ?? b));
            for (const i of order) await admin.push(batches[i]!);
            continue;
          }
          const replica = replicas[step.client]!;
          const { db, clock } = replica;
          replica.advance(1 + (step.kind === 'tick' ? step.ms : 0));
          switch (step.kind) {
            case 'tick':
              break;
            case 'partition':
              replica.offline = step.offline;
              break;
            case 'sync':
              replica.delivery = step.delivery;
              await replica.engine.syncOnce();
              replica.delivery = 'ok';
              break;
            case 'create-contact': {
              const now = clock.nowIso();
              await contacts.create(db, { displayName: step.name, stage: 'new', tags: [], firstSeenAt: now, lastSeenAt: now }, clock);
              break;
            }
            case 'update-contact': {
              const all = await live(contacts.all(db));
              const target = all[step.pick % Math.max(1, all.length)];
              if (target) {
                const tags = step.tag ? [...new Set([...target.tags, step.tag])] : [];
                await contacts.update(db, target.id, { stage: step.stage, tags, ...(step.tag ? { company: step.tag } : {}) }, clock);
              }
              break;
            }
            case 'delete-contact': {
              const all = await live(contacts.all(db));
              const target = all[step.pick % Math.max(1, all.length)];
              if (target) await contacts.remove(db, target.id, clock);
              break;
            }
            case 'create-note': {
              const all = await contacts.all(db);
              const contactId = all[step.pick % Math.max(1, all.length)]?.id ?? crypto.randomUUID();
              createdNoteIds.add((await notes.create(db, { contactId, body: step.body }, clock)).id);
              break;
            }
            case 'update-note': {
              const all = await live(notes.all(db));
              const target = all[step.pick % Math.max(1, all.length)];
              if (target) await notes.update(db, target.id, { body: `${target.body} / ${step.body}` }, clock);
              break;
            }
            case 'delete-note': {
              const all = await live(notes.all(db));
              const target = all[step.pick % Math.max(1, all.length)];
              if (target) await notes.remove(db, target.id, clock);
              break;
            }
          }
        }

        // Heal: the network comes back, held batches finally arrive, everyone syncs twice.
        for (const replica of replicas) replica.offline = false;
        for (const batch of held.splice(0).reverse()) await admin.push(batch);
        for (let round = 0; round < 2; round++) {
          for (const replica of replicas) {
            replica.advance(1000);
            const report = await replica.engine.syncOnce();
            expect(report).toMatchObject({ ok: true, skipped: [] });
          }
        }

        const serverState = { contacts: [] as unknown[], notes: [] as unknown[] };
        let after = 0;
        for (;;) {
          const page = await admin.pull(after, 1000);
          for (const change of page.changes) {
            if (change.store !== 'contacts' && change.store !== 'notes') continue;
            const { record } = mergeRecord(undefined, change);
            serverState[change.store].push(syncedRecordSchemas[change.store].parse(record));
          }
          after = page.cursor;
          if (!page.hasMore) break;
        }
        const byId = (a: unknown, b: unknown) => (a as { id: string }).id.localeCompare((b as { id: string }).id);
        serverState.contacts.sort(byId);
        serverState.notes.sort(byId);

        const states = await Promise.all(replicas.map((replica) => dump(replica.db)));
        for (const [index, state] of states.entries()) {
          expect(await outboxSize(replicas[index]!.db)).toBe(0);
          expect(state).toEqual(serverState);
        }
        // Nothing written is lost: every note any replica created is on the server (perhaps as a tombstone).
        expect(new Set(serverState.notes.map((note) => (note as { id: string }).id))).toEqual(createdNoteIds);
        for (const replica of replicas) replica.db.close();
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
