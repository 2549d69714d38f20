import type { PendingItem } from '@/lib/messaging/views';
import { formatDayAndTime, useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';

export function PendingList({ items, onOpen }: { items: PendingItem[]; onOpen: (url: string) => void }) {
  const { t, language } = useLocalisation();
  if (items.length === 0) return <p className="empty" data-testid="no-pending">{t('popupNoPending')}</p>;
  return (
    <ul className="rows" data-testid="pending">
      {items.map((item) => (
        <li key={item.conversationId}>
          <button type="button" className="row" onClick={() => onOpen(item.url)}>
            <span className="row-title">
              {item.personName} · {t(siteLabelKey[item.site])}
            </span>
            <span className="row-sub">{item.excerpt}</span>
            {item.dueAt ? <span className="row-meta">{formatDayAndTime(item.dueAt, language)}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
