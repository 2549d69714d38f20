import { useId, useState, type SyntheticEvent } from 'react';
import { contactStages, tagListSchema, type ContactStage } from '@/lib/model';
import type { ContactView } from '@/lib/views/panel';
import { hasTag, suggestTags, uniqueTags } from '@/lib/tags/tags';
import { useLocalisation } from '../i18n';

interface Props {
  contact: ContactView;
  /** Tags in use on any contact: offered while typing, and the spelling a tag typed in another case takes. */
  knownTags: readonly string[];
  onStageChange: (stage: ContactStage) => void;
  onTagsChange: (tags: string[]) => void;
}

export function StageAndTags({ contact, knownTags, onStageChange, onTagsChange }: Props) {
  const { t } = useLocalisation();
  const [draft, setDraft] = useState('');
  const suggestionsId = useId();
  const suggestions = suggestTags(knownTags, draft, contact.tags);

  function addTag(event: SyntheticEvent) {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag || hasTag(contact.tags, tag)) return setDraft('');
    const next = tagListSchema.safeParse(uniqueTags([...contact.tags, tag], knownTags));
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
            list={suggestionsId}
            autoComplete="off"
            onChange={(event) => setDraft(event.target.value)}
          />
          <datalist id={suggestionsId} data-testid="tag-suggestions">
            {suggestions.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          <button type="submit">{t('panelAddTagButton')}</button>
        </form>
      </div>
    </section>
  );
}
