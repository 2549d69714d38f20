import { useLocalisation } from '../i18n';
import { FieldError } from './FieldError';

/** What every library and policy editor takes: the fields to start from, the background's refusal, and its two ways out. */
export interface EditorProps<Fields> {
  initial: Fields;
  serverError: string | null;
  onSave: (fields: Fields) => void;
  onCancel: () => void;
}

/** An editor's title field with its error line; `testId` names the input (`<editor>-title`). */
export function TitleField({ id, testId, value, errors, onChange }: { id: string; testId: string; value: string; errors: string[]; onChange: (title: string) => void }) {
  const { t } = useLocalisation();
  return (
    <>
      <label>
        {t('fieldTitle')}
        <input data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-title-error`} />
      </label>
      <FieldError id={`${id}-title-error`} messages={errors} />
    </>
  );
}

/** The background's refusal, if any, then Save and Cancel; `saveTestId` names the Save button. */
export function EditorActions({ serverError, saveTestId, onCancel }: { serverError: string | null; saveTestId: string; onCancel: () => void }) {
  const { t } = useLocalisation();
  return (
    <>
      {serverError && <p className="error" role="alert">{serverError}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid={saveTestId}>
          {t('formSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('formCancel')}
        </button>
      </div>
    </>
  );
}
