import type { SyncState } from '@/lib/db/sync-state';
import { needsPersonToAct, type SyncErrorKind } from './errors';

/** What the popup and options page show about sync, decided once here rather than in each view. */
export type SyncStatus =
  | { kind: 'never-synced'; pending: number }
  | { kind: 'synced'; lastSyncAt: string; pending: number }
  | { kind: 'retrying'; reason: SyncErrorKind; message: string; retryInMs: number; lastSyncAt: string | null; pending: number }
  /** The token was refused (revoked, mistyped, no rights): nothing retries until it is changed. */
  | { kind: 'needs-token'; reason: SyncErrorKind; message: string; lastSyncAt: string | null; pending: number };

export function syncStatusOf(state: SyncState, pending: number, nowMs: number): SyncStatus {
  const { lastError, lastSyncAt } = state;
  if (lastError && needsPersonToAct(lastError.kind)) {
    return { kind: 'needs-token', reason: lastError.kind, message: lastError.message, lastSyncAt, pending };
  }
  if (lastError) {
    const retryInMs = state.nextAttemptAt === null ? 0 : Math.max(0, Date.parse(state.nextAttemptAt) - nowMs);
    return { kind: 'retrying', reason: lastError.kind, message: lastError.message, retryInMs, lastSyncAt, pending };
  }
  if (lastSyncAt === null) return { kind: 'never-synced', pending };
  return { kind: 'synced', lastSyncAt, pending };
}

/**
 * Whether an automatic trigger (alarm, debounced write) should sync now. A person pressing
 * "sync now" or saving a new token syncs regardless.
 */
export function isSyncDue(state: SyncState, nowMs: number): boolean {
  if (state.lastError && needsPersonToAct(state.lastError.kind)) return false;
  return state.nextAttemptAt === null || Date.parse(state.nextAttemptAt) <= nowMs;
}
