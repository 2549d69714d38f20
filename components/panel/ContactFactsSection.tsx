import type { ContactFacts } from '@/lib/views/contacts';
import type { ContactView } from '@/lib/views/panel';
import { useLocalisation } from '../i18n';
import { ContactFactsForm } from '../options/contacts/ContactFactsForm';

/** Company, position, e-mail and phone where known, and a form to correct them; folded while nothing is known. */
export function ContactFactsSection({ contact, onSave }: { contact: ContactView; onSave: (facts: ContactFacts) => Promise<void> }) {
  const { t } = useLocalisation();
  const { facts } = contact;
  const known = [facts.position, facts.company, facts.email, facts.phone].filter((value): value is string => Boolean(value));
  return (
    <details className="contact-facts-section" data-testid="panel-facts">
      <summary>
        <span className="facts-title">{t('panelContactDetails')}</span>
        {known.length > 0 ? <span className="facts-known" data-testid="panel-facts-known">{known.join(' · ')}</span> : null}
      </summary>
      <ContactFactsForm key={JSON.stringify(facts)} values={facts} onSave={onSave} compact />
    </details>
  );
}
