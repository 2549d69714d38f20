/**
 * The Facebook adapter (www, m., business.facebook.com and messenger.com). Which page it is comes
 * from the URL (facebook/urls.ts); what it shows from the DOM, read by one module per kind of page:
 * - post (threadKey facebook:post:<id>) with its comments (facebook/post.ts), in whichever markup
 *   generation the page is: classic 2016–2019 (facebook/classic.ts), mobile (facebook/mobile.ts) or
 *   Comet (facebook/comet.ts, with the times and ids its scripts embed from facebook/embedded.ts);
 * - a Page's posts list, read as an inbox (facebook/posts-list.ts);
 * - Messenger and inbox threads (threadKey facebook:dm:<id>) and the chat list (facebook/messenger.ts).
 * The signed-in account comes from facebook/me.ts; one read of one page (document, URL, scripts,
 * links) is facebook/page.ts; what stories of every generation share is facebook/story.ts; the
 * reply box from facebook/composer.ts and typing into it from facebook/insert.ts; text as people
 * read it from facebook/text.ts; the names of misses and small DOM helpers from facebook/common.ts;
 * every selector from facebook.selectors.ts. Site-independent query and URL helpers come from
 * dom-query.ts, the never-throwing `read` from safe-adapter.ts.
 */
import { facebookMisses } from './facebook/common';
import { findComposer } from './facebook/composer';
import { insertFacebookText } from './facebook/insert';
import { readMe } from './facebook/me';
import { readChatList, readConversation } from './facebook/messenger';
import { PageScope } from './facebook/page';
import { readPostPage } from './facebook/post';
import { readPostsList } from './facebook/posts-list';
import { matchesFacebook, routeFacebookUrl } from './facebook/urls';
import { composerSafely, readSafely } from './shared/safe-adapter';
import type { PageContext, SiteAdapter } from './types';

export { safeDecodeURIComponent } from './shared/dom-query';
export { facebookMisses } from './facebook/common';
export { insertFacebookText } from './facebook/insert';
export { shownText } from './facebook/text';
export {
  dmThreadKey,
  matchesFacebook,
  parsePostUrl,
  parseProfileUrl,
  parseThreadUrl,
  postThreadKey,
  profileRefFromId,
  profileRefFromSegment,
  routeFacebookUrl,
  threadUrl,
  type FacebookRoute,
  type ProfileRef,
} from './facebook/urls';

function readPage(doc: Document, url: URL): PageContext {
  const misses: string[] = [];
  const context: PageContext = { site: 'facebook', kind: 'other', misses };
  const page = new PageScope(doc, url);
  const me = readMe(page);
  const route = routeFacebookUrl(url);
  switch (route.kind) {
    case 'post':
      readPostPage(page, route, me, context);
      break;
    case 'posts':
      readPostsList(page, route, context);
      break;
    case 'conversation': {
      readConversation(page, route, me, context);
      const list = readChatList(page);
      if (list.length > 0) context.inbox = list;
      break;
    }
    case 'inbox':
      context.kind = 'inbox';
      context.inbox = readChatList(page);
      if (context.inbox.length === 0) misses.push(facebookMisses.inbox);
      break;
    case 'profile':
      // Profiles are not read yet: whose page it is comes from the URL.
      misses.push(facebookMisses.pageKind, facebookMisses.profileName);
      context.person = page.person(route.profile, '');
      break;
    case 'other':
      misses.push(facebookMisses.pageKind);
      break;
  }
  if (me === undefined) misses.push(facebookMisses.me);
  else context.me = me.person;
  return context;
}

export const facebook: SiteAdapter = {
  site: 'facebook',
  matches: matchesFacebook,
  read: readSafely('facebook', readPage),
  composer: composerSafely(findComposer),
  insertText: insertFacebookText,
};
