import { useState, type SyntheticEvent } from 'react';
import { contactFactsSchema, type ContactFacts } from '@/lib/views/contacts';
import { useLocalisation } from '../../i18n';

type Field = keyof ContactFacts;
const fields: ReadonlyArray<{ field: Field; label: 'contactCompany' | 'contactPosition' | 'contactEmail' | 'contactPhone'; type: string }> = [
  { field: 'company', label: 'contactCompany', type: 'text' },
  { field: 'position', label: 'contactPosition', type: 'text' },
  { field: 'email', label: 'contactEmail', type: 'email' },
  { field: 'phone', label: 'contactPhone', type: 'tel' },
];

export type FactValues = Record<Field, string | null>;

/**
 * Company, position, e-mail and phone: shown as known, edited in place, checked before they are sent.
 * The caller keys it by the stored values, so a fresh copy from the background starts a fresh draft.
 */
export function ContactFactsForm({ values, onSave, compact = false }: { values: FactValues; onSave: (facts: ContactFacts) => Promise<void>; compact?: boolean }) {
  const { t } = useLocalisation();
  const [draft, setDraft] = useState<Record<Field, string>>(() => toDraft(values));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const parsed = contactFactsSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((issue) => `${t(labelOf(issue.path[0]))}: ${issue.message}`).join('; '));
      return;
    }
    setProblem(null);
    await onSave(parsed.data);
    setSaved(true);
  }

  return (
    <form className={`contact-facts${compact ? ' compact' : ''}`} onSubmit={(event) => void submit(event)} data-testid="contact-facts" noValidate>
      {fields.map(({ field, label, type }) => (
        <label key={field}>
          <span>{t(label)}</span>
          <input
            type={type}
            value={draft[field]}
            data-testid={`fact-${field}`}
            placeholder={t('contactFactUnknown')}
            onChange={(event) => {
              setSaved(false);
              setDraft({ ...draft, [field]: event.target.value });
            }}
          />
        </label>
      ))}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row">
        <button type="submit">{t('contactFactsSave')}</button>
        <span role="status" className="saved">
          {saved ? t('contactFactsSaved') : ''}
        </span>
      </div>
    </form>
  );
}

function labelOf(field: PropertyKey | undefined) {
  return fields.find((entry) => entry.field === field)?.label ?? 'contactCompany';
}

function toDraft(values: FactValues): Record<Field, string> {
  return { company: values.company ?? '', position: values.position ?? '', email: values.email ?? '', phone: values.phone ?? '' };
}
