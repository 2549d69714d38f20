import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '@/lib/sync/hlc';
import { updatedAtOf } from '@/lib/sync/merge';
import { pullResponseSchema, type PullResponse } from '@/lib/sync/wire';
import { createWorkspace, openServerDatabase, type ServerDatabase } from '@/server/src/app';
import { pullPage, pullResponseBody } from '@/server/src/sync/pull';
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

/** Stamps the SQL must read as updatedAtOf does: the epoch, odd milliseconds, ties broken by client id case. */
const stored: StoredRecord[] = [
  { recordId: randomUUID(), fields: { body: 'epoch', deletedAt: null }, stamps: { body: at(0, 0, 'a') } },
  { recordId: randomUUID(), fields: { body: 'ms', n: 1.5, tags: ['x', 'é'] }, stamps: { body: at(1_767_600_000_001, 3, 'b'), n: at(1_767_600_000_999, 0, 'c') } },
  { recordId: randomUUID(), fields: { body: 'case' }, stamps: { body: at(1_767_600_123_456, 7, 'Zed'), x: at(1_767_600_123_456, 7, 'abc') } },
  { recordId: randomUUID(), fields: { body: 'counter wins', a: 1, b: 2 }, stamps: { a: at(1_800_000_000_000, 999_999, 'a'), b: at(1_700_000_000_000, 0, 'z') } },
  { recordId: randomUUID(), fields: { body: 'no stamps', updatedAt: '2026-01-01T00:00:00.000Z' }, stamps: {} },
  { recordId: randomUUID(), fields: { body: 'nothing at all' }, stamps: {} },
  { recordId: randomUUID(), fields: { body: 'stored updatedAt loses', updatedAt: 'stale' }, stamps: { body: at(1_767_000_000_500, 0, 'q') } },
];

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
      workspaceId = (await createWorkspace(database.db, { name: 'Pull', adminName: 'Admin' })).workspace.id;
      // Versions 10, 20, 30…: a page's cursor is the last version it holds, not a count.
      for (const [index, record] of stored.entries()) {
        await database.db.execute(sql`
          insert into records (workspace_id, store, record_id, fields, stamps, version)
          values (${workspaceId}, 'notes', ${record.recordId}, ${JSON.stringify(record.fields)}::jsonb, ${JSON.stringify(record.stamps)}::jsonb, ${(index + 1) * 10})`);
      }
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('derives id and updatedAt as lib/sync/merge does, and keeps every stored field and stamp', async () => {
      const all = await page(0, 1000);
      expect(all.changes).toEqual(stored.map((record, index) => expectedChange(record, (index + 1) * 10)));
      expect(all).toMatchObject({ cursor: stored.length * 10, hasMore: false, serverTime: 42 });
    });

    it('cuts pages by version: cursor is the last version sent, hasMore only when a row is left', async () => {
      const first = await page(0, 3);
      expect(first.changes.map((change) => change.version)).toEqual([10, 20, 30]);
      expect(first).toMatchObject({ cursor: 30, hasMore: true });
      const rest = await page(35, stored.length - 3);
      expect(rest.changes.map((change) => change.version)).toEqual([40, 50, 60, 70]);
      expect(rest).toMatchObject({ cursor: 70, hasMore: false });
      expect(await page(70, 5)).toEqual({ changes: [], cursor: 70, hasMore: false, serverTime: 42 });
      expect(await page(1000, 5)).toEqual({ changes: [], cursor: 1000, hasMore: false, serverTime: 42 });
    });

    it('sends nothing of another workspace', async () => {
      const other = (await createWorkspace(database.db, { name: 'Other', adminName: 'Admin' })).workspace.id;
      expect(JSON.parse(pullResponseBody(await pullPage(database.db, other, { after: 0, limit: 10 }), 0))).toEqual({ changes: [], cursor: 0, hasMore: false, serverTime: 0 });
    });
  });
}
