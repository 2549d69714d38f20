import type { Person } from '@/lib/model';
import type { ContactView } from '@/lib/messaging/views';
import { formatDay, useLocalisation } from '../i18n';

export function PersonHeader({ person, contact }: { person: Person | null; contact: ContactView | null }) {
  const { t, language } = useLocalisation();
  const name = person?.displayName || contact?.displayName || person?.handle || '';
  const headline = person?.headline ?? contact?.headline;
  return (
    <header className="person">
      <h2 className="person-name" data-testid="person-name">{name}</h2>
      {headline ? <p className="person-headline" data-testid="person-headline">{headline}</p> : null}
      {contact ? (
        <p className="person-first-seen" data-testid="first-seen">
          {t('panelFirstSeen', formatDay(contact.firstSeenAt, language))}
        </p>
      ) : null}
    </header>
  );
}
