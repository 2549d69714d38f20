import { useState, type SyntheticEvent } from 'react';
import type { ReplyProviderView } from '@/lib/views/replies';
import { useLocalisation } from '../i18n';

export interface ReplyProviderFields {
  enabled: boolean;
  endpoint: string;
  model: string;
  /** Left out: keep the stored key; '': remove it. */
  apiKey?: string;
}

interface Props {
  value: ReplyProviderView;
  onSave: (fields: ReplyProviderFields) => Promise<void>;
}

/** The optional reply provider: an OpenAI-compatible endpoint, model and key; off by default. */
export function ReplyProvider({ value, onSave }: Props) {
  const { t } = useLocalisation();
  const [enabled, setEnabled] = useState(value.enabled);
  const [endpoint, setEndpoint] = useState(value.endpoint);
  const [model, setModel] = useState(value.model);
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [state, setState] = useState<{ saving: boolean; saved: boolean; error: string | null }>({ saving: false, saved: false, error: null });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setState({ saving: true, saved: false, error: null });
    const key = removeKey ? '' : apiKey.trim() === '' ? undefined : apiKey.trim();
    onSave({ enabled, endpoint: endpoint.trim(), model: model.trim(), ...(key === undefined ? {} : { apiKey: key }) })
      .then(() => {
        setApiKey('');
        setRemoveKey(false);
        setState({ saving: false, saved: true, error: null });
      })
      .catch((failure: unknown) => setState({ saving: false, saved: false, error: failure instanceof Error ? failure.message : String(failure) }));
  };

  return (
    <form className="reply-provider" onSubmit={submit} aria-labelledby="reply-provider-heading" data-testid="reply-provider">
      <h2 id="reply-provider-heading">{t('providerHeading')}</h2>
      <p className="hint">{t('providerExplain')}</p>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} data-testid="provider-enabled" />
        {t('providerEnabled')}
      </label>
      <label className="field">
        {t('providerEndpoint')}
        <input
          type="url"
          value={endpoint}
          required={enabled}
          placeholder="http://localhost:11434/v1"
          onChange={(event) => setEndpoint(event.target.value)}
          data-testid="provider-endpoint"
        />
      </label>
      <label className="field">
        {t('providerModel')}
        <input value={model} required={enabled} placeholder="llama3.2" onChange={(event) => setModel(event.target.value)} data-testid="provider-model" />
      </label>
      <label className="field">
        {t('providerKey')}
        <input
          type="password"
          autoComplete="off"
          value={apiKey}
          placeholder={value.hasKey ? t('providerKeyStored') : ''}
          onChange={(event) => setApiKey(event.target.value)}
          data-testid="provider-key"
        />
      </label>
      {value.hasKey ? (
        <label className="check">
          <input type="checkbox" checked={removeKey} onChange={(event) => setRemoveKey(event.target.checked)} />
          {t('providerRemoveKey')}
        </label>
      ) : null}
      <button type="submit" disabled={state.saving}>
        {t('providerSave')}
      </button>
      {state.saved ? <p role="status">{t('providerSaved')}</p> : null}
      {state.error ? <p role="alert">{t('panelError', state.error)}</p> : null}
    </form>
  );
}
