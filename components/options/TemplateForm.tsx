import { useId, useState } from 'react';
import { templateFieldsSchema, type TemplateFields } from '@/lib/model';
import { fillTemplate, standardVariables } from '@/lib/replies/template-fill';
import { useLocalisation } from '../i18n';
import { FieldError } from './FieldError';
import { sampleValues } from './sample-values';
import { formatTags, parseTags } from './tags';
import { useZodForm } from './use-zod-form';
import { EditorActions, TitleField, type EditorProps } from './editor-parts';

export const newTemplate = (lang: 'en' | 'ja'): TemplateFields => ({ title: '', body: '', lang, tags: [], shortcut: null });

/** A reply template with {{variables}} and a live preview filled with sample values. */
export function TemplateForm({
  initial,
  agentName,
  serverError,
  onSave,
  onCancel,
}: EditorProps<TemplateFields> & { agentName: string }) {
  const { t } = useLocalisation();
  const id = useId();
  const { draft, update, errorsAt, handleSubmit } = useZodForm(templateFieldsSchema, initial, onSave);
  const [tagsText, setTagsText] = useState(formatTags(initial.tags));
  const preview = fillTemplate(draft.body, sampleValues(draft.lang, agentName));
  const submit = handleSubmit((fields) => ({ ...fields, tags: parseTags(tagsText), shortcut: fields.shortcut?.trim() ? fields.shortcut.trim() : null }));

  return (
    <form className="editor" data-testid="template-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial.title === '' ? t('templateNew') : t('templateEdit', initial.title)}</h3>
      <TitleField id={id} testId="template-title" value={draft.title} errors={errorsAt('title')} onChange={(title) => update({ title })} />
      <label>
        {t('fieldBody')}
        <textarea
          data-testid="template-body"
          rows={6}
          value={draft.body}
          onChange={(event) => update({ body: event.target.value })}
          aria-describedby={`${id}-variables ${id}-body-error`}
        />
      </label>
      <p id={`${id}-variables`} className="hint">
        {t('templateVariables', standardVariables.map((name) => `{{${name}}}`).join(' '))}
      </p>
      <FieldError id={`${id}-body-error`} messages={errorsAt('body')} />
      <div className="preview" aria-live="polite">
        <span className="muted">{t('templatePreview')}</span>
        <p data-testid="template-preview">{preview.text}</p>
        {preview.missing.length > 0 && <p className="hint">{t('templateUnknownVariables', preview.missing.join(', '))}</p>}
      </div>
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
        <label>
          {t('templateShortcut')}
          <input
            data-testid="template-shortcut"
            value={draft.shortcut ?? ''}
            placeholder="thanks"
            onChange={(event) => update({ shortcut: event.target.value })}
            aria-describedby={`${id}-shortcut-error`}
          />
        </label>
      </div>
      <FieldError id={`${id}-shortcut-error`} messages={errorsAt('shortcut').map(() => t('templateShortcutRule'))} />
      <FieldError id={`${id}-tags-error`} messages={errorsAt('tags')} />
      <EditorActions serverError={serverError} saveTestId="template-save" onCancel={onCancel} />
    </form>
  );
}
