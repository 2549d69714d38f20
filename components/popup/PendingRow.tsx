import { useState } from 'react';
import type { Priority } from '@/lib/model';
import type { PendingItem } from '@/lib/views/popup';
import { urgencyOf } from '@/lib/sla/urgency';
import { formatDayAndTime, useLocalisation } from '../i18n';
import { PrioritySelect } from '../PrioritySelect';
import { siteLabelKey } from '../site-label';
import { formatDuration, msLeft } from '../time-left';
import { DoneMenu } from './DoneMenu';
import { maskSensitive } from './mask';
import { SnoozeMenu } from './SnoozeMenu';

export interface PendingActions {
  onOpen: (item: PendingItem) => void;
  onSnooze: (item: PendingItem, until: Date) => void;
  onDone: (item: PendingItem, checkInAt: Date | null) => void;
  onPriority: (item: PendingItem, priority: Priority) => void;
}

/** Which sites the issue is on: both halves of a public comment moved to a DM may be on one site. */
function sitesText(item: PendingItem, t: ReturnType<typeof useLocalisation>['t']): string {
  if (!item.site) return '';
  const sites = [...new Set(item.places.map((place) => place.site))];
  return (sites.length > 0 ? sites : [item.site]).map((site) => t(siteLabelKey[site])).join(' + ');
}

/** Where in the site: "Public + DM" for a public comment moved to a DM, one place otherwise (on the second line, so a long name never hides it). */
function Places({ item }: { item: PendingItem }) {
  const { t } = useLocalisation();
  if (item.places.length === 0) return null;
  return (
    <span className="places" data-testid="row-where" data-places={item.places.length}>
      {item.places.map((place) => t(place.where === 'public' ? 'popupPlacePublic' : 'popupPlacePrivate')).join(' + ')}
      {' · '}
    </span>
  );
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
              {item.site ? <span className="site"> · {sitesText(item, t)}</span> : null}
            </span>
            <TimeLeft item={item} nowMs={nowMs} />
          </span>
          {/* The chosen priority is shown by the control beside the row; the row's name says it too. */}
          {item.priority ? <span className="visually-hidden">{t('popupPriorityIs', t(`priority_${item.priority}`))}</span> : null}
          <span className="row-sub">
            <Places item={item} />
            <span data-testid="row-preview">{maskSensitive(item.excerpt)}</span>
          </span>
        </button>
        {menu === null && item.priority && item.conversationId ? (
          <PrioritySelect
            className="row-priority"
            value={item.priority}
            label={t('priorityFor', who)}
            testId="row-priority"
            onChange={(priority) => actions.onPriority(item, priority)}
          />
        ) : null}
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
