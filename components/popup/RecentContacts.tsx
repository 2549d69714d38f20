import type { RecentContact } from '@/lib/views/popup';
import { formatDay, useLocalisation } from '../i18n';

export function RecentContacts({ contacts, onOpen }: { contacts: RecentContact[]; onOpen: (url: string) => void }) {
  const { t, language } = useLocalisation();
  if (contacts.length === 0) return <p className="empty">{t('popupNoRecent')}</p>;
  return (
    <ul className="rows" data-testid="recent-contacts">
      {contacts.map((contact) => {
        const url = contact.identities[0]?.profileUrl;
        return (
          <li key={contact.id}>
            <button type="button" className="row" disabled={!url} onClick={() => url && onOpen(url)}>
              <span className="row-title">{contact.displayName}</span>
              {contact.headline ? <span className="row-sub">{contact.headline}</span> : null}
              <span className="row-meta">
                {t(`stage_${contact.stage}`)} · {t('popupLastSeen', formatDay(contact.lastSeenAt, language))}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
