import { useState } from 'react';
import type { PendingItem } from '@/lib/views/popup';
import { urgencyOf } from '@/lib/sla/urgency';
import { formatDayAndTime, useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { formatDuration, msLeft } from '../time-left';
import { DoneMenu } from './DoneMenu';
import { maskSensitive } from './mask';
import { SnoozeMenu } from './SnoozeMenu';

export interface PendingActions {
  onOpen: (item: PendingItem) => void;
  onSnooze: (item: PendingItem, until: Date) => void;
  onDone: (item: PendingItem, checkInAt: Date | null) => void;
}

function TimeLeft({ item, nowMs }: { item: PendingItem; nowMs: number }) {
  const { t, language } = useLocalisation();
  if (!item.dueAt) return null;
  const left = msLeft(item.dueAt, nowMs);
  const urgency = item.kind === 'follow-up' ? 'overdue' : urgencyOf(item, new Date(nowMs).toISOString());
  const text =
    item.kind === 'follow-up' ? t('popupCheckInDue')
    : left > 0 ? t('timeLeft', formatDuration(left, language))
    : t('timeOverdue', formatDuration(left, language));
  return (
    <span className={`time-left ${urgency}`} data-testid="time-left" data-urgency={urgency} title={formatDayAndTime(item.dueAt, language)}>
      {text}
    </span>
  );
}

export function PendingRow({ item, nowMs, actions }: { item: PendingItem; nowMs: number; actions: PendingActions }) {
  const { t } = useLocalisation();
  const [menu, setMenu] = useState<'snooze' | 'done' | null>(null);
  const who = item.kind === 'follow-up' ? t('popupFollowUp', item.personName) : item.personName;
  return (
    <div className="pending-row" data-testid="pending-row" data-kind={item.kind}>
      <div className="pending-main">
        {/* Named by what it shows (WCAG 2.5.3, label in name): who, where, the time left, then the preview. */}
        <button type="button" className="row-open" disabled={!item.url} onClick={() => actions.onOpen(item)} title={t('popupOpen', who)}>
          <span className="row-line">
            <span className="row-title">
              {who}
              {item.site ? <span className="site"> · {t(siteLabelKey[item.site])}</span> : null}
            </span>
            <TimeLeft item={item} nowMs={nowMs} />
          </span>
          <span className="row-sub" data-testid="row-preview">{maskSensitive(item.excerpt)}</span>
        </button>
        {menu === null ? (
          <div className="row-actions">
            {item.kind === 'conversation' ? (
              <button type="button" onClick={() => setMenu('snooze')} aria-label={t('popupSnoozeFor', who)} data-testid="snooze">
                {t('popupSnooze')}
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => (item.kind === 'follow-up' ? actions.onDone(item, null) : setMenu('done'))}
              aria-label={t('popupDoneFor', who)}
              data-testid="done"
            >
              {t('popupDone')}
            </button>
          </div>
        ) : null}
      </div>
      {menu === 'snooze' ? (
        <SnoozeMenu onSnooze={(until) => actions.onSnooze(item, until)} onCancel={() => setMenu(null)} />
      ) : menu === 'done' ? (
        <DoneMenu onDone={(checkInAt) => actions.onDone(item, checkInAt)} onCancel={() => setMenu(null)} />
      ) : null}
    </div>
  );
}
