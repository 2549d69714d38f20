import { useId, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/translate';
import type { RefusedChangeView } from '@/lib/views/sync';
import { formatDayAndTime, useLocalisation } from '../i18n';

const storeLabelKey: Readonly<Record<RefusedChangeView['store'], MessageKey>> = {
  contacts: 'refusedStoreContacts',
  identities: 'refusedStoreIdentities',
  notes: 'refusedStoreNotes',
  conversations: 'refusedStoreConversations',
  messages: 'refusedStoreMessages',
  slaPolicies: 'refusedStoreSlaPolicies',
  templates: 'refusedStoreTemplates',
  articles: 'refusedStoreArticles',
  followUps: 'refusedStoreFollowUps',
};

const reasonKey: Readonly<Record<RefusedChangeView['reason'], MessageKey>> = {
  invalid: 'refusedReasonInvalid',
  'unknown-store': 'refusedReasonUnknownStore',
  'nul-character': 'refusedReasonNulCharacter',
  'lone-surrogate': 'refusedReasonLoneSurrogate',
  'field-name-too-long': 'refusedReasonFieldNameTooLong',
  'reserved-field-name': 'refusedReasonReservedFieldName',
  'too-deep': 'refusedReasonTooDeep',
  'not-json': 'refusedReasonNotJson',
  'unknown-field': 'refusedReasonUnknownField',
  'invalid-field-value': 'refusedReasonInvalidFieldValue',
  'clock-ahead': 'refusedReasonClockAhead',
};

/**
 * "Changes the team server refused": each local change the server would not store, what it was, why and
 * when, with Retry (back into the queue of changes to send) and Discard (after a confirmation). A count
 * badge on the heading shows there is something to look at.
 */
export function RefusedChanges({
  changes,
  unreadable,
  busy,
  onRetry,
  onDiscard,
}: {
  changes: RefusedChangeView[];
  unreadable: number;
  busy: boolean;
  onRetry: (mutationId: string) => void;
  onDiscard: (mutationId: string) => void;
}) {
  const { t, n, language } = useLocalisation();
  const headingId = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  const count = changes.length + unreadable;

  return (
    <section className="refused-changes" aria-labelledby={headingId} data-testid="refused-changes">
      <h3 id={headingId}>
        {t('refusedTitle')}{' '}
        {count > 0 && (
          <span className="badge attention" data-testid="refused-badge" aria-label={n('refusedCount', count)}>
            {new Intl.NumberFormat(language).format(count)}
          </span>
        )}
      </h3>
      {count === 0 ? (
        <p className="empty">{t('refusedNone')}</p>
      ) : (
        <>
          <p className="hint">{t('refusedHelp')}</p>
          {unreadable > 0 && <p className="error">{n('refusedUnreadable', unreadable)}</p>}
          <ul className="refused-list">
            {changes.map((change) => {
              const what = change.field ? t('refusedWhatField', t(storeLabelKey[change.store]), change.field) : t(storeLabelKey[change.store]);
              return (
                <li key={change.mutationId} className="library-row" data-testid="refused-change">
                  <div className="policy-main">
                    <span className="row-title">{what}</span>
                    {change.preview !== null && <span className="excerpt">“{change.preview}”</span>}
                    <span>{t(reasonKey[change.reason])}</span>
                    <span className="muted excerpt">
                      {t('refusedWhen', formatDayAndTime(change.quarantinedAt, language))} · {t('refusedServerSaid', change.message)}
                    </span>
                  </div>
                  <div className="policy-actions">
                    <button type="button" disabled={busy} aria-label={t('refusedRetryNamed', what)} onClick={() => onRetry(change.mutationId)}>
                      {t('refusedRetry')}
                    </button>
                    {confirming === change.mutationId ? (
                      <>
                        <span role="alert">{t('refusedConfirmDiscard')}</span>
                        <button type="button" className="danger" disabled={busy} onClick={() => onDiscard(change.mutationId)}>
                          {t('refusedDiscardConfirmed')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('refusedKeep')}
                        </button>
                      </>
                    ) : (
                      <button type="button" disabled={busy} aria-label={t('refusedDiscardNamed', what)} onClick={() => setConfirming(change.mutationId)}>
                        {t('refusedDiscard')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
