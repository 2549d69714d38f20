import { useEffect, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/translate';
import type { InsertTarget, SuggestionView } from '@/lib/messaging/replies-protocol';
import { useLocalisation } from '../i18n';

const KIND_LABEL: Record<SuggestionView['kind'], MessageKey> = {
  template: 'repliesKindTemplate',
  article: 'repliesKindArticle',
  'past-reply': 'repliesKindPastReply',
};

interface Props {
  suggestions: SuggestionView[];
  values: Record<string, string>;
  onValueChange: (name: string, value: string) => void;
  onInsert: (target: InsertTarget) => void;
}

/** The filled text as it would go in, with what the agent typed in place of the `[[name]]` markers. */
export function previewText(suggestion: SuggestionView, values: Record<string, string>): string {
  return suggestion.missing.reduce((text, name) => {
    const value = values[name]?.trim();
    return value ? text.split(`[[${name}]]`).join(value) : text;
  }, suggestion.text);
}

const stillMissing = (suggestion: SuggestionView, values: Record<string, string>) =>
  suggestion.missing.filter((name) => !values[name]?.trim());

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The top suggestions: one click or key 1–5 puts one in the reply box; a keyword box calls a template by name. */
export function SuggestedReplies({ suggestions, values, onValueChange, onInsert }: Props) {
  const { t } = useLocalisation();
  const [keyword, setKeyword] = useState('');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const index = Number(event.key) - 1;
      const suggestion = Number.isInteger(index) && index >= 0 && index < 5 ? suggestions[index] : undefined;
      if (!suggestion) return;
      event.preventDefault();
      onInsert({ by: 'suggestion', kind: suggestion.kind, id: suggestion.id });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [suggestions, onInsert]);

  return (
    <div className="suggestions">
      <form
        className="shortcut-form"
        onSubmit={(event) => {
          event.preventDefault();
          const shortcut = keyword.trim().toLowerCase();
          if (shortcut) onInsert({ by: 'shortcut', shortcut });
        }}
      >
        <label className="field">
          {t('repliesShortcutLabel')}
          <input
            data-testid="shortcut-box"
            value={keyword}
            placeholder={t('repliesShortcutPlaceholder')}
            onChange={(event) => setKeyword(event.target.value)}
            maxLength={32}
          />
        </label>
      </form>
      {suggestions.length === 0 ? <p className="empty">{t('repliesNoSuggestions')}</p> : null}
      <ol className="suggestion-list">
        {suggestions.map((suggestion, index) => {
          const missing = stillMissing(suggestion, values);
          const text = previewText(suggestion, values);
          return (
            <li key={`${suggestion.kind}:${suggestion.id}`} className="suggestion" data-testid="suggestion" data-kind={suggestion.kind}>
              <div className="suggestion-head">
                <kbd aria-hidden="true">{index + 1}</kbd>
                <span className="suggestion-kind">{t(KIND_LABEL[suggestion.kind])}</span>
                <span className="suggestion-title">{suggestion.title}</span>
                {suggestion.shortcut ? <code className="suggestion-shortcut">{suggestion.shortcut}</code> : null}
              </div>
              {suggestion.alreadySent ? (
                <p className="warn" data-testid="already-sent">
                  {t('repliesAlreadySent')}
                </p>
              ) : null}
              <p className="suggestion-text" data-testid="suggestion-text">
                {text}
              </p>
              {suggestion.missing.map((name) => (
                <label key={name} className={`field missing${values[name]?.trim() ? '' : ' empty-value'}`}>
                  {t('repliesFillIn', name)}
                  <input
                    data-testid={`fill-${name}`}
                    value={values[name] ?? ''}
                    onChange={(event) => onValueChange(name, event.target.value)}
                    maxLength={500}
                  />
                </label>
              ))}
              <button
                type="button"
                data-testid="insert-suggestion"
                disabled={missing.length > 0}
                title={missing.length > 0 ? t('repliesMissingHint') : undefined}
                aria-label={t('repliesInsertLabel', String(index + 1), suggestion.title)}
                onClick={() => onInsert({ by: 'suggestion', kind: suggestion.kind, id: suggestion.id })}
              >
                {t('repliesInsert')}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="hint">{t('repliesKeyHint')}</p>
    </div>
  );
}
