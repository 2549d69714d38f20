import type { ContactDetail, ContactFacts } from '@/lib/views/contacts';
import { formatDay, useLocalisation } from '../../i18n';
import { siteLabelKey } from '../../site-label';
import { ContactFactsForm } from './ContactFactsForm';
import { ContactHistory } from './ContactHistory';

export function ContactDetailView({ detail, onSaveFacts }: { detail: ContactDetail; onSaveFacts: (facts: ContactFacts) => Promise<void> }) {
  const { t, language } = useLocalisation();
  return (
    <article className="contact-detail" data-testid="contact-detail" aria-labelledby="contact-detail-name">
      <h3 id="contact-detail-name">{detail.displayName}</h3>
      {detail.headline ? <p className="person-headline">{detail.headline}</p> : null}
      <p>
        {t(`stage_${detail.stage}`)}
        {detail.tags.length > 0 ? ` · ${detail.tags.join(', ')}` : ''} · {t('panelFirstSeen', formatDay(detail.firstSeenAt, language))}
      </p>
      <ul className="contact-identities" data-testid="contact-identities">
        {detail.identities.map((identity) => (
          <li key={`${identity.site}:${identity.handle}`}>
            <a href={identity.profileUrl} target="_blank" rel="noreferrer">
              {t(siteLabelKey[identity.site])}: {identity.handle}
            </a>
          </li>
        ))}
      </ul>
      <ContactFactsForm key={factsKey(detail)} values={detail} onSave={onSaveFacts} />
      <h4>{t('contactHistory')}</h4>
      <ContactHistory entries={detail.history} />
    </article>
  );
}

export const factsKey = ({ company, position, email, phone }: Pick<ContactDetail, 'company' | 'position' | 'email' | 'phone'>) =>
  JSON.stringify([company, position, email, phone]);
