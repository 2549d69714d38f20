import type { MessageKey } from '@/lib/i18n/translate';
import type { InsertTarget, RepliesView } from '@/lib/messaging/replies-protocol';
import { useLocalisation } from '../i18n';
import { MoveToDm } from './MoveToDm';
import { SensitiveNotice } from './SensitiveNotice';
import { SuggestedReplies } from './SuggestedReplies';

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
  generation: GenerationState | null;
  onValueChange: (name: string, value: string) => void;
  onInsert: (target: InsertTarget) => void;
  onMoveToDm: (mode: 'dm' | 'alternative') => void;
  onGenerate: () => void;
  onCopy: (text: string) => void;
}

const SOURCE_LABEL: Record<NonNullable<RepliesView['subject']>['source'], MessageKey> = {
  message: 'repliesSourceMessage',
  comment: 'repliesSourceComment',
  post: 'repliesSourcePost',
};

/** Reply help for the message on screen: what not to say in public, Move to DM, suggestions, a generated reply. */
export function ReplyHelp({ replies, values, notice, generation, onValueChange, onInsert, onMoveToDm, onGenerate, onCopy }: ReplyHelpProps) {
  const { t } = useLocalisation();
  if (!replies) return null;
  const { subject } = replies;
  return (
    <section className="reply-help" aria-labelledby="replies-heading" data-testid="reply-help">
      <h3 id="replies-heading">{t('repliesHeading')}</h3>
      {notice ? (
        <p className={notice.tone === 'ok' ? 'ok' : 'warn'} role="status" data-testid="replies-notice">
          {t(notice.key, ...notice.args)}
        </p>
      ) : null}
      {!subject ? (
        <p className="empty" data-testid="replies-none">
          {t('repliesNone')}
        </p>
      ) : (
        <>
          <p className="subject">
            <span className="hint">{t('repliesFor', subject.authorName, t(SOURCE_LABEL[subject.source]))}</span>{' '}
            <q data-testid="replies-subject">{subject.text}</q>
          </p>
          <SensitiveNotice sensitive={replies.sensitive} />
          {replies.moveToDm && replies.moveToDm.suggested ? (
            <MoveToDm plan={replies.moveToDm} personName={subject.authorName} onMove={onMoveToDm} onCopy={onCopy} />
          ) : null}
          <SuggestedReplies suggestions={replies.suggestions} values={values} onValueChange={onValueChange} onInsert={onInsert} />
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
