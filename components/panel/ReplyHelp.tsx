import type { MessageKey } from '@/lib/i18n/translate';
import type { InsertTarget, RepliesView } from '@/lib/views/replies';
import type { ReplyClaim } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { MoveToDm } from './MoveToDm';
import { ReplyCounter } from './ReplyCounter';
import { SensitiveNotice } from './SensitiveNotice';
import { CLAIM_LABEL } from './SuggestionNotes';
import { SuggestedReplies, type InsertOptions } from './SuggestedReplies';

export interface GenerationState {
  text: string;
  done: boolean;
  error: string | null;
  generationId: string;
}

export interface ReplyHelpProps {
  replies: RepliesView | null;
  values: Record<string, string>;
  /** The outcome of the last action, already worded. */
  notice: { key: MessageKey; args: string[]; tone: 'ok' | 'warn' } | null;
  /** The reply box's text length after the last insert, as the site counts it. */
  boxLength: number | null;
  generation: GenerationState | null;
  onValueChange: (name: string, value: string) => void;
  onInsert: (target: InsertTarget, options?: InsertOptions) => void;
  onMoveToDm: (mode: 'dm' | 'alternative') => void;
  onGenerate: () => void;
  onCopy: (text: string) => void;
  /** Answer another message or comment on the page (an index of `replies.choices`). */
  onChoose: (choice: number | undefined) => void;
  /** Suggestions in the other language, or back to the message's own (undefined). */
  onLanguage: (lang: 'en' | 'ja' | undefined) => void;
  /** What the agent ticked as done, so texts may say so. */
  onDone: (claim: ReplyClaim, done: boolean) => void;
}

const SOURCE_LABEL: Record<NonNullable<RepliesView['subject']>['source'], MessageKey> = {
  message: 'repliesSourceMessage',
  comment: 'repliesSourceComment',
  post: 'repliesSourcePost',
};

const TICKABLE: readonly ReplyClaim[] = ['checked-order', 'refund-issued', 'issue-fixed'];

/** Reply help for the message on screen: whom it goes to, what not to say in public, Move to DM, suggestions, a generated reply. */
export function ReplyHelp(props: ReplyHelpProps) {
  const { replies, values, notice, boxLength, generation, onValueChange, onInsert, onMoveToDm, onGenerate, onCopy, onChoose, onLanguage, onDone } = props;
  const { t } = useLocalisation();
  if (!replies) return null;
  const { subject } = replies;
  // Nothing to answer and nothing to say (a profile): no empty block pushing the notes down.
  if (!subject && !notice && boxLength === null) return null;
  const otherLang = replies.messageLang === 'en' ? 'ja' : 'en';
  return (
    <section className="reply-help" aria-labelledby="replies-heading" data-testid="reply-help">
      <h3 id="replies-heading">{t('repliesHeading')}</h3>
      {notice ? (
        <p className={notice.tone === 'ok' ? 'ok' : 'warn'} role="status" data-testid="replies-notice">
          {t(notice.key, ...notice.args)}
        </p>
      ) : null}
      {boxLength !== null ? (
        <p className={`hint${boxLength > replies.limit.limit ? ' warn' : ''}`} data-testid="box-length">
          {t('repliesBoxLength', String(boxLength), String(replies.limit.limit))}
        </p>
      ) : null}
      {!subject ? (
        <p className="empty" data-testid="replies-none">
          {t('repliesNone')}
        </p>
      ) : (
        <>
          <p className="addressee" data-testid="reply-addressee">
            {subject.mention
              ? t('repliesTo', subject.mention, subject.authorName, t(SOURCE_LABEL[subject.source]))
              : t('repliesToNamed', subject.authorName, t(SOURCE_LABEL[subject.source]))}
          </p>
          <p className="subject">
            <q data-testid="replies-subject">{subject.text}</q>
          </p>
          {replies.choices.length > 1 ? (
            <label className="field">
              {t('repliesChoose')}
              <select
                data-testid="reply-choice"
                value={replies.choice ?? 0}
                onChange={(event) => onChoose(Number(event.target.value))}
              >
                {replies.choices.map((choice, index) => (
                  <option key={`${String(index)}-${choice.authorName}`} value={index}>
                    {`${choice.authorName}: ${choice.text.slice(0, 60)}`}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <SensitiveNotice sensitive={replies.sensitive} />
          {replies.moveToDm && replies.moveToDm.suggested ? (
            <MoveToDm plan={replies.moveToDm} personName={subject.authorName} onMove={onMoveToDm} onCopy={onCopy} />
          ) : null}
          <fieldset className="done-ticks" data-testid="done-ticks">
            <legend className="hint">{t('repliesDoneHeading')}</legend>
            {TICKABLE.map((claim) => (
              <label key={claim} className="tick">
                <input type="checkbox" data-testid={`done-${claim}`} checked={replies.done.includes(claim)} onChange={(event) => onDone(claim, event.target.checked)} />
                {t(CLAIM_LABEL[claim])}
              </label>
            ))}
          </fieldset>
          <p className="row">
            <button type="button" className="link" data-testid="other-language" onClick={() => onLanguage(replies.lang === replies.messageLang ? otherLang : undefined)}>
              {t('repliesOtherLanguage', t(`repliesLanguageName_${replies.lang === replies.messageLang ? otherLang : replies.messageLang}`))}
            </button>
          </p>
          <SuggestedReplies suggestions={replies.suggestions} values={values} limit={replies.limit} onValueChange={onValueChange} onInsert={onInsert} onCopy={onCopy} />
          {replies.canGenerate ? (
            <div className="generated">
              <button type="button" data-testid="generate" disabled={generation !== null && !generation.done} onClick={onGenerate}>
                {generation !== null && !generation.done ? t('repliesGenerating') : t('repliesGenerate')}
              </button>
              {generation ? (
                <div className="suggestion" aria-live="polite">
                  <span className="suggestion-kind">{t('repliesGenerated')}</span>
                  <p className="suggestion-text" data-testid="generated-text">
                    {generation.text}
                  </p>
                  <ReplyCounter text={generation.text} limit={replies.limit} />
                  {generation.error ? <p className="warn">{t('repliesGeneratedError', generation.error)}</p> : null}
                  {generation.done && !generation.error ? (
                    <button type="button" onClick={() => onInsert({ by: 'generated', generationId: generation.generationId })}>
                      {t('repliesInsert')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </div>
          ) : null}
          {replies.moveToDm && !replies.moveToDm.suggested ? (
            <MoveToDm plan={replies.moveToDm} personName={subject.authorName} onMove={onMoveToDm} onCopy={onCopy} />
          ) : null}
        </>
      )}
    </section>
  );
}
