import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { migrations } from '@/lib/db/migrations';
import { openReplylineDb } from '@/lib/db/open';
import { pendingOutbox } from '@/lib/db/outbox';

const recordId = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const other = '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f';
const stamp = (ms: number) => `00${ms}:000000:example-client`;
const legacy = (mutationId: string, id: string, fields: Record<string, unknown>, stamps: Record<string, string>) => ({
  mutationId,
  store: 'notes',
  recordId: id,
  fields,
  stamps,
  createdAt: '2026-03-02T09:00:00.000Z',
});

describe('v6: one outbox entry per record', () => {
  it('coalesces the entries queued before it, stamps a creation’s createdAt and keeps unset fields as stamps', async () => {
    const name = `v6-${crypto.randomUUID()}`;
    const before = await openReplylineDb(name, migrations.filter((step) => step.version < 6));
    const tx = before.transaction('outbox', 'readwrite');
    await tx.store.add(legacy('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c61', recordId, { body: 'one', contactId: recordId, deletedAt: null, createdAt: '2026-03-02T09:00:00.000Z' }, { body: stamp(1772442000000), contactId: stamp(1772442000000), deletedAt: stamp(1772442000000) }) as never);
    await tx.store.add(legacy('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c62', other, { body: 'other', contactId: recordId, deletedAt: null, createdAt: '2026-03-02T09:00:00.000Z' }, { body: stamp(1772442000000), contactId: stamp(1772442000000), deletedAt: stamp(1772442000000) }) as never);
    await tx.store.add(legacy('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c63', recordId, { body: 'two', deletedAt: undefined }, { body: stamp(1772442000500), deletedAt: stamp(1772442000500) }) as never);
    await tx.done;
    before.close();

    const db = await openReplylineDb(name);
    const entries = await pendingOutbox(db, 100);
    expect(entries.map((entry) => entry.recordId)).toEqual([other, recordId]);
    const merged = entries[1];
    expect(merged?.fields).toEqual({ body: 'two', contactId: recordId, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(merged?.stamps).toEqual({ body: stamp(1772442000500), contactId: stamp(1772442000000), deletedAt: stamp(1772442000500), createdAt: stamp(1772442000000) });
    expect(merged?.seq).toBe(3);
    db.close();
    const raw = await openDB(name);
    expect([...raw.transaction('outbox').store.indexNames]).toContain('by-record');
    raw.close();
  });
});
