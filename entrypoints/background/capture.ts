import type { ReplicaClock } from '@/lib/db/clock';
import { captureThreads } from '@/lib/db/conversation-capture';
import type { ReplylineDb } from '@/lib/db/open';
import { threadsFromPage } from '@/lib/conversations/threads-from-page';
import type { PageContext } from '@/lib/model';
import { subjectOf } from '@/lib/sites/shared/subject';
import type { TabState } from './tab-state';

/** Stores the conversations the page shows and answers their ids. */
export async function captureFromPage(db: ReplylineDb, clock: ReplicaClock, context: PageContext, url: string): Promise<string[]> {
  const captured = await captureThreads(db, threadsFromPage(context, url), clock);
  return captured.map((conversation) => conversation.id);
}

/** What "track this" tracks on a page: its post or conversation, else the person the page is about. */
export function trackableOf(context: PageContext): TabState['trackable'] {
  if (context.post) return { threadKey: context.post.threadKey, kind: 'post' };
  if (context.conversation) return { threadKey: context.conversation.threadKey, kind: 'conversation' };
  const person = subjectOf(context);
  return person ? { threadKey: `${context.site}:profile:${person.handle}`, kind: 'profile' } : null;
}
