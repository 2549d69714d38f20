import { describe, expect, it } from 'vitest';
import { ReplicaClock } from '@/lib/db/clock';
import { migrations } from '@/lib/db/migrations';
import { v5QuarantineStore } from '@/lib/db/migration-quarantine-store';
import { notes } from '@/lib/db/notes';
import { openReplylineDb } from '@/lib/db/open';
import { pendingOutbox } from '@/lib/db/outbox';
import { listQuarantined, quarantineSize } from '@/lib/db/quarantine';

describe('v5: the store of refused changes', () => {
  it('adds an empty quarantine store to a v4 database, leaving its records and outbox as they were', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v4 = await openReplylineDb(name, migrations.filter((step) => step.version < v5QuarantineStore.version));
    const clock = await ReplicaClock.load(v4);
    const note = await notes.create(v4, { contactId: crypto.randomUUID(), body: 'written before the upgrade' }, clock);
    const outbox = await pendingOutbox(v4, 10);
    expect(v4.objectStoreNames.contains('quarantine')).toBe(false);
    v4.close();

    const db = await openReplylineDb(name, migrations);
    expect(db.objectStoreNames.contains('quarantine')).toBe(true);
    expect(await quarantineSize(db)).toBe(0);
    expect(await listQuarantined(db)).toEqual({ changes: [], unreadable: 0 });
    expect(await notes.get(db, note.id)).toMatchObject({ body: 'written before the upgrade' });
    expect(await pendingOutbox(db, 10)).toEqual(outbox);
    db.close();
  });

  it('is step 5 of the migrations the extension opens with', () => {
    expect(migrations[v5QuarantineStore.version - 1]).toBe(v5QuarantineStore);
  });
});
