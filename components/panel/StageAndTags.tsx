import { useState, type SyntheticEvent } from 'react';
import { contactStages, tagListSchema, type ContactStage } from '@/lib/model';
import type { ContactView } from '@/lib/messaging/views';
import { useLocalisation } from '../i18n';

interface Props {
  contact: ContactView;
  onStageChange: (stage: ContactStage) => void;
  onTagsChange: (tags: string[]) => void;
}

export function StageAndTags({ contact, onStageChange, onTagsChange }: Props) {
  const { t } = useLocalisation();
  const [draft, setDraft] = useState('');

  function addTag(event: SyntheticEvent) {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag || contact.tags.includes(tag)) return setDraft('');
    const next = tagListSchema.safeParse([...contact.tags, tag]);
    if (next.success) onTagsChange(next.data);
    setDraft('');
  }

  return (
    <section className="stage-and-tags">
      <label className="field">
        <span>{t('panelStage')}</span>
        <select
          data-testid="stage"
          value={contact.stage}
          onChange={(event) => onStageChange(event.target.value as ContactStage)}
        >
          {contactStages.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage_${stage}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span id="tags-label">{t('panelTags')}</span>
        <ul className="tags" aria-labelledby="tags-label" data-testid="tags">
          {contact.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="tag-remove"
                aria-label={t('panelRemoveTag', tag)}
                onClick={() => onTagsChange(contact.tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="tag-form" onSubmit={addTag}>
          <input
            data-testid="tag-input"
            aria-label={t('panelAddTag')}
            placeholder={t('panelAddTag')}
            value={draft}
            maxLength={40}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit">{t('panelAddTagButton')}</button>
        </form>
      </div>
    </section>
  );
}
