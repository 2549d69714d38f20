/**
 * Hybrid logical clock stamps: `<wall ms, 15 digits>:<counter, 6 digits>:<client id>`.
 * Fixed-width fields make the string order the causal order, ties broken by client id,
 * so stamps compare with `<` and sort with the default sort.
 */
import { HLC_PATTERN } from '@/lib/model/common';

export { HLC_PATTERN };

export type HlcStamp = string;

export interface HlcState {
  wallMs: number;
  counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export function formatHlc(state: HlcState, clientId: string): HlcStamp {
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}:${clientId}`;
}

export function parseHlc(stamp: HlcStamp): HlcState & { clientId: string } {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`Not an HLC stamp: ${stamp}`);
  const [wall, counter, clientId] = stamp.split(':') as [string, string, string];
  return { wallMs: Number(wall), counter: Number(counter), clientId };
}

/** The next local stamp: never behind the wall clock, never behind the last stamp issued. */
export function tick(last: HlcState, nowMs: number): HlcState {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0 };
  return bumpCounter(last);
}

/** Folds a stamp seen from another replica into the local clock, so later local stamps sort after it. */
export function receive(last: HlcState, remote: HlcStamp, nowMs: number): HlcState {
  const seen = parseHlc(remote);
  const wallMs = Math.max(last.wallMs, seen.wallMs, nowMs);
  if (wallMs === last.wallMs && wallMs === seen.wallMs) {
    return bumpCounter({ wallMs, counter: Math.max(last.counter, seen.counter) });
  }
  if (wallMs === last.wallMs) return bumpCounter(last);
  if (wallMs === seen.wallMs) return bumpCounter({ wallMs, counter: seen.counter });
  return { wallMs, counter: 0 };
}

/** The latest wall time a stamp can carry and still be a date (9999-12-31T23:59:59.999Z); also fits the 15 digits. */
export const MAX_WALL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The receive rule for a server's clock reading (`serverTime` of a push or pull answer): the clock moves
 * up to the server's time when it is behind, so a replica whose machine clock runs slow cannot drift
 * further behind the team with every write. A reading that is not a time a stamp can hold is ignored.
 */
export function receiveWallTime(last: HlcState, remoteMs: number, nowMs: number): HlcState {
  if (!Number.isSafeInteger(remoteMs) || remoteMs < 0 || remoteMs > MAX_WALL_MS) return last;
  const wallMs = Math.max(last.wallMs, remoteMs, nowMs);
  // The next local tick bumps the counter when it stays at this wall time, so nothing need be bumped here.
  return wallMs === last.wallMs ? last : { wallMs, counter: 0 };
}

function bumpCounter(state: HlcState): HlcState {
  if (state.counter >= MAX_COUNTER) return { wallMs: state.wallMs + 1, counter: 0 };
  return { wallMs: state.wallMs, counter: state.counter + 1 };
}
