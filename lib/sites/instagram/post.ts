/**
 * Post pages (/p/, /reel/, /tv/ and a profile's posts, on their own page or in a dialog): the
 * author, the caption and the comments, found by the handle links that mark their authors in the
 * 2017, 2021 and 2025 markup alike.
 */
import { all } from '@/lib/sites/shared/dom-query';
import {
  bodyOf,
  commonAncestor,
  firstImageUrl,
  instagramMisses,
  isoTime,
  linkProfile,
  mainOf,
  pageMessage,
  person,
  profileLinks,
  usernameLinkProfile,
  type ProfileLink,
} from './common';
import { fullNameFor } from './names';
import { visibleTextExcept } from './text';
import { postThreadKey, routeOfHref, type InstagramPostRoute, type InstagramProfileRef } from './urls';
import { instagramSelectors as selectors } from '../instagram.selectors';
import type { PageContext, Person } from '../types';

/** A caption or a comment. */
interface Entry {
  author: InstagramProfileRef;
  text: string;
  at?: string;
  /** Has a time of its own (not the post's permalink time). */
  timed: boolean;
  /** Has a comment permalink (/p/<code>/c/<id>/): a comment, never the caption. */
  commentPermalink: boolean;
}

function isPostPermalink(element: Element, base: URL, shortcode: string): boolean {
  const route = routeOfHref(element.getAttribute('href'), base);
  return route?.kind === 'post' && route.shortcode === shortcode && route.commentId === undefined;
}

function isCommentPermalink(element: Element, base: URL): boolean {
  const route = routeOfHref(element.getAttribute('href'), base);
  return route?.kind === 'post' && route.commentId !== undefined;
}

function usernameLinks(root: Element, base: URL): ProfileLink[] {
  return Array.from(profileLinks(root, base, usernameLinkProfile));
}

/** A post shown in a dialog over another page: a dialog holding a handle link and a machine time. */
function postDialog(doc: Document, base: URL): Element | undefined {
  return all(doc, selectors.dialog.selector).find(
    (dialog) =>
      dialog.querySelector(selectors.machineTime.selector) !== null &&
      all(dialog, 'a[href]').some((link) => usernameLinkProfile(link, base) !== undefined),
  );
}

/**
 * The post on the page: up to 2021 the `article` in main; in 2025 (no article) the smallest part
 * of main holding the post's and comments' times and the first handle link (the author's).
 */
function postRegion(main: Element, links: readonly ProfileLink[]): Element {
  const article = all(main, 'article').find((candidate) => links.some(({ link }) => candidate.contains(link)));
  if (article !== undefined) return article;
  const anchor = links[0]?.link;
  const nodes = [...all(main, selectors.machineTime.selector), ...(anchor === undefined ? [] : [anchor])];
  if (nodes.length < 2) return main;
  return commonAncestor(nodes) ?? main;
}

/** The largest ancestor of `link` below `region` that holds no other handle link: one caption or comment. */
function entryBlock(link: Element, region: Element, others: readonly Element[]): Element {
  let block = link;
  for (let parent = link.parentElement; parent !== null && parent !== region; parent = parent.parentElement) {
    if (others.some((other) => other !== link && parent.contains(other))) break;
    block = parent;
  }
  return block;
}

const ENTRY_CHROME = `a[href], h1, h2, h3, h4, h5, h6, time, button, [role="button"], svg, ${selectors.spriteIcon.selector}`;

/**
 * What a person reads in a caption or comment block, without its chrome: the author's links and the
 * heading holding them, times and their links, buttons (like, reply, counts), icons.
 */
function entryText(block: Element, author: InstagramProfileRef, base: URL): string {
  const chrome = all(block, ENTRY_CHROME);
  const authorLinks = chrome.filter(
    (element) => element.localName === 'a' && linkProfile(element, base)?.handle === author.handle,
  );
  const holdsAuthor = (element: Element): boolean => authorLinks.some((link) => element.contains(link));
  const skip = new Set<Element>(authorLinks);
  for (const element of chrome) {
    const name = element.localName;
    if (/^h[1-6]$/.test(name)) {
      if (holdsAuthor(element)) skip.add(element);
    } else if (name === 'time') {
      skip.add(element.closest('a') ?? element);
    } else if (name === 'button' || element.getAttribute('role') === 'button') {
      if (!holdsAuthor(element)) skip.add(element);
    } else if (name !== 'a') {
      skip.add(element); // svg icons and sprite labels
    }
  }
  return visibleTextExcept(block, skip);
}

