/**
 * X (Twitter). Three markup generations are read: the server-rendered twitter.com of 2016–2017,
 * the React web app of 2019–2022 and the one of 2023–2026 (see x.selectors.ts), plus X Chat (DMs,
 * rendered by a separate app into a shadow root) and the React DM pages before it.
 *
 * Which page it is comes from the URL (x/urls.ts); what it shows from the DOM, read by one module
 * per kind of page:
 * - profile (/<handle> and its tabs): the person from the profile header (x/profile.ts);
 * - post (/<handle>/status/<id>, threadKey x:status:<id>): the post and, as `post.comments`, the
 *   replies under it in page order; the thread above it is left out (x/status.ts);
 * - notifications and mentions: an inbox of posts addressed to us, one row each, keyed by the
 *   post's own page key (x/notifications.ts);
 * - the DM inbox (x/dm-inbox.ts) and a DM conversation (threadKey x:dm:<id>, x/dm-conversation.ts);
 * - the home timeline is kind 'other' with no inbox: it is not addressed to us and nothing in it
 *   waits on us.
 * The signed-in account comes from x/me.ts; one post in either markup from x/posts.ts; the reply box
 * from x/composer.ts and putting text into it from x/insert.ts; what a person reads from x/text.ts;
 * shared DOM helpers, people and the names of misses from x/common.ts; every selector from
 * x.selectors.ts. Handles are lower-cased without '@'; a person's URL is https://x.com/<handle>.
 * Site-independent query and URL helpers come from dom-query.ts, the never-throwing `read` and
 * `composer` from safe-adapter.ts.
 */
import { composerSafely, readSafely } from './shared/safe-adapter';
import { personOf, xMisses } from './x/common';
import { findComposer } from './x/composer';
import { readDmConversation } from './x/dm-conversation';
import { readDmInbox } from './x/dm-inbox';
import { insertIntoX } from './x/insert';
import { readMe } from './x/me';
import { readNotifications } from './x/notifications';
import { readProfilePerson } from './x/profile';
import { readStatusPage } from './x/status';
import { matchesX, routeXUrl } from './x/urls';
import type { PageContext, SiteAdapter } from './types';

export { xMisses } from './x/common';
export { inlineText } from './x/text';
export {
  dmConversationId,
  dmThreadKey,
  matchesX,
  parseXProfileUrl,
  routeXUrl,
  statusThreadKey,
  xProfileRef,
  type XProfileRef,
  type XRoute,
} from './x/urls';

function readPage(doc: Document, url: URL): PageContext {
  const misses: string[] = [];
  const route = routeXUrl(url);
  const context: PageContext = { site: 'x', kind: 'other', misses };
  const me = readMe(doc);
  switch (route.kind) {
    case 'profile':
      context.kind = 'profile';
      context.person = readProfilePerson(doc, route.profile, misses);
      break;
    case 'status': {
      context.kind = 'post';
      const post = readStatusPage(doc, route, me, misses);
      if (post !== undefined) {
        context.post = post;
        context.person = post.author;
      }
      break;
    }
    case 'notifications':
      context.kind = 'inbox';
      context.inbox = readNotifications(doc, misses);
      break;
    case 'dm-inbox':
      context.kind = 'inbox';
      context.inbox = readDmInbox(doc, misses);
      break;
    case 'dm-conversation': {
      context.kind = 'conversation';
      const { conversation, person } = readDmConversation(doc, route.conversationId, me, misses);
      context.conversation = conversation;
      if (person !== undefined) context.person = person;
      break;
    }
    case 'profile-subpage':
      misses.push(xMisses.pageKind, xMisses.name);
      // Whose sub-page it is comes from the URL; the name is not read on these pages.
      context.person = personOf(route.profile, '');
      break;
    case 'home':
    case 'other':
      misses.push(xMisses.pageKind);
      break;
  }
  if (me === undefined) misses.push(xMisses.me);
  else context.me = me;
  if (me !== undefined && me.displayName === '') misses.push(xMisses.meName);
  return context;
}

export const x: SiteAdapter = {
  site: 'x',
  matches: matchesX,
  read: readSafely('x', readPage),
  composer: composerSafely(findComposer),
  insertText: insertIntoX,
};
