import { useEffect, useId, useState } from 'react';
import type { ContactRowView } from '@/lib/views/contacts';
import type { ContactView } from '@/lib/views/panel';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';

const SEARCH_DELAY_MS = 150;

export interface SamePersonProps {
  contact: ContactView;
  /** Contacts met on another site under the same name (offered without a search). */
  suggestions: ContactRowView[];
  onSearch: (text: string) => Promise<ContactRowView[]>;
  /** Folds the chosen contact into the one on screen; rejects with what went wrong. */
  onMerge: (otherId: string) => Promise<void>;
}

type Step = { kind: 'closed' } | { kind: 'search' } | { kind: 'confirm'; other: ContactRowView };

/** "Same person as…": find the contact this person already is on another site, confirm, and merge. */
export function SamePerson({ contact, suggestions, onSearch, onMerge }: SamePersonProps) {
  const { t } = useLocalisation();
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [text, setText] = useState('');
  const [found, setFound] = useState<ContactRowView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const searchId = useId();
  const [firstSuggestion] = suggestions;

  useEffect(() => {
    if (step.kind !== 'search') return;
    const query = text.trim();
    if (query === '') return;
    let current = true;
    const timer = setTimeout(() => {
      onSearch(query)
        .then((rows) => current && setFound(rows.filter((row) => row.id !== contact.id)))
        .catch((failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [step.kind, text, contact.id, onSearch]);

  const open = () => {
    setText(firstSuggestion?.displayName ?? '');
    setError(null);
    setStep({ kind: 'search' });
  };

  async function confirm(other: ContactRowView) {
    setBusy(true);
    try {
      await onMerge(other.id);
      setStep({ kind: 'closed' });
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  if (step.kind === 'closed') {
    return (
      <div className="same-person" data-testid="same-person">
        {firstSuggestion ? (
          <p className="same-person-hint" data-testid="same-person-suggestion">
            {t('mergePanelLooksLike', firstSuggestion.displayName, placesOf(firstSuggestion, t))}
          </p>
        ) : null}
        <button type="button" className={firstSuggestion ? 'primary' : 'link'} data-testid="same-person-open" onClick={open}>
          {t('mergePanelOpen')}
        </button>
      </div>
    );
  }

  return (
    <section className="same-person open" data-testid="same-person" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('mergePanelOpen')}</h3>
      {step.kind === 'search' ? (
        <>
          <label htmlFor={searchId}>{t('mergePanelSearchLabel')}</label>
          <input id={searchId} type="search" data-testid="same-person-search" value={text} autoFocus onChange={(event) => setText(event.target.value)} />
          {text.trim() !== '' && found.length === 0 ? <p className="hint">{t('mergePanelNoMatch')}</p> : null}
          <ul className="same-person-results">
            {(text.trim() === '' ? [] : found).slice(0, 8).map((row) => (
              <li key={row.id}>
                <button type="button" data-testid="same-person-choice" onClick={() => setStep({ kind: 'confirm', other: row })}>
                  <strong>{row.displayName}</strong> <span className="places">{placesOf(row, t)}</span>
                  {row.company ? <span className="places"> · {row.company}</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setStep({ kind: 'closed' })}>
            {t('mergePanelCancel')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="same-person-question">{t('mergePanelQuestion', step.other.displayName, placesOf(step.other, t))}</p>
          <div className="row">
            <button type="button" className="primary" data-testid="same-person-confirm" disabled={busy} onClick={() => void confirm(step.other)}>
              {t('mergePanelConfirm')}
            </button>
            <button type="button" data-testid="same-person-back" disabled={busy} onClick={() => setStep({ kind: 'search' })}>
              {t('mergePanelBack')}
            </button>
          </div>
        </>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function placesOf(row: ContactRowView, t: ReturnType<typeof useLocalisation>['t']): string {
  return row.identities.map((identity) => `${t(siteLabelKey[identity.site])}: ${identity.handle}`).join(', ');
}
