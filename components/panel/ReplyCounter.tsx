import { replyLength } from '@/lib/replies/limits';
import type { RepliesView } from '@/lib/views/replies';
import { useLocalisation } from '../i18n';

/** How long a text is against the site's limit, counted as the site counts; marked when over. */
export function ReplyCounter({ text, limit }: { text: string; limit: RepliesView['limit'] }) {
  const { t } = useLocalisation();
  const length = replyLength(text, limit);
  const over = length > limit.limit;
  return (
    <span className={`reply-counter${over ? ' over' : ''}`} data-testid="reply-counter" data-over={over ? 'true' : 'false'} aria-live="polite">
      {t('repliesCount', String(length), String(limit.limit))}
    </span>
  );
}

/** Whether the text may go in: under the limit, or the agent confirmed (a hard warning first). */
export function confirmLength(text: string, limit: RepliesView['limit'], confirm: (message: string) => boolean, message: (length: number) => string): boolean | 'confirmed' {
  const length = replyLength(text, limit);
  if (length <= limit.limit) return true;
  return confirm(message(length)) ? 'confirmed' : false;
}
