import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '@/lib/sync/hlc';
import { updatedAtOf } from '@/lib/sync/merge';
import { pullResponseSchema, type PullResponse } from '@/lib/sync/wire';
import { createWorkspace, openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { pullPage, pullResponseBody } from '@/server/src/sync/pull';
import { judgePush, mergePushes } from '@/server/src/sync/push';
import { createTestDatabase, findPostgresUser, requirePostgresInCi } from './support/postgres';

// The database writes a pull page's JSON itself; these pin it to what lib/sync/merge derives in JavaScript.

const postgresUser = await findPostgresUser();
requirePostgresInCi(postgresUser, 'the pull page suite');

interface StoredRecord {
  recordId: string;
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
}

const at = (wallMs: number, counter: number, clientId: string) => formatHlc({ wallMs, counter }, clientId);
const contactId = randomUUID();
const note = (body: string, stamps: Record<string, string>): StoredRecord => ({
  recordId: randomUUID(),
  fields: Object.fromEntries(Object.keys(stamps).map((name) => [name, name === 'body' ? body : name === 'contactId' ? contactId : name === 'deletedAt' ? null : '2026-01-05T09:00:00.000Z'])),
  stamps,
});

/** Pushed: stamps whose newest the pull must read as updatedAtOf does (the epoch, odd ms, a counter, a client id's case). */
const pushed: StoredRecord[] = [
  note('epoch', { body: at(0, 0, 'a'), deletedAt: at(0, 0, 'a') }),
  note('odd ms', { body: at(1_767_600_000_001, 3, 'b'), createdAt: at(1_767_600_000_999, 0, 'c'), deletedAt: at(1_767_600_000_500, 0, 'c') }),
  note('client case', { body: at(1_767_600_123_456, 7, 'Zed'), contactId: at(1_767_600_123_456, 7, 'abc') }),
  note('counter', { body: at(1_760_000_000_000, 999_999, 'a'), deletedAt: at(1_700_000_000_000, 0, 'z') }),
];
/** Stored without a stamp (never by a push): updatedAt is the stored field's, or none. */
const unstamped: (StoredRecord & { version: number })[] = [
  { recordId: randomUUID(), fields: { body: 'no stamps', updatedAt: '2026-01-01T00:00:00.000Z' }, stamps: {}, version: 100 },
  { recordId: randomUUID(), fields: { body: 'nothing at all' }, stamps: {}, version: 200 },
];
const versions = [1, 2, 3, 4, 100, 200];

/** What the pull sent before the database wrote the JSON: the merged fields, then id and updatedAt derived. */
function expectedChange(record: StoredRecord, version: number): PullResponse['changes'][number] {
  const fields: Record<string, unknown> = { ...record.fields, id: record.recordId, updatedAt: updatedAtOf(record.stamps) ?? record.fields.updatedAt };
  if (fields.updatedAt === undefined) delete fields.updatedAt;
  return { version, store: 'notes', recordId: record.recordId, fields, stamps: record.stamps };
}

const targets = [
  { name: 'PGlite (embedded)', available: true, database: async () => ({ database: await openServerDatabase({}), drop: async () => undefined }) },
  {
    name: 'PostgreSQL (127.0.0.1:5432)',
    available: postgresUser !== undefined,
    database: async () => {
      const testDatabase = await createTestDatabase(postgresUser!);
      return { database: await openServerDatabase({ databaseUrl: testDatabase.url }), drop: () => testDatabase.drop() };
    },
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`pull pages written by the database — ${target.name}`, () => {
    let database: ServerDatabase;
    let drop: () => Promise<void>;
    let workspaceId: string;
    const page = async (after: number, limit: number) =>
      pullResponseSchema.parse(JSON.parse(pullResponseBody(await pullPage(database.db, workspaceId, { after, limit }), 42)));

    beforeAll(async () => {
      ({ database, drop } = await target.database());
      const created = await createWorkspace(database.db, { name: 'Pull', adminName: 'Admin' });
      workspaceId = created.workspace.id;
      const batch = pushed.map((record) => ({ mutationId: randomUUID(), store: 'notes', ...record }));
      const [outcome] = await mergePushes(database.db, workspaceId, [judgePush({ workspaceId, agentId: created.agent.id, now: new Date() }, batch)]);
      expect(outcome?.results.map((result) => result.status)).toEqual(pushed.map(() => 'applied'));
      // Versions 100 and 200: a page's cursor is the last version it holds, not a count.
      for (const record of unstamped) {
        await database.db.execute(sql`
          insert into records (workspace_id, store, record_id, fields, stamps, version)
          values (${workspaceId}, 'notes', ${record.recordId}, ${JSON.stringify(record.fields)}::jsonb, '{}'::jsonb, ${record.version})`);
      }
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('derives id and updatedAt as lib/sync/merge does, and keeps every stored field and stamp', async () => {
      const all = await page(0, 1000);
      expect(all.changes).toEqual([...pushed, ...unstamped].map((record, index) => expectedChange(record, versions[index]!)));
      expect(all).toMatchObject({ cursor: 200, hasMore: false, serverTime: 42 });
    });

    it('cuts pages by version: cursor is the last version sent, hasMore only when a row is left', async () => {
      const first = await page(0, 3);
      expect(first.changes.map((change) => change.version)).toEqual([1, 2, 3]);
      expect(first).toMatchObject({ cursor: 3, hasMore: true });
      const rest = await page(3, 3);
      expect(rest.changes.map((change) => change.version)).toEqual([4, 100, 200]);
      expect(rest).toMatchObject({ cursor: 200, hasMore: false });
      expect((await page(50, 1)).changes.map((change) => change.version)).toEqual([100]);
      expect(await page(200, 5)).toEqual({ changes: [], cursor: 200, hasMore: false, serverTime: 42 });
      expect(await page(1000, 5)).toEqual({ changes: [], cursor: 1000, hasMore: false, serverTime: 42 });
    });

    it('sends nothing of another workspace', async () => {
      const other = (await createWorkspace(database.db, { name: 'Other', adminName: 'Admin' })).workspace.id;
      expect(JSON.parse(pullResponseBody(await pullPage(database.db, other, { after: 0, limit: 10 }), 0))).toEqual({ changes: [], cursor: 0, hasMore: false, serverTime: 0 });
    });
  });
}