function readEntries(region: Element, links: readonly ProfileLink[], base: URL, shortcode: string): Entry[] {
  const candidates = links.filter(({ link }) => link.closest('header') === null);
  const linkElements = candidates.map(({ link }) => link);
  const entries: Entry[] = [];
  for (const { link, profile } of candidates) {
    const block = entryBlock(link, region, linkElements);
    const text = entryText(block, profile, base);
    if (text === '') continue;
    const ownTime = all(block, selectors.machineTime.selector).find((time) => {
      const permalink = time.closest('a');
      return permalink === null || !isPostPermalink(permalink, base, shortcode);
    });
    const entry: Entry = {
      author: profile,
      text,
      timed: ownTime !== undefined,
      commentPermalink: all(block, 'a[href]').some((anchor) => isCommentPermalink(anchor, base)),
    };
    const at = isoTime(ownTime);
    if (at !== undefined) entry.at = at;
    entries.push(entry);
  }
  // Where the page gives captions and comments their own times (2021 on), a handle link without one
  // is something else (a "liked by" line, a "more posts from" heading).
  return entries.some((entry) => entry.timed) ? entries.filter((entry) => entry.timed) : entries;
}

function postAuthor(
  doc: Document,
  links: readonly ProfileLink[],
  base: URL,
  route: InstagramPostRoute,
): { link?: Element; profile: InstagramProfileRef } | undefined {
  const first = links.find(({ link }) => link.closest('header') !== null) ?? links[0];
  if (first !== undefined) return first;
  if (route.author !== undefined) return { profile: route.author };
  for (const meta of all(doc, selectors.pageUrlMetadata.selector)) {
    const url = routeOfHref(meta.getAttribute('content') ?? meta.getAttribute('href'), base);
    if (url?.kind === 'post' && url.author !== undefined) return { profile: url.author };
  }
  return undefined;
}

/** The author's photo: the first image near the author's first handle link (header or caption block). */
function authorAvatar(link: Element | undefined, region: Element, base: URL): string | undefined {
  if (link === undefined) return undefined;
  // Up to, not including, the whole post: that would reach the post's own pictures.
  for (let node = link.parentElement; node !== null && node !== region; node = node.parentElement) {
    const url = firstImageUrl(node, base);
    if (url !== undefined) return url;
  }
  return undefined;
}

function postTime(region: Element, base: URL, shortcode: string): string | undefined {
  for (const time of all(region, selectors.machineTime.selector)) {
    const link = time.closest('a');
    if (link !== null && isPostPermalink(link, base, shortcode)) return isoTime(time);
  }
  return undefined;
}

/** Fills `context` with the post (and its author as the page's person); what it lacks goes into misses. */
export function readPost(
  doc: Document,
  base: URL,
  route: InstagramPostRoute,
  me: Person | undefined,
  context: PageContext,
): void {
  const { misses } = context;
  const main = postDialog(doc, base) ?? mainOf(doc) ?? bodyOf(doc);
  const mainLinks = main === null ? [] : usernameLinks(main, base);
  const region = main === null ? undefined : postRegion(main, mainLinks);
  const links = region === undefined ? [] : mainLinks.filter(({ link }) => region.contains(link));
  const found = postAuthor(doc, links, base, route);
  if (region === undefined || found === undefined) {
    misses.push(instagramMisses.postAuthor, instagramMisses.postText, instagramMisses.comments);
    return;
  }
  const author = person(found.profile, fullNameFor(doc, found.profile.handle), authorAvatar(found.link, region, base));
  const entries = readEntries(region, links, base, route.shortcode);
  const [first] = entries;
  const caption =
    first !== undefined && first.author.handle === author.handle && !first.commentPermalink ? first : undefined;
  const comments = entries.filter((entry) => entry !== caption);
  const at = postTime(region, base, route.shortcode) ?? caption?.at;
  context.person = author;
  context.post = {
    threadKey: postThreadKey(route.shortcode),
    author,
    text: caption?.text ?? '',
    comments: comments.map((entry) => pageMessage(person(entry.author), entry.text, entry.at, me)),
  };
  if (at !== undefined) context.post.at = at;
  if (caption === undefined) misses.push(instagramMisses.postText);
  if (at === undefined) misses.push(instagramMisses.postAt);
  if (comments.length === 0) misses.push(instagramMisses.comments);
}
