import { MINUTE_MS } from './zone';

export type Urgency = 'overdue' | 'warning' | 'fine';

/** Epoch ms of an ISO instant; callers pass what evaluateSla and the records hold. */
function ms(iso: string): number {
  return Date.parse(iso);
}

/** Overdue from the deadline on, warning from the warning instant on, fine otherwise (and without a deadline). */
export function urgencyOf(item: { dueAt: string | null; warnAt: string | null }, nowIso: string): Urgency {
  if (item.dueAt === null) return 'fine';
  const now = ms(nowIso);
  if (now >= ms(item.dueAt)) return 'overdue';
  if (item.warnAt !== null && now >= ms(item.warnAt)) return 'warning';
  return 'fine';
}

/** Minutes until the deadline, negative once it has passed (not rounded: the display decides). */
export function minutesLeft(dueAt: string, nowIso: string): number {
  return (ms(dueAt) - ms(nowIso)) / MINUTE_MS;
}

/** UTC instants in toISOString's fixed form compare as strings; anything else is parsed. */
function compareInstants(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return ms(a) - ms(b);
}

function compareNullableInstants(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareInstants(a, b);
}

/** The pending queue's order: the nearest deadline first, no deadline last, then the longest waiting first. */
export function comparePending(
  a: { dueAt: string | null; waitingSince: string | null },
  b: { dueAt: string | null; waitingSince: string | null },
): number {
  return compareNullableInstants(a.dueAt, b.dueAt) || compareNullableInstants(a.waitingSince, b.waitingSince);
}
