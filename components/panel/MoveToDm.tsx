import { useState } from 'react';
import type { MoveToDmView } from '@/lib/views/replies';
import { useLocalisation } from '../i18n';

interface Props {
  plan: MoveToDmView;
  personName: string;
  onMove: (mode: 'dm' | 'alternative') => void;
  onCopy: (text: string) => void;
}

/** Move to DM: prominent when the public text suggests going private; the alternative where no DM is possible. */
export function MoveToDm({ plan, personName, onMove, onCopy }: Props) {
  const { t } = useLocalisation();
  const [showTexts, setShowTexts] = useState(false);
  const { alternative } = plan;
  return (
    <section className={`move-to-dm${plan.suggested ? ' suggested' : ''}`} data-testid="move-to-dm" aria-labelledby="move-to-dm-heading">
      <h3 id="move-to-dm-heading">{t('moveToDmHeading')}</h3>
      {plan.opens === 'none' ? (
        <p data-testid="dm-impossible">{t('moveToDmNone')}</p>
      ) : (
        <>
          <p className="hint">{t('moveToDmExplain', personName)}</p>
          {plan.opens === 'profile' ? <p className="hint" data-testid="dm-via-profile">{t('moveToDmProfile')}</p> : null}
          {plan.prefilledByUrl ? <p className="hint">{t('moveToDmPrefilledByUrl')}</p> : null}
          <button type="button" className={plan.suggested ? 'primary' : ''} data-testid="move-to-dm-button" onClick={() => onMove('dm')}>
            {t('moveToDmButton')}
          </button>
        </>
      )}
      <details open={showTexts} onToggle={(event) => setShowTexts(event.currentTarget.open)}>
        <summary>
          {t('moveToDmPreviewPublic')}
          {plan.privateMessage ? ` / ${t('moveToDmPreviewPrivate')}` : ''}
        </summary>
        <p className="preview" data-testid="dm-public-preview">{plan.publicReply}</p>
        {plan.privateMessage ? <p className="preview" data-testid="dm-private-preview">{plan.privateMessage}</p> : null}
      </details>
      {alternative?.kind === 'public-ask' ? (
        <div className="alternative">
          <p className="hint">{t('moveToDmAlternativeAsk')}</p>
          <button type="button" data-testid="dm-alternative" onClick={() => onMove('alternative')}>
            {t('moveToDmAlternativeAskButton')}
          </button>
        </div>
      ) : null}
      {alternative?.kind === 'connection-request' ? (
        <div className="alternative">
          <p className="hint">{t('moveToDmAlternativeConnect')}</p>
          <p className="preview" data-testid="dm-connection-note">{alternative.note}</p>
          <div className="row">
            <button type="button" onClick={() => onCopy(alternative.note)}>
              {t('moveToDmCopyNote')}
            </button>
            <button type="button" data-testid="dm-alternative" onClick={() => onMove('alternative')}>
              {t('moveToDmAlternativeConnectButton')}
            </button>
          </div>
        </div>
      ) : null}
      {plan.linked ? <p className="ok" data-testid="dm-linked">{t('moveToDmLinked')}</p> : null}
    </section>
  );
}
