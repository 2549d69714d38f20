/**
 * A post's page (/<handle>/status/<id>, threadKey x:status:<id>): the post and the replies under
 * it, in page order. The thread above the post (its ancestors) is left out: those are earlier posts
 * with their own pages and keys, and listing them after the post would make an older message look
 * like the latest one.
 */
import { all, follows } from '@/lib/sites/shared/dom-query';
import { directionOf, personOf, setAt, xMisses, type Message } from './common';
import { isLegacyPage, readArticle, readLegacyTweet, readVisibleLegacyTweets, topLevelArticles, type ReadPost } from './posts';
import { inlineText } from './text';
import { statusThreadKey, type XStatusRoute } from './urls';
import { xSelectors as selectors } from '../x.selectors';
import type { PageContext, Person } from '../types';

interface StatusRead {
  focal?: ReadPost;
  replies: ReadPost[];
  /** Whether the page shows where replies go (legacy pages name it; React pages do not). */
  repliesRegion: boolean;
}

function readLegacyStatus(doc: Document, statusId: string): StatusRead {
  const tweets = all(doc, selectors.legacyTweet.selector);
  const ancestors = doc.querySelector(selectors.legacyAncestors.selector);
  const descendants = doc.querySelector(selectors.legacyDescendants.selector);
  const inThread = (tweet: Element): boolean =>
    (ancestors?.contains(tweet) ?? false) || (descendants?.contains(tweet) ?? false);
  const focalTweet = tweets.find((tweet) => tweet.getAttribute('data-tweet-id') === statusId && !inThread(tweet));
  const replies = descendants === null ? [] : readVisibleLegacyTweets(tweets.filter((tweet) => descendants.contains(tweet)));
  const focal = focalTweet === undefined ? undefined : readLegacyTweet(focalTweet);
  return focal === undefined ? { replies, repliesRegion: descendants !== null } : { focal, replies, repliesRegion: descendants !== null };
}

/** Section headings between cells of the main column, not the headings inside posts. */
function timelineHeadings(doc: Document): Element[] {
  return all(doc, selectors.timelineHeading.selector).filter(
    (heading) => heading.closest('article') === null && inlineText(heading) !== '',
  );
}

function readReactStatus(doc: Document, statusId: string): StatusRead {
  const articles = topLevelArticles(doc).map((article) => ({ article, post: readArticle(article) }));
  const focalIndex = articles.findIndex(({ post }) => post?.statusId === statusId);
  const focal = articles[focalIndex];
  if (focal?.post === undefined) return { replies: [], repliesRegion: false };
  // Replies follow the post until the next section ("Discover more": posts from elsewhere).
  const headings = timelineHeadings(doc).filter((heading) => follows(focal.article, heading));
  const replies: ReadPost[] = [];
  for (const { article, post } of articles.slice(focalIndex + 1)) {
    if (headings.some((heading) => follows(heading, article))) break;
    if (post !== undefined) replies.push(post);
  }
  return { focal: focal.post, replies, repliesRegion: true };
}

function asComment(post: ReadPost, me: Person | undefined): Message {
  const comment: Message = { author: post.author, direction: directionOf(post.author, me), text: post.text };
  setAt(comment, post.at);
  return comment;
}

export function readStatusPage(
  doc: Document,
  route: XStatusRoute,
  me: Person | undefined,
  misses: string[],
): PageContext['post'] {
  const threadKey = statusThreadKey(route.statusId);
  const read = isLegacyPage(doc) ? readLegacyStatus(doc, route.statusId) : readReactStatus(doc, route.statusId);
  const comments = read.replies.map((reply) => asComment(reply, me));
  const { focal } = read;
  if (focal === undefined) {
    misses.push(xMisses.post);
    if (!read.repliesRegion) misses.push(xMisses.comments);
    // Whose post it is still shows in the URL; the page did not show it.
    if (route.profile === undefined) return undefined;
    return { threadKey, author: personOf(route.profile, ''), text: '', comments };
  }
  if (focal.author.displayName === '') misses.push(xMisses.postAuthor);
  if (focal.text === '') misses.push(xMisses.postText);
  if (focal.at === undefined) misses.push(xMisses.postAt);
  if (!read.repliesRegion) misses.push(xMisses.comments);
  const post: NonNullable<PageContext['post']> = { threadKey, author: focal.author, text: focal.text, comments };
  setAt(post, focal.at);
  return post;
}
