import { urgencyOf, type Urgency } from '@/lib/sla/urgency';

export interface BadgeItem {
  status: 'waiting' | 'snoozed' | 'due';
  dueAt: string | null;
  warnAt: string | null;
}

export const BADGE_COLOURS: Record<Urgency, string> = {
  overdue: '#c5221f',
  warning: '#b06000',
  fine: '#1e8e3e',
};

const RANK: Record<Urgency, number> = { overdue: 2, warning: 1, fine: 0 };

/** How many wait on us (snoozed ones do not), coloured by the most urgent of them. */
export function badgeOf(items: readonly BadgeItem[], nowIso: string): { text: string; colour: string; urgency: Urgency | null } {
  let count = 0;
  let worst: Urgency | null = null;
  for (const item of items) {
    if (item.status === 'snoozed') continue;
    count += 1;
    const urgency = item.status === 'due' ? 'overdue' : urgencyOf(item, nowIso);
    if (worst === null || RANK[urgency] > RANK[worst]) worst = urgency;
  }
  if (count === 0 || worst === null) return { text: '', colour: BADGE_COLOURS.fine, urgency: null };
  return { text: count > 999 ? '999+' : String(count), colour: BADGE_COLOURS[worst], urgency: worst };
}
