import { useId, useState } from 'react';
import { articleFieldsSchema, type ArticleFields } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { FieldError } from './FieldError';
import { formatTags, parseTags } from './tags';
import { useZodForm } from './use-zod-form';
import { EditorActions, TitleField, type EditorProps } from './editor-parts';

export const newArticle = (lang: 'en' | 'ja'): ArticleFields => ({ title: '', body: '', customerText: '', url: null, tags: [], lang });

/**
 * A knowledge-base article: what the reply suggestions can say or point people to. Its customer text is
 * what may go into a reply; its internal notes are for the agent only and are never inserted.
 */
export function ArticleForm({
  initial,
  serverError,
  onSave,
  onCancel,
}: EditorProps<ArticleFields>) {
  const { t } = useLocalisation();
  const id = useId();
  const { draft, update, errorsAt, handleSubmit } = useZodForm(articleFieldsSchema, initial, onSave);
  const [tagsText, setTagsText] = useState(formatTags(initial.tags));
  const [urlError, setUrlError] = useState(false);
  const trimmedUrl = () => (draft.url?.trim() ? draft.url.trim() : null);
  const customerText = draft.customerText ?? '';

  const submit = handleSubmit(
    (fields) => ({
      ...fields,
      url: trimmedUrl(),
      tags: parseTags(tagsText),
      // An article stored before the split keeps having no customer text until some is typed.
      customerText: customerText.trim() === '' && initial.customerText === undefined ? undefined : customerText,
    }),
    () => {
      const url = trimmedUrl();
      const bad = url !== null && !URL.canParse(url);
      setUrlError(bad);
      return bad;
    },
  );

  return (
    <form className="editor" data-testid="article-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial.title === '' ? t('articleNew') : t('articleEdit', initial.title)}</h3>
      <TitleField id={id} testId="article-title" value={draft.title} errors={errorsAt('title')} onChange={(title) => update({ title })} />
      <label>
        {t('articleCustomerText')}
        <textarea
          data-testid="article-customer-text"
          rows={5}
          value={customerText}
          onChange={(event) => update({ customerText: event.target.value })}
          aria-describedby={`${id}-customer-hint ${id}-customer-error`}
        />
      </label>
      <p id={`${id}-customer-hint`} className="hint">
        {t('articleCustomerTextHint')}
      </p>
      <FieldError id={`${id}-customer-error`} messages={errorsAt('customerText')} />
      <label>
        {t('articleInternalNotes')}
        <textarea
          data-testid="article-body"
          rows={8}
          value={draft.body}
          onChange={(event) => update({ body: event.target.value })}
          aria-describedby={`${id}-notes-hint ${id}-body-error`}
        />
      </label>
      <p id={`${id}-notes-hint`} className="hint">
        {t('articleInternalNotesHint')}
      </p>
      <FieldError id={`${id}-body-error`} messages={errorsAt('body')} />
      <label>
        {t('articleUrl')}
        <input
          data-testid="article-url"
          type="url"
          value={draft.url ?? ''}
          onChange={(event) => update({ url: event.target.value })}
          aria-describedby={`${id}-url-error`}
        />
      </label>
      <FieldError id={`${id}-url-error`} messages={[...errorsAt('url'), ...(urlError ? [t('articleUrlInvalid')] : [])]} />
      <div className="field-row">
        <label>
          {t('fieldLanguage')}
          <select value={draft.lang} onChange={(event) => update({ lang: event.target.value === 'ja' ? 'ja' : 'en' })}>
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
        <label>
          {t('fieldTags')}
          <input value={tagsText} onChange={(event) => setTagsText(event.target.value)} />
        </label>
      </div>
      <EditorActions serverError={serverError} saveTestId="article-save" onCancel={onCancel} />
    </form>
  );
}
