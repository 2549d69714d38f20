import { BADGE_COLOURS } from './badge';
import type { Urgency } from '@/lib/sla/urgency';

export interface BadgeMarks {
  /** Conversations waiting on us (not snoozed) and check-ins due. */
  waitingCount: number;
  dueFollowUpsCount: number;
  /** The nearest deadline and the nearest warning instant among the waiting conversations. */
  earliestDueMs: number | null;
  earliestWarnMs: number | null;
}

/**
 * badgeOf's answer from the queue's counts and nearest instants alone: overdue when a check-in is due
 * or a deadline has passed, warning when a warning instant has, fine otherwise.
 */
export function badgeFromMarks(marks: BadgeMarks, nowMs: number): { text: string; colour: string; urgency: Urgency | null } {
  const count = marks.waitingCount + marks.dueFollowUpsCount;
  if (count === 0) return { text: '', colour: BADGE_COLOURS.fine, urgency: null };
  const urgency: Urgency =
    marks.dueFollowUpsCount > 0 || (marks.earliestDueMs !== null && marks.earliestDueMs <= nowMs) ? 'overdue'
    : marks.earliestWarnMs !== null && marks.earliestWarnMs <= nowMs ? 'warning'
    : 'fine';
  return { text: count > 999 ? '999+' : String(count), colour: BADGE_COLOURS[urgency], urgency };
}
