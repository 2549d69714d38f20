import type { ReplicaClock } from '@/lib/db/clock';
import { captureThreads, type CaptureRouter } from '@/lib/db/conversation-capture';
import type { ReplylineDb } from '@/lib/db/open';
import { threadsFromPage } from '@/lib/conversations/threads-from-page';
import { ME_AGENT, type PageContext } from '@/lib/model';
import { routeConversation } from '@/lib/routing/route-conversation';
import { routingPatch } from '@/lib/routing/routing-patch';
import { readRouting } from '@/lib/settings/routing';
import { subjectOf } from '@/lib/sites/shared/subject';
import type { TabState } from './tab-state';

/** This replica's team agent id, asked only when a rule assigns to "me". */
export type MeAgentId = () => Promise<string | null>;

/** Escalation intents and the routing rules, applied to what the customer just wrote. */
async function router(meAgentId: MeAgentId, nowIso: () => string): Promise<CaptureRouter> {
  const { rules } = await readRouting();
  const me = rules.some((rule) => rule.enabled && rule.then.assignTo === ME_AGENT) ? await meAgentId() : null;
  return (conversation, newInbound, contactTags) =>
    routingPatch(
      conversation,
      routeConversation(conversation, { site: conversation.site, tags: contactTags, newTexts: newInbound.map((message) => message.text) }, { rules, meAgentId: me }),
      nowIso(),
    );
}

/** Stores the conversations the page shows and answers their ids. */
export async function captureFromPage(db: ReplylineDb, clock: ReplicaClock, context: PageContext, url: string, meAgentId: MeAgentId): Promise<string[]> {
  const threads = threadsFromPage(context, url);
  if (threads.length === 0) return [];
  const captured = await captureThreads(db, threads, clock, await router(meAgentId, () => clock.nowIso()));
  return captured.map((conversation) => conversation.id);
}

/** What "track this" tracks on a page: its post or conversation, else the person the page is about. */
export function trackableOf(context: PageContext): TabState['trackable'] {
  if (context.post) return { threadKey: context.post.threadKey, kind: 'post' };
  if (context.conversation) return { threadKey: context.conversation.threadKey, kind: 'conversation' };
  const person = subjectOf(context);
  return person ? { threadKey: `${context.site}:profile:${person.handle}`, kind: 'profile' } : null;
}
