import { useEffect, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/translate';
import type { InsertTarget, RepliesView, SuggestionView } from '@/lib/views/replies';
import { replyLength } from '@/lib/replies/limits';
import { useLocalisation } from '../i18n';
import { ReplyCounter } from './ReplyCounter';
import { SuggestionNotes } from './SuggestionNotes';

const KIND_LABEL: Record<SuggestionView['kind'], MessageKey> = {
  template: 'repliesKindTemplate',
  article: 'repliesKindArticle',
  'past-reply': 'repliesKindPastReply',
};

export interface InsertOptions {
  mode: 'replace' | 'add';
  overLimitConfirmed: boolean;
}

interface Props {
  suggestions: SuggestionView[];
  values: Record<string, string>;
  limit: RepliesView['limit'];
  onValueChange: (name: string, value: string) => void;
  onInsert: (target: InsertTarget, options: InsertOptions) => void;
  onCopy: (text: string) => void;
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

const keyOf = (suggestion: SuggestionView) => `${suggestion.kind}:${suggestion.id}:${suggestion.channel}`;

/**
 * The top suggestions for this reply box: one click or key 1–5 puts one in (replacing the one put in
 * before; "Add" joins it instead), a live count against the site's limit with a hard warning before
 * anything longer goes in, and why a text was changed or held back. Texts for the private message only
 * are listed apart, to copy, never to insert here.
 */
export function SuggestedReplies({ suggestions, values, limit, onValueChange, onInsert, onCopy }: Props) {
  const { t } = useLocalisation();
  const [keyword, setKeyword] = useState('');
  const [confirming, setConfirming] = useState<{ key: string; mode: InsertOptions['mode'] } | null>(null);
  const isPrivateOnly = (suggestion: SuggestionView) => suggestion.channel === 'private' && !suggestion.insertable;
  const here = suggestions.filter((suggestion) => !isPrivateOnly(suggestion));
  const privateOnly = suggestions.filter(isPrivateOnly);

  const insert = (suggestion: SuggestionView, mode: InsertOptions['mode']) => {
    const over = replyLength(previewText(suggestion, values), limit) > limit.limit;
    if (over && confirming?.key !== keyOf(suggestion)) {
      setConfirming({ key: keyOf(suggestion), mode });
      return;
    }
    setConfirming(null);
    onInsert({ by: 'suggestion', kind: suggestion.kind, id: suggestion.id, channel: suggestion.channel }, { mode, overLimitConfirmed: over });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const index = Number(event.key) - 1;
      const suggestion = Number.isInteger(index) && index >= 0 && index < 5 ? here[index] : undefined;
      if (!suggestion?.insertable || stillMissing(suggestion, values).length > 0) return;
      event.preventDefault();
      insert(suggestion, 'replace');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="suggestions">
      <form
        className="shortcut-form"
        onSubmit={(event) => {
          event.preventDefault();
          const shortcut = keyword.trim().toLowerCase();
          if (shortcut) onInsert({ by: 'shortcut', shortcut }, { mode: 'replace', overLimitConfirmed: false });
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
      {here.length === 0 ? <p className="empty">{t('repliesNoSuggestions')}</p> : null}
      <ol className="suggestion-list">
        {here.map((suggestion, index) => {
          const missing = stillMissing(suggestion, values);
          const text = previewText(suggestion, values);
          const blocked = !suggestion.insertable || missing.length > 0;
          const key = keyOf(suggestion);
          return (
            <li key={key} className="suggestion" data-testid="suggestion" data-kind={suggestion.kind} data-channel={suggestion.channel} data-insertable={String(suggestion.insertable)}>
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
              {text !== '' ? (
                <p className="suggestion-text" data-testid="suggestion-text">
                  {text}
                </p>
              ) : null}
              {text !== '' ? <ReplyCounter text={text} limit={limit} /> : null}
              <SuggestionNotes notes={suggestion.notes} />
              {suggestion.internalNotes ? (
                <p className="hint internal-notes" data-testid="internal-notes">
                  {t('repliesInternalNotes', suggestion.internalNotes)}
                </p>
              ) : null}
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
              {confirming?.key === key ? (
                <p className="warn" role="alert" data-testid="over-limit-warning">
                  {t('repliesOverLimit', String(replyLength(text, limit)), String(limit.limit))}
                </p>
              ) : null}
              {suggestion.insertable ? (
                <div className="row">
                  <button
                    type="button"
                    data-testid="insert-suggestion"
                    disabled={blocked}
                    title={missing.length > 0 ? t('repliesMissingHint') : undefined}
                    aria-label={t('repliesInsertLabel', String(index + 1), suggestion.title)}
                    onClick={() => insert(suggestion, confirming?.key === key ? confirming.mode : 'replace')}
                  >
                    {t('repliesInsert')}
                  </button>
                  <button type="button" data-testid="add-suggestion" disabled={blocked} onClick={() => insert(suggestion, 'add')}>
                    {t('repliesAdd')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {privateOnly.length > 0 ? (
        <section className="private-suggestions" data-testid="private-suggestions">
          <h4>{t('repliesPrivateHeading')}</h4>
          <ul className="suggestion-list">
            {privateOnly.map((suggestion) => {
              const text = previewText(suggestion, values);
              return (
                <li key={keyOf(suggestion)} className="suggestion" data-testid="private-suggestion" data-kind={suggestion.kind}>
                  <span className="suggestion-title">{suggestion.title}</span>
                  <p className="suggestion-text" data-testid="private-suggestion-text">
                    {text}
                  </p>
                  <SuggestionNotes notes={suggestion.notes} />
                  <button type="button" onClick={() => onCopy(text)}>
                    {t('repliesCopyForDm')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <p className="hint">{t('repliesKeyHint')}</p>
    </div>
  );
}
