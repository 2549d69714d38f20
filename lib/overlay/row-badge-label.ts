import { formatDuration } from '@/components/time-left';
import type { PageMessageKey, PageTranslate } from '@/lib/i18n/page-translate';
import type { Language } from '@/lib/i18n/translate';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import { urgencyOf } from '@/lib/sla/urgency';

/** A row's badge text: the stage (when it says more than "new") and, while it waits on us, the time left. */
export function rowBadgeLabel(badge: RowBadge, t: PageTranslate, language: Language, nowMs: number): { text: string; tone: string } | null {
  const parts: string[] = [];
  if (badge.stage && badge.stage !== 'new') parts.push(t(`stage_${badge.stage}` as PageMessageKey));
  let tone = 'fine';
  if (badge.status === 'waiting' && badge.dueAt) {
    const left = Date.parse(badge.dueAt) - nowMs;
    parts.push(left > 0 ? t('timeLeft', formatDuration(left, language)) : t('timeOverdue', formatDuration(left, language)));
    tone = urgencyOf(badge, new Date(nowMs).toISOString());
  }
  return parts.length > 0 ? { text: parts.join(' · '), tone } : null;
}
