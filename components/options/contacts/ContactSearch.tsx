import { contactStages, type ContactStage } from '@/lib/model';
import { useLocalisation } from '../../i18n';

interface Props {
  text: string;
  stage: ContactStage | '';
  total: number | null;
  onText: (text: string) => void;
  onStage: (stage: ContactStage | '') => void;
}

export function ContactSearch({ text, stage, total, onText, onStage }: Props) {
  const { t, n } = useLocalisation();
  return (
    <div className="contact-search" role="search">
      <label>
        {t('contactsSearch')}
        <input type="search" value={text} placeholder={t('contactsSearchHint')} data-testid="contact-search" onChange={(event) => onText(event.target.value)} />
      </label>
      <label>
        {t('panelStage')}
        <select value={stage} data-testid="contact-stage-filter" onChange={(event) => onStage(event.target.value as ContactStage | '')}>
          <option value="">{t('contactsAnyStage')}</option>
          {contactStages.map((value) => (
            <option key={value} value={value}>
              {t(`stage_${value}`)}
            </option>
          ))}
        </select>
      </label>
      <p role="status" className="contact-count" data-testid="contact-count">
        {total === null ? '' : n('contactsFound', total, String(total))}
      </p>
    </div>
  );
}
