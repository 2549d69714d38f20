import { describe, expect, it } from 'vitest';
import { applyRemoteChanges } from '@/lib/db/apply-remote';
import { ReplicaClock } from '@/lib/db/clock';
import { identities } from '@/lib/db/identities';
import { outboxSize } from '@/lib/db/outbox';
import { readSyncState } from '@/lib/db/sync-state';
import { formatHlc } from '@/lib/sync/hlc';
import type { Change } from '@/lib/sync/wire';
import { freshDb, manualTime } from '../db/helpers';

const CONTACT_ID = '6f1f7a4e-8a7e-4c39-9a55-0b7f2d9a1c11';
const stamp = formatHlc({ wallMs: Date.parse('2026-03-02T08:00:00.000Z'), counter: 0 }, 'other');

function identityChange(version: number, handle: string, recordId = crypto.randomUUID()): Change {
  const fields = {
    contactId: CONTACT_ID,
    site: 'x',
    handle,
    profileUrl: `https://x.com/${handle}`,
    displayName: handle,
    createdAt: '2026-03-02T08:00:00.000Z',
    deletedAt: null,
  };
  return { version, store: 'identities', recordId, fields, stamps: Object.fromEntries(Object.keys(fields).map((key) => [key, stamp])) };
}

describe('applying remote changes', () => {
  it('stores merged records and the cursor together, without outbox entries', async () => {
    const { db } = await freshDb();
    const clock = await ReplicaClock.load(db, manualTime().now);
    const change = identityChange(4, 'kim');
    const result = await applyRemoteChanges(db, clock, [change], 4);
    expect(result).toEqual({ applied: 1, unchanged: 0, skipped: [] });
    expect(await identities.get(db, change.recordId)).toMatchObject({ handle: 'kim', updatedAt: '2026-03-02T08:00:00.000Z' });
    expect(await outboxSize(db)).toBe(0);
    expect((await readSyncState(db)).cursor).toBe(4);

    expect(await applyRemoteChanges(db, clock, [{ ...change, version: 5 }], 5)).toEqual({ applied: 0, unchanged: 1, skipped: [] });
  });

  it('skips a record that would break a unique index, without losing the rest of the page', async () => {
    const { db } = await freshDb();
    const time = manualTime();
    const clock = await ReplicaClock.load(db, time.now);
    const mine = await identities.create(
      db,
      { contactId: CONTACT_ID, site: 'x', handle: 'kim', profileUrl: 'https://x.com/kim', displayName: 'Kim' },
      clock,
    );
    const clash = identityChange(1, 'kim');
    const fine = identityChange(2, 'lee');
    const result = await applyRemoteChanges(db, clock, [clash, fine], 2);
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([{ store: 'identities', recordId: clash.recordId, version: 1, reason: expect.stringContaining('by-site-handle') as unknown }]);
    expect(await identities.get(db, mine.id)).toEqual(mine);
    expect(await identities.get(db, fine.recordId)).toMatchObject({ handle: 'lee' });
    expect((await readSyncState(db)).cursor).toBe(2);
  });

  it('leaves the page and the cursor unapplied when the transaction fails', async () => {
    const { db } = await freshDb();
    const clock = await ReplicaClock.load(db, manualTime().now);
    const good = identityChange(1, 'ann');
    const unknownStore = { ...identityChange(2, 'bob'), store: 'nope' } as unknown as Change;
    await expect(applyRemoteChanges(db, clock, [good, unknownStore], 2)).rejects.toThrow();
    expect(await identities.get(db, good.recordId)).toBeUndefined();
    expect((await readSyncState(db)).cursor).toBe(0);
  });
});
