import { useId, useState } from 'react';
import { articleFieldsSchema, type ArticleFields } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { errorsUnder, fieldErrorsOf, type FieldErrors } from './field-errors';
import { FieldError } from './FieldError';
import { formatTags, parseTags } from './tags';

export const newArticle = (lang: 'en' | 'ja'): ArticleFields => ({ title: '', body: '', url: null, tags: [], lang });

/** A knowledge-base article: what the reply suggestions can point people to. */
export function ArticleForm({
  initial,
  serverError,
  onSave,
  onCancel,
}: {
  initial: ArticleFields;
  serverError: string | null;
  onSave: (article: ArticleFields) => void;
  onCancel: () => void;
}) {
  const { t } = useLocalisation();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [tagsText, setTagsText] = useState(formatTags(initial.tags));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [urlError, setUrlError] = useState(false);

  function submit(event: { preventDefault: () => void }) {
    event.preventDefault();
    const url = draft.url?.trim() ? draft.url.trim() : null;
    const badUrl = url !== null && !URL.canParse(url);
    const candidate = { ...draft, url, tags: parseTags(tagsText) };
    const found = fieldErrorsOf(articleFieldsSchema, candidate);
    setErrors(found);
    setUrlError(badUrl);
    if (Object.keys(found).length === 0 && !badUrl) onSave(articleFieldsSchema.parse(candidate));
  }

  return (
    <form className="editor" data-testid="article-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial.title === '' ? t('articleNew') : t('articleEdit', initial.title)}</h3>
      <label>
        {t('fieldTitle')}
        <input data-testid="article-title" value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} aria-describedby={`${id}-title-error`} />
      </label>
      <FieldError id={`${id}-title-error`} messages={errorsUnder(errors, 'title')} />
      <label>
        {t('fieldBody')}
        <textarea data-testid="article-body" rows={8} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} />
      </label>
      <FieldError id={`${id}-body-error`} messages={errorsUnder(errors, 'body')} />
      <label>
        {t('articleUrl')}
        <input
          data-testid="article-url"
          type="url"
          value={draft.url ?? ''}
          onChange={(event) => setDraft({ ...draft, url: event.target.value })}
          aria-describedby={`${id}-url-error`}
        />
      </label>
      <FieldError id={`${id}-url-error`} messages={[...errorsUnder(errors, 'url'), ...(urlError ? [t('articleUrlInvalid')] : [])]} />
      <div className="field-row">
        <label>
          {t('fieldLanguage')}
          <select value={draft.lang} onChange={(event) => setDraft({ ...draft, lang: event.target.value === 'ja' ? 'ja' : 'en' })}>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
        <label>
          {t('fieldTags')}
          <input value={tagsText} onChange={(event) => setTagsText(event.target.value)} />
        </label>
      </div>
      {serverError && <p className="error" role="alert">{serverError}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid="article-save">
          {t('formSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('formCancel')}
        </button>
      </div>
    </form>
  );
}
