import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE, readSyncState, recordSyncFailure, recordSyncSuccess, resetSyncState } from '@/lib/db/sync-state';
import { isSyncDue, syncStatusOf } from '@/lib/sync/status';
import { freshDb } from '../db/helpers';

const NOW = Date.parse('2026-03-02T09:00:00.000Z');

describe('sync state', () => {
  it('starts empty, counts failures, and clears them on success', async () => {
    const { db } = await freshDb();
    expect(await readSyncState(db)).toEqual(INITIAL_SYNC_STATE);
    const failure = { kind: 'offline' as const, message: 'no network', at: '2026-03-02T09:00:00.000Z' };
    await recordSyncFailure(db, failure, (n) => `2026-03-02T09:00:0${n}.000Z`);
    const second = await recordSyncFailure(db, failure, (n) => `2026-03-02T09:00:0${n}.000Z`);
    expect(second).toMatchObject({ consecutiveFailures: 2, nextAttemptAt: '2026-03-02T09:00:02.000Z', lastError: failure });
    expect(await readSyncState(db)).toEqual(second);

    await recordSyncSuccess(db, '2026-03-02T09:05:00.000Z');
    expect(await readSyncState(db)).toEqual({ ...INITIAL_SYNC_STATE, lastSyncAt: '2026-03-02T09:05:00.000Z' });
  });

  it('reads a damaged key as its initial value, and resets for a new backend', async () => {
    const { db } = await freshDb();
    await db.put('meta', 'seven', 'cursor');
    await db.put('meta', 3, 'consecutiveFailures');
    expect(await readSyncState(db)).toEqual({ ...INITIAL_SYNC_STATE, consecutiveFailures: 3 });
    await resetSyncState(db);
    expect(await readSyncState(db)).toEqual(INITIAL_SYNC_STATE);
  });
});

describe('sync status for the UI', () => {
  const at = (iso: string) => iso;
  it('tells synced, retrying (with the time left) and needs-token apart', () => {
    expect(syncStatusOf(INITIAL_SYNC_STATE, 2, NOW)).toEqual({ kind: 'never-synced', pending: 2 });
    const synced = { ...INITIAL_SYNC_STATE, lastSyncAt: at('2026-03-02T08:58:00.000Z') };
    expect(syncStatusOf(synced, 0, NOW)).toEqual({ kind: 'synced', lastSyncAt: '2026-03-02T08:58:00.000Z', pending: 0 });

    const offline = {
      ...synced,
      lastError: { kind: 'offline' as const, message: 'no network', at: at('2026-03-02T09:00:00.000Z') },
      consecutiveFailures: 3,
      nextAttemptAt: at('2026-03-02T09:00:30.000Z'),
    };
    expect(syncStatusOf(offline, 5, NOW)).toMatchObject({ kind: 'retrying', reason: 'offline', retryInMs: 30_000, pending: 5 });
    expect(isSyncDue(offline, NOW)).toBe(false);
    expect(isSyncDue(offline, NOW + 30_000)).toBe(true);

    const revoked = { ...offline, lastError: { ...offline.lastError, kind: 'unauthorized' as const }, nextAttemptAt: null };
    expect(syncStatusOf(revoked, 5, NOW)).toMatchObject({ kind: 'needs-token', reason: 'unauthorized' });
    expect(isSyncDue(revoked, NOW + 1e9)).toBe(false);
    expect(isSyncDue(synced, NOW)).toBe(true);
  });
});
