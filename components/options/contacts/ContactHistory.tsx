import type { HistoryEntry } from '@/lib/views/contacts';
import { formatDayAndTime, useLocalisation } from '../../i18n';
import { siteLabelKey } from '../../site-label';

/** Everything that happened with the contact on every site, newest first; page text is rendered as text. */
export function ContactHistory({ entries }: { entries: HistoryEntry[] }) {
  const { t, language } = useLocalisation();
  if (entries.length === 0) return <p className="empty">{t('contactHistoryEmpty')}</p>;
  return (
    <ol className="contact-history" data-testid="contact-history">
      {entries.map((entry, index) => (
        <li key={index} className={`history-${entry.kind}`}>
          <time dateTime={entry.at}>{formatDayAndTime(entry.at, language)}</time>{' '}
          {entry.kind === 'note' ? (
            <span>
              <strong>{t('contactHistoryNote')}</strong> {entry.body}
            </span>
          ) : entry.kind === 'stage' ? (
            <span>{t('contactHistoryStage', t(`stage_${entry.stage}`))}</span>
          ) : entry.kind === 'identity' ? (
            <span>{t('contactHistoryIdentity', t(siteLabelKey[entry.site]), entry.handle)}</span>
          ) : (
            <span>
              <strong>{t('contactHistoryConversation', t(siteLabelKey[entry.site]))}</strong>{' '}
              <a href={entry.url} target="_blank" rel="noreferrer">
                {entry.preview ?? entry.url}
              </a>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
