/**
 * The Instagram adapter. Which page it is comes from the URL (instagram/urls.ts); what it shows
 * from the DOM, read by one module per kind of page:
 * - profile (/<handle>/ and its tabs): the person from the profile header (instagram/profile.ts);
 * - post (/p/, /reel/, /tv/…, threadKey instagram:post:<shortcode>) with its caption and comments,
 *   on its own page or in a dialog (instagram/post.ts);
 * - conversation (/direct/t/<id>/, threadKey instagram:dm:<id>) and the DM inbox (instagram/direct.ts).
 * The signed-in account comes from instagram/me.ts; names paired with handles in the page's
 * metadata from instagram/names.ts; the reply editor from instagram/composer.ts; shared DOM helpers
 * and the names of misses from instagram/common.ts; text helpers from instagram/text.ts; every
 * selector from instagram.selectors.ts. Site-independent query and URL helpers come from
 * dom-query.ts, the never-throwing `read` from safe-adapter.ts.
 */
import { insertTextIntoEditor } from './shared/insert-text';
import { instagramMisses } from './instagram/common';
import { findComposer } from './instagram/composer';
import { readConversation, readInbox } from './instagram/direct';
import { readMe } from './instagram/me';
import { readPost } from './instagram/post';
import { readProfilePerson } from './instagram/profile';
import { matchesInstagram, routeInstagramUrl } from './instagram/urls';
import { composerSafely, readSafely } from './shared/safe-adapter';
import type { PageContext, SiteAdapter } from './types';

export { instagramMisses } from './instagram/common';
export { jsonObjectAfter, visibleTextExcept } from './instagram/text';
export {
  dmThreadKey,
  matchesInstagram,
  parseProfileUrl,
  postThreadKey,
  profileRefFromHandle,
  routeInstagramUrl,
  type InstagramProfileRef,
  type InstagramRoute,
} from './instagram/urls';

function readPage(doc: Document, url: URL): PageContext {
  const misses: string[] = [];
  const context: PageContext = { site: 'instagram', kind: 'other', misses };
  const base = new URL(url.href);
  const route = routeInstagramUrl(url);
  const me = readMe(doc, base);
  switch (route.kind) {
    case 'profile':
      context.kind = 'profile';
      context.person = readProfilePerson(doc, base, route.profile, misses);
      break;
    case 'post':
      context.kind = 'post';
      readPost(doc, base, route, me, context);
      break;
    case 'conversation':
      context.kind = 'conversation';
      readConversation(doc, base, route.threadId, me, context);
      break;
    case 'inbox':
      context.kind = 'inbox';
      readInbox(doc, base, context);
      break;
    case 'other':
      misses.push(instagramMisses.pageKind);
      break;
  }
  if (me === undefined) misses.push(instagramMisses.me);
  else context.me = me;
  return context;
}

export const instagram: SiteAdapter = {
  site: 'instagram',
  matches: matchesInstagram,
  read: readSafely('instagram', readPage),
  composer: composerSafely(findComposer),
  insertText: insertTextIntoEditor,
};
