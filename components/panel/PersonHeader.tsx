import type { Person } from '@/lib/model';
import type { ContactView } from '@/lib/views/panel';
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

/** One's own profile: shown as such, with nothing to track or note. */
export function SelfHeader({ person }: { person: Person }) {
  const { t } = useLocalisation();
  return (
    <header className="person self" data-testid="self">
      <h2 className="person-name" data-testid="person-name">{person.displayName || person.handle}</h2>
      {person.headline ? <p className="person-headline" data-testid="person-headline">{person.headline}</p> : null}
      <p className="self-badge" data-testid="this-is-you">
        <strong>{t('panelThisIsYou')}</strong>
      </p>
      <p className="self-detail">{t('panelThisIsYouDetail')}</p>
    </header>
  );
}
