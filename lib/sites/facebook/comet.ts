/**
 * Current "Comet" www.facebook.com stories: `role="article"` posts with their comments (articles
 * inside them), author from the article's label or the profile_name hook, text from the message
 * hook, ids and times from permalinks, comment ids and the page's embedded data.
 */
import { all, first, follows } from '@/lib/sites/shared/dom-query';
import { isInsideHidden } from '@/lib/sites/shared/dom-text';
import { ownedBy, type PostRoute } from './common';
import {
  describesThisStory,
  embeddedCommentTimes,
  embeddedPostId,
  embeddedStoryTime,
  legacyCommentId,
  postIdOfComment,
} from './embedded';
import type { PageScope } from './page';
import { parsePostUrl } from './urls';
import { addComments, identifyByPermalink, newStory, type Comment, type Story } from './story';
import { isControl, shownText } from './text';
import { facebookSelectors as selectors } from '../facebook.selectors';
import type { Person } from '../types';

const ARTICLE = selectors.article.selector;

/** The author link of a Comet post: the article's aria-labelledby heading, then the profile_name hook. */
function cometAuthor(page: PageScope, root: Element): Person | undefined {
  const labelIds = (root.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id !== '');
  const headings = labelIds.map((id) => page.doc.getElementById(id)).filter((element) => element !== null);
  const candidates = [
    ...headings,
    ...all(root, selectors.cometProfileName.selector).filter((element) => ownedBy(element, root, ARTICLE)),
    ...all(root, 'h2, h3, h4, strong').filter((element) => ownedBy(element, root, ARTICLE)),
  ];
  for (const candidate of candidates) {
    const link = candidate.localName === 'a' ? candidate : candidate.querySelector('a[href]');
    const person = page.personFromLink(link, shownText(candidate));
    if (person !== undefined) return person;
  }
  return undefined;
}

/** The comment's text: the first top-level `dir="auto"` block after the name, outside links and controls. */
function cometCommentBody(article: Element, nameLink: Element | undefined): Element | undefined {
  return all(article, '[dir="auto"]').find((block) => {
    if (!ownedBy(block, article, ARTICLE)) return false;
    const outer = block.parentElement?.closest('[dir="auto"]') ?? null;
    if (outer !== null && article.contains(outer)) return false;
    if (block.closest('a, [role="button"], h1, h2, h3, h4, h5, h6') !== null) return false;
    return nameLink === undefined || follows(nameLink, block);
  });
}

function cometComment(page: PageScope, article: Element, times: () => Map<string, string>): Comment | undefined {
  const links = all(article, 'a[href]').filter((link) => ownedBy(link, article, ARTICLE));
  const profileLinks = links.filter((link) => page.profileOf(link) !== undefined);
  const avatar = profileLinks[0];
  const avatarHandle = page.profileOf(avatar)?.handle;
  // The name link is the avatar's person: a name tagged at the start of the text is someone else.
  const nameLink = profileLinks.find(
    (link) => link.getAttribute('aria-hidden') !== 'true' && shownText(link) !== '' && page.profileOf(link)?.handle === avatarHandle,
  );
  const avatarName =
    avatar?.querySelector('svg[aria-label]')?.getAttribute('aria-label') ??
    avatar?.querySelector('img[alt]')?.getAttribute('alt') ??
    avatar?.getAttribute('aria-label') ??
    '';
  const author = page.personFromLink(nameLink ?? profileLinks[0], nameLink === undefined ? avatarName : shownText(nameLink));
  if (author === undefined) return undefined;
  const text = shownText(cometCommentBody(article, nameLink ?? profileLinks[0]), { skip: isControl });
  const comment: Comment = { author, text };
  for (const link of links) {
    const commentId = page.commentIdOf(link);
    const legacy = commentId === null ? undefined : legacyCommentId(commentId);
    const at = legacy === undefined ? undefined : times().get(legacy);
    if (at !== undefined) {
      comment.at = at;
      break;
    }
  }
  return comment;
}

/** The post's own permalink: its timestamp link (comment links carry a comment_id). */
function cometPermalink(page: PageScope, root: Element): PostRoute | undefined {
  for (const link of all(root, 'a[href]')) {
    if (!ownedBy(link, root, ARTICLE)) continue;
    const href = page.hrefOf(link);
    if (href === undefined || new URL(href).searchParams.has('comment_id')) continue;
    const route = parsePostUrl(href, page.base);
    if (route !== undefined) return route;
  }
  return undefined;
}

/** The posts named by the comment ids of the links in `root`. */
function commentPostIds(page: PageScope, root: Element): string[] {
  return all(root, 'a[href*="comment_id="]')
    .map((link) => page.commentIdOf(link) ?? '')
    .map(postIdOfComment)
    .filter((id) => id !== undefined);
}

/** A Comet story; `single` on a post page, where the page's embedded data may name the post. */
export function readCometStory(page: PageScope, root: Element, single: boolean): Story {
  const story = newStory(true, true);
  const author = cometAuthor(page, root);
  if (author !== undefined) story.author = author;
  const message = all(root, selectors.cometMessage.selector).find((element) => ownedBy(element, root, ARTICLE));
  if (message !== undefined) story.text = shownText(message, { skip: isControl });
  const permalink = cometPermalink(page, root);
  identifyByPermalink(story, permalink);
  if (permalink !== undefined) {
    const at = embeddedStoryTime(page, permalink);
    if (at !== undefined) story.at = at;
  }
  let times: Map<string, string> | undefined;
  const lazyTimes = (): Map<string, string> => (times ??= embeddedCommentTimes(page));
  addComments(story, all(root, ARTICLE), (article) => cometComment(page, article, lazyTimes));
  // A comment id names its post (`comment:<post id>_<comment id>`): the page's own markup says which post this is.
  story.postId ??= commentPostIds(page, root)[0];
  if (single && story.postId === undefined && describesThisStory(page, story.token)) {
    const embedded = embeddedPostId(page);
    if (embedded !== undefined) story.postId = embedded;
  }
  return story;
}

/** Top-level articles: posts (comments and replies are articles inside them). */
export function topLevelArticles(doc: Document): Element[] {
  return all(doc, ARTICLE).filter((article) => article.parentElement?.closest(ARTICLE) === null);
}

/**
 * The article a Comet post page is about. Opened from a feed, the post shows in a dialog over the
 * feed, which stays in the page: the article whose permalink or comment ids are the URL's post
 * first, then an article in a dialog, then the first with a text.
 */
export function cometPostRoot(page: PageScope, route: PostRoute): Element | undefined {
  const articles = topLevelArticles(page.doc).filter((article) => !isInsideHidden(article));
  const isTheUrlsPost = (article: Element): boolean => {
    const permalink = cometPermalink(page, article);
    if (route.postId !== undefined && permalink?.postId === route.postId) return true;
    if (route.token !== undefined && permalink?.token === route.token) return true;
    return route.postId !== undefined && commentPostIds(page, article).includes(route.postId);
  };
  const hasText = (article: Element): boolean => first(article, selectors.cometMessage.selector) !== null;
  return (
    articles.find(isTheUrlsPost) ??
    articles.find((article) => article.closest('[role="dialog"]') !== null) ??
    articles.find(hasText) ??
    articles[0]
  );
}
