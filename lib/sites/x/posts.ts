/**
 * One post as the page shows it, in either markup: a legacy twitter.com `div.tweet` (2016–2017) or
 * a React `article` (2019 on), with its author, text and time, leaving out any post it quotes.
 * Post pages (x-status.ts) and notifications (x-notifications.ts) are made of these.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, visibleText } from '@/lib/sites/shared/dom-text';
import { isoFromDatetime, isoFromUnixSeconds, personOf, photoUrl, profileOfLink, setAt } from './common';
import { inlineText, legacyHidden, legacyText, textBlocks } from './text';
import { parseStatusHref, STATUS_ID, xProfileRef, type XProfileRef } from './urls';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';
import type { Person } from '../types';

export interface ReadPost {
  statusId: string;
  author: Person;
  text: string;
  at?: string;
}

/** Whether the page is legacy twitter.com (a tweet or the signed-in account's card in its markup). */
export function isLegacyPage(doc: Document): boolean {
  return doc.querySelector(selectors.legacyTweet.selector) !== null || doc.querySelector(selectors.legacyMe.selector) !== null;
}

/** A legacy `div.tweet`: identity from its data attributes, text, time and photo from its own parts. */
export function readLegacyTweet(tweet: Element): ReadPost | undefined {
  const statusId = tweet.getAttribute('data-tweet-id') ?? '';
  const ref = xProfileRef(tweet.getAttribute('data-screen-name') ?? '');
  if (!STATUS_ID.test(statusId) || ref === undefined) return undefined;
  const own = (element: Element): boolean =>
    element.closest('div.tweet') === tweet && element.closest(unsaved.legacyQuote.selector) === null;
  const firstOwn = (selector: string): Element | undefined => all(tweet, selector).find(own);
  const displayName = collapseWhitespace(tweet.getAttribute('data-name') ?? '');
  const post: ReadPost = {
    statusId,
    author: personOf(ref, displayName, photoUrl(firstOwn(selectors.legacyTweetAvatar.selector))),
    text: legacyText(firstOwn(selectors.legacyTweetText.selector)),
  };
  setAt(post, isoFromUnixSeconds(firstOwn(selectors.legacyTimestamp.selector)?.getAttribute('data-time') ?? null));
  return post;
}

/** The legacy tweets among `tweets` that are not hidden, read; those without an identity are left out. */
export function readVisibleLegacyTweets(tweets: Element[]): ReadPost[] {
  return tweets
    .filter((tweet) => !legacyHidden(tweet))
    .map(readLegacyTweet)
    .filter((post) => post !== undefined);
}

/** `article`s that are posts of the timeline, not the unavailable quoted posts nested in them. */
export function topLevelArticles(root: ParentNode): Element[] {
  return all(root, selectors.article.selector).filter((article) => article.parentElement?.closest('article') == null);
}

/** The parts of an article that belong to a quoted post: nested articles, and `role=link` cards holding a post. */
function quotedParts(article: Element): Element[] {
  const nested = all(article, 'article');
  const cards = all(article, 'div[role="link"]').filter(
    (card) => card.querySelector(`time, ${selectors.postUserName.selector}, ${selectors.postText.selector}`) !== null,
  );
  return [...nested, ...cards];
}

/** A React `article`: undefined when it has no link of its own to a post (a promoted post). */
export function readArticle(article: Element): ReadPost | undefined {
  const quoted = quotedParts(article);
  const own = (element: Element): boolean => !quoted.some((part) => part.contains(element));
  const ownAll = (selector: string): Element[] => all(article, selector).filter(own);

  // The post's own link holds its time: /<author>/status/<id> (a promoted post has neither).
  let status: { profile: XProfileRef; statusId: string } | undefined;
  let time: Element | undefined;
  for (const candidate of ownAll(selectors.time.selector)) {
    status = parseStatusHref(candidate.closest('a')?.getAttribute('href') ?? null);
    if (status !== undefined) {
      time = candidate;
      break;
    }
  }
  if (status === undefined) return undefined;
  const { profile } = status;

  const authorLinks = ownAll('a[href]').filter(
    (link) => link.getAttribute('aria-hidden') !== 'true' && profileOfLink(link)?.handle === profile.handle,
  );
  const nameLink = authorLinks.find((link) => inlineText(link) !== '');
  const displayName = nameLink === undefined ? '' : (textBlocks(nameLink)[0] ?? '');
  const avatar = ownAll('a[href] img').find((img) => {
    const link = img.closest('a');
    return link !== null && profileOfLink(link)?.handle === profile.handle && photoUrl(img) !== undefined;
  });

  const post: ReadPost = {
    statusId: status.statusId,
    author: personOf(profile, displayName, photoUrl(avatar)),
    text: articleText(ownAll(selectors.articleTitle.selector)[0], ownAll(selectors.articleBody.selector)[0]) ??
      inlineText(ownAll(selectors.postText.selector)[0]),
  };
  setAt(post, isoFromDatetime(time?.getAttribute('datetime')));
  return post;
}

/** An X Article (long-form post): its title, then its body as blocks of text. */
function articleText(title: Element | undefined, body: Element | undefined): string | undefined {
  if (title === undefined && body === undefined) return undefined;
  return collapseWhitespace(`${inlineText(title)} ${visibleText(body)}`);
}
