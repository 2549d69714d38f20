import { describe, expect, it } from 'vitest';
import { migrations } from '@/lib/db/migrations';
import { v5QuarantineStore } from '@/lib/db/migration-quarantine-store';
import { openReplylineDb } from '@/lib/db/open';
import { pendingOutbox } from '@/lib/db/outbox';
import { listQuarantined, quarantineSize } from '@/lib/db/quarantine';

describe('v5: the store of refused changes', () => {
  it('adds an empty quarantine store to a v4 database, leaving its records and outbox as they were', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v4 = await openReplylineDb(name, migrations.filter((step) => step.version < v5QuarantineStore.version));
    // Written raw: today's write path needs the outbox index of a later step.
    const stamp = '001772442000000:000000:example-client';
    const note = {
      id: crypto.randomUUID(),
      contactId: crypto.randomUUID(),
      body: 'written before the upgrade',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      deletedAt: null,
      stamps: { contactId: stamp, body: stamp, createdAt: stamp, deletedAt: stamp },
    };
    await v4.put('notes', note);
    const queued = { mutationId: crypto.randomUUID(), store: 'notes' as const, recordId: note.id, fields: { body: note.body }, stamps: { body: stamp }, createdAt: note.createdAt };
    await v4.add('outbox', queued);
    expect(v4.objectStoreNames.contains('quarantine')).toBe(false);
    v4.close();

    const db = await openReplylineDb(name, migrations);
    expect(db.objectStoreNames.contains('quarantine')).toBe(true);
    expect(await quarantineSize(db)).toBe(0);
    expect(await listQuarantined(db)).toEqual({ changes: [], unreadable: 0 });
    expect(await db.get('notes', note.id)).toEqual(note);
    expect(await pendingOutbox(db, 10)).toEqual([expect.objectContaining(queued)]);
    db.close();
  });

  it('is step 5 of the migrations the extension opens with', () => {
    expect(migrations[v5QuarantineStore.version - 1]).toBe(v5QuarantineStore);
  });
});
