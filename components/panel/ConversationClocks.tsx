import { snoozeUntil } from '@/lib/conversations/snooze-presets';
import type { MessageKey } from '@/lib/i18n/translate';
import type { ConversationView } from '@/lib/views/panel';
import { urgencyOf } from '@/lib/sla/urgency';
import { formatDayAndTime, useLocalisation } from '../i18n';
import { formatDuration, msLeft } from '../time-left';
import { useNow } from '../use-now';
import { PrioritySelect } from '../PrioritySelect';
import type { PanelActions } from './Panel';
import { TeamPresence } from './TeamPresence';

type ClockActions = Pick<PanelActions, 'onTrack' | 'onMarkReplied' | 'onResolve' | 'onReopen' | 'onSnooze' | 'onAfterHoursAck' | 'onAssign' | 'onPriority'>;

const STATUS_LABEL: Record<ConversationView['status'], MessageKey> = {
  waiting: 'panelStatusWaiting',
  open: 'panelStatusOpen',
  snoozed: 'panelStatusSnoozed',
  resolved: 'panelStatusResolved',
};

function Clock({ conversation, nowMs }: { conversation: ConversationView; nowMs: number }) {
  const { t, language } = useLocalisation();
  if (conversation.status === 'snoozed' && conversation.snoozedUntil) {
    return <span className="clock">{t('popupSnoozedUntil', formatDayAndTime(conversation.snoozedUntil, language))}</span>;
  }
  if (conversation.status !== 'waiting' || !conversation.dueAt) return null;
  const left = msLeft(conversation.dueAt, nowMs);
  const urgency = urgencyOf(conversation, new Date(nowMs).toISOString());
  return (
    <span className={`clock ${urgency}`} data-testid="panel-time-left" data-urgency={urgency} title={formatDayAndTime(conversation.dueAt, language)}>
      {left > 0 ? t('timeLeft', formatDuration(left, language)) : t('timeOverdue', formatDuration(left, language))}
    </span>
  );
}

/** Outside business hours: a short, personal acknowledgement saying when we are back. */
function AfterHours({ conversation, onAck }: { conversation: ConversationView; onAck: (text: string) => void }) {
  const { t, language } = useLocalisation();
  if (!conversation.afterHours || conversation.status !== 'waiting') return null;
  const opensAt = formatDayAndTime(conversation.afterHours.opensAt, language);
  const text = t('afterHoursAck', addressOf(conversation.personName, language), opensAt);
  return (
    <div className="after-hours" data-testid="after-hours">
      <span>{t('panelAfterHours', opensAt)}</span>
      <button type="button" onClick={() => onAck(text)} data-testid="after-hours-ack">
        {t('panelAfterHoursAck')}
      </button>
    </div>
  );
}

/** How the acknowledgement addresses them: the first name in English, the full name in Japanese (with 様 in the text). */
function addressOf(name: string, language: string): string {
  const trimmed = name.trim();
  if (language === 'ja') return trimmed;
  return trimmed.split(/\s+/)[0] ?? trimmed;
}

function FirstResponse({ conversation }: { conversation: ConversationView }) {
  const { t, language } = useLocalisation();
  const first = conversation.targets.find((target) => target.kind === 'firstResponse');
  if (!conversation.firstResponseAt || !first?.startedAt) return null;
  const took = Date.parse(conversation.firstResponseAt) - Date.parse(first.startedAt);
  return (
    <span className="first-response" data-testid="first-response">
      {t('panelFirstResponse', formatDuration(took, language))}
      {first.breached ? ` · ${t('panelBreached')}` : ''}
    </span>
  );
}

/** The clocks of the conversations on this page, with what an agent does to them. */
export function ConversationClocks({ conversations, canTrack, actions }: { conversations: ConversationView[]; canTrack: boolean; actions: ClockActions }) {
  const { t } = useLocalisation();
  const nowMs = useNow();
  const waiting = conversations.some((conversation) => conversation.status === 'waiting' || conversation.status === 'snoozed');
  return (
    <section className="clocks" aria-labelledby="clocks-heading" data-testid="clocks">
      <h3 id="clocks-heading">{t('panelConversations')}</h3>
      {conversations.map((conversation) => (
        <div key={conversation.id} className="clock-row" data-testid="panel-conversation" data-status={conversation.status}>
          <div className="clock-line">
            <span className="status">{t(STATUS_LABEL[conversation.status])}</span>
            {conversation.personName ? <span className="who"> · {conversation.personName}</span> : null}
            <Clock conversation={conversation} nowMs={nowMs} />
            <PrioritySelect
              className="panel-priority"
              value={conversation.priority}
              label={conversation.personName ? t('priorityFor', conversation.personName) : t('priorityLabel')}
              testId="panel-priority"
              onChange={(priority) => actions.onPriority(conversation.id, priority)}
            />
          </div>
          {conversation.team ? <TeamPresence team={conversation.team} onAssign={(to) => actions.onAssign(conversation.id, to)} /> : null}
          <FirstResponse conversation={conversation} />
          <AfterHours conversation={conversation} onAck={(text) => actions.onAfterHoursAck(conversation.id, text)} />
          <div className="clock-actions">
            {conversation.status === 'waiting' ? (
              <>
                <button type="button" onClick={() => actions.onMarkReplied(conversation.id)}>
                  {t('panelMarkReplied')}
                </button>
                <button type="button" onClick={() => actions.onSnooze(conversation.id, snoozeUntil('hour', new Date()))}>
                  {t('panelSnoozeHour')}
                </button>
              </>
            ) : null}
            {conversation.status === 'resolved' ? (
              <button type="button" onClick={() => actions.onReopen(conversation.id)}>
                {t('panelReopen')}
              </button>
            ) : (
              <button type="button" onClick={() => actions.onResolve(conversation.id)}>
                {t('panelResolve')}
              </button>
            )}
          </div>
        </div>
      ))}
      {canTrack && !waiting ? (
        <button type="button" className="track" data-testid="track" onClick={actions.onTrack}>
          {t('panelTrack')}
        </button>
      ) : null}
    </section>
  );
}
