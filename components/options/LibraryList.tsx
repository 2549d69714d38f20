import { useId, useState } from 'react';
import { useLocalisation } from '../i18n';

export interface LibraryItem {
  id: string;
  title: string;
  body: string;
  tags: string[];
  lang: 'en' | 'ja';
  detail?: string;
}

function matches(item: LibraryItem, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${item.title} ${item.body} ${item.tags.join(' ')} ${item.detail ?? ''}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Templates or articles with a search box (title, body, tags) and per-item edit and delete. */
export function LibraryList({
  items,
  label,
  testId,
  onEdit,
  onDelete,
}: {
  items: LibraryItem[];
  label: string;
  testId: string;
  onEdit: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useLocalisation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const shown = items.filter((item) => matches(item, query));
  return (
    <div className="library">
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('librarySearch', label)}
      </label>
      <input id={`${id}-search`} type="search" placeholder={t('librarySearch', label)} value={query} onChange={(event) => setQuery(event.target.value)} />
      <p className="muted" aria-live="polite">
        {t('libraryCount', String(shown.length), String(items.length))}
      </p>
      <ul className="rows" data-testid={testId}>
        {shown.map((item) => (
          <li key={item.id} className="library-row">
            <div>
              <span className="row-title">{item.title}</span> <span className="badge">{item.lang}</span>
              {item.detail && <code className="muted"> {item.detail}</code>}
              <p className="muted excerpt">{item.body.slice(0, 140)}</p>
            </div>
            <div className="policy-actions">
              <button type="button" aria-label={t('libraryEditNamed', item.title)} onClick={() => onEdit(item.id)}>
                {t('formEdit')}
              </button>
              {confirming === item.id ? (
                <button type="button" className="danger" onClick={() => onDelete(item.id)} onBlur={() => setConfirming(null)}>
                  {t('formConfirmDelete')}
                </button>
              ) : (
                <button type="button" aria-label={t('libraryDeleteNamed', item.title)} onClick={() => setConfirming(item.id)}>
                  {t('formDelete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
