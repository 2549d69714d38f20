import { collapseWhitespace, isEmojiText, isHiddenFromPeople, isInsideHidden, SCREEN_READER_ONLY_CLASSES, visibleText } from './dom-text';
import { insertTextIntoEditor } from './insert-text';
import { UNKNOWN_HANDLE } from './unknown-person';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from './x.selectors';
import type { PageContext, Person, SiteAdapter } from './types';

/**
 * X (Twitter). Three markup generations are read: the server-rendered twitter.com of 2016–2017,
 * the React web app of 2019–2022 and the one of 2023–2026 (see x.selectors.ts), plus X Chat (DMs,
 * rendered by a separate app into a shadow root) and the React DM pages before it.
 *
 * Decisions a reader of the PageContext should know:
 * - On a post's page, `post.comments` are the replies under the post, in page order. The thread
 *   above the post (its ancestors) is left out: those are earlier posts with their own pages and
 *   keys, and listing them after the post would make an older message look like the latest one.
 * - The home timeline is kind 'other' with no inbox: it is not addressed to us and nothing in it
 *   waits on us. Notifications and mentions are an inbox of posts addressed to us, one row each,
 *   keyed by the post's own page key.
 * - Handles are lower-cased without '@'; a person's URL is https://x.com/<handle>.
 */

const CANONICAL_ORIGIN = 'https://x.com';

/** Stable names of what the adapter looked for and did not find. */
export const xMisses = {
  pageKind: 'page.kind',
  profileHeader: 'profile.header',
  name: 'profile.name',
  headline: 'profile.headline',
  avatar: 'profile.avatar',
  post: 'post',
  postAuthor: 'post.author',
  postText: 'post.text',
  postAt: 'post.at',
  comments: 'comments',
  conversation: 'conversation',
  participants: 'conversation.participants',
  direction: 'conversation.direction',
  messageAuthor: 'message.author',
  inbox: 'inbox',
  inboxRow: 'inbox.row',
  /** The rows' unread state is not on the page (notifications; DM rows before X Chat). */
  inboxUnread: 'inbox.unread',
  me: 'me',
  /** The signed-in account is known by its handle only (narrow layouts). */
  meName: 'me.name',
} as const;

// ---------------------------------------------------------------- URLs

const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

/** x.com and twitter.com with their www. and mobile. hosts, https only. */
export function matchesX(url: URL): boolean {
  return url.protocol === 'https:' && X_HOSTS.has(url.hostname);
}

/**
 * First path segments that are X's own pages, never a handle: its top-level routes and the names
 * Twitter always refused as usernames. Compared lower-cased.
 */
const RESERVED_PATHS = new Set([
  'about', 'account', 'compose', 'direct_messages', 'download', 'explore', 'favorites', 'followers', 'following',
  'hashtag', 'help', 'home', 'i', 'inbox', 'intent', 'invitations', 'invite', 'jobs', 'login', 'logout', 'me',
  'mentions', 'messages', 'notifications', 'oauth', 'privacy', 'replies', 'retweets', 'rules', 'search',
  'sessions', 'settings', 'share', 'signin', 'signup', 'terms', 'tos', 'trends', 'users', 'welcome',
  'who_to_follow', 'widgets',
]);

/** Handles are letters, digits and underscores; 15 today, longer for a few accounts of 2006–2009. */
const HANDLE = /^[A-Za-z0-9_]{1,20}$/;
const STATUS_ID = /^\d{1,25}$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface XProfileRef {
  /** Lower-cased, without '@': one identity per person. */
  handle: string;
  /** https://x.com/<handle>, whatever host or case the page used. */
  profileUrl: string;
}

/** The canonical identity of a handle as written in a URL or on a page ('@Jason', 'jason', '%40jason'). */
export function xProfileRef(raw: string): XProfileRef | undefined {
  const text = safeDecode(raw).trim().replace(/^@/, '');
  if (!HANDLE.test(text)) return undefined;
  const handle = text.toLowerCase();
  if (RESERVED_PATHS.has(handle)) return undefined;
  return { handle, profileUrl: `${CANONICAL_ORIGIN}/${handle}` };
}

/**
 * A conversation id as X writes it in URLs (`/messages/12345-67890`, `/i/chat/12345-67890`) or in
 * X Chat's test ids (`12345:67890`): a one-to-one conversation is the pair of user ids, written here
 * lower id first so that every spelling gives one key; a group is one id (`g…` in X Chat).
 */
export function dmConversationId(raw: string): string | undefined {
  const text = safeDecode(raw).trim();
  const pair = /^(\d{1,25})[-:](\d{1,25})$/.exec(text);
  if (pair !== null) {
    const [a = '', b = ''] = [pair[1], pair[2]];
    const aFirst = a.length < b.length || (a.length === b.length && a <= b);
    return aFirst ? `${a}-${b}` : `${b}-${a}`;
  }
  return /^g?\d{1,25}$/.test(text) ? text : undefined;
}

export function statusThreadKey(statusId: string): string {
  return `x:status:${statusId}`;
}

export function dmThreadKey(conversationId: string): string {
  return `x:dm:${conversationId}`;
}

export type XRoute =
  | { kind: 'profile'; profile: XProfileRef }
  /** A page under a profile that is not the profile itself (followers, following, lists…). */
  | { kind: 'profile-subpage'; profile: XProfileRef }
  /** A post's page; the URL's author (absent from /i/web/status/<id>) may be stale, the page decides. */
  | { kind: 'status'; statusId: string; profile?: XProfileRef }
  | { kind: 'dm-inbox' }
  | { kind: 'dm-conversation'; conversationId: string }
  | { kind: 'notifications'; tab: 'all' | 'mentions' | 'verified' }
  | { kind: 'home' }
  | { kind: 'other' };

/** Tabs and overlays of a profile that keep its header on screen. */
const PROFILE_TABS = new Set([
  'with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows', 'affiliates', 'photo', 'header_photo',
]);

/** Overlays of a post's page (the photo viewer keeps the post and its replies beside the photo). */
const STATUS_OVERLAYS = new Set(['photo', 'video']);

function routeStatus(statusId: string | undefined, rest: string[], profile?: XProfileRef): XRoute {
  if (statusId === undefined || !STATUS_ID.test(statusId)) return { kind: 'other' };
  const [overlay] = rest;
  if (overlay !== undefined && !STATUS_OVERLAYS.has(overlay.toLowerCase())) return { kind: 'other' };
  return profile === undefined ? { kind: 'status', statusId } : { kind: 'status', statusId, profile };
}

function routeMessages(rest: string[]): XRoute {
  const [first, second] = rest;
  if (first === undefined || first.toLowerCase() === 'requests') {
    return second === undefined ? { kind: 'dm-inbox' } : routeConversation(second);
  }
  return routeConversation(first);
}

function routeConversation(raw: string): XRoute {
  const conversationId = dmConversationId(raw);
  return conversationId === undefined ? { kind: 'other' } : { kind: 'dm-conversation', conversationId };
}

/** /i/chat, /i/chat/<id>, /i/chat/requests[/other]/<id> (X Chat); /i/web/status/<id>; /i/notifications (2016). */
function routeInternal(rest: string[]): XRoute {
  const [first = '', ...after] = rest;
  switch (first.toLowerCase()) {
    case 'chat': {
      const tail = after.filter((segment, index) => !(index < 2 && ['requests', 'other'].includes(segment.toLowerCase())));
      const [id, ...more] = tail;
      if (id === undefined) return after.length <= 2 ? { kind: 'dm-inbox' } : { kind: 'other' };
      return more.length === 0 || more[0]?.toLowerCase() === 'info' ? routeConversation(id) : { kind: 'other' };
    }
    case 'web':
      return after[0]?.toLowerCase() === 'status' ? routeStatus(after[1], after.slice(2)) : { kind: 'other' };
    case 'status':
      return routeStatus(after[0], after.slice(1));
    case 'notifications':
      return { kind: 'notifications', tab: 'all' };
    default:
      return { kind: 'other' };
  }
}

function routeNotifications(rest: string[]): XRoute {
  const [tab] = rest;
  if (tab === undefined) return { kind: 'notifications', tab: 'all' };
  const lower = tab.toLowerCase();
  return lower === 'mentions' || lower === 'verified' ? { kind: 'notifications', tab: lower } : { kind: 'other' };
}

/** What kind of X page a URL is, as far as this adapter reads pages. */
export function routeXUrl(url: URL): XRoute {
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, ...rest] = segments;
  if (first === undefined) return { kind: 'home' };
  switch (first.toLowerCase()) {
    case 'home':
      return rest.length === 0 ? { kind: 'home' } : { kind: 'other' };
    case 'messages':
      return routeMessages(rest);
    case 'i':
      return routeInternal(rest);
    case 'notifications':
      return routeNotifications(rest);
    case 'mentions':
      return rest.length === 0 ? { kind: 'notifications', tab: 'mentions' } : { kind: 'other' };
    default:
      break;
  }
  const profile = xProfileRef(first);
  if (profile === undefined) return { kind: 'other' };
  const [second, third, ...more] = rest;
  if (second === undefined) return { kind: 'profile', profile };
  const lower = second.toLowerCase();
  if (lower === 'status' || lower === 'statuses') return routeStatus(third, more, profile);
  if (PROFILE_TABS.has(lower) && third === undefined) return { kind: 'profile', profile };
  return { kind: 'profile-subpage', profile };
}

/** The profile an X link points at (`/Jason`, `https://twitter.com/jason/`), only when it is a profile's own URL. */
export function parseXProfileUrl(url: URL | string): XProfileRef | undefined {
  try {
    const parsed = typeof url === 'string' ? new URL(url, CANONICAL_ORIGIN) : url;
    if (!matchesX(parsed)) return undefined;
    const route = routeXUrl(parsed);
    return route.kind === 'profile' ? route.profile : undefined;
  } catch {
    return undefined;
  }
}

/** A link on an X page as a URL on X (site-relative links resolve against x.com); undefined elsewhere. */
function xUrlOfHref(href: string | null): URL | undefined {
  if (href === null) return undefined;
  try {
    const url = new URL(href, CANONICAL_ORIGIN);
    return matchesX(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The kind of page a link on an X page leads to ('other' for links elsewhere and broken ones). */
function routeOfHref(href: string | null): XRoute {
  const url = xUrlOfHref(href);
  return url === undefined ? { kind: 'other' } : routeXUrl(url);
}

/** The post an X link points at: its author as written in the link and its id. */
function parseStatusHref(href: string | null): { profile: XProfileRef; statusId: string } | undefined {
  const route = routeOfHref(href);
  return route.kind === 'status' && route.profile !== undefined
    ? { profile: route.profile, statusId: route.statusId }
    : undefined;
}

// ---------------------------------------------------------------- small DOM helpers

type Root = Document | DocumentFragment | ShadowRoot;

function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

/**
 * The document and the shadow roots X Chat renders into (`xchatEmbedRoute`). A saved page may hold
 * a declarative shadow root (`<template shadowrootmode>`) that a parser without it left as a template.
 */
function queryRoots(doc: Document): Root[] {
  const roots: Root[] = [doc];
  for (const host of all(doc, unsaved.xchatHost.selector)) {
    if (host.shadowRoot !== null) {
      roots.push(host.shadowRoot);
      continue;
    }
    for (const child of Array.from(host.children)) {
      if (child.localName === 'template' && child.hasAttribute('shadowrootmode')) {
        roots.push((child as HTMLTemplateElement).content);
      }
    }
  }
  return roots;
}

function allIn(roots: readonly Root[], selector: string): Element[] {
  return roots.flatMap((root) => all(root, selector));
}

function firstIn(roots: readonly Root[], selector: string): Element | undefined {
  for (const root of roots) {
    const found = root.querySelector(selector);
    if (found !== null) return found;
  }
  return undefined;
}

/** Elements matching `selector` that no other of them contains (wrappers and their inner twins). */
function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}

function absoluteHttpUrl(value: string | null, doc: Document): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), doc.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A person's photo URL; X's default egg/silhouette images are no photo. */
function photoUrl(img: Element | null | undefined): string | undefined {
  if (img === null || img === undefined) return undefined;
  const url = absoluteHttpUrl(img.getAttribute('src'), img.ownerDocument);
  return url === undefined || url.includes('/default_profile_images/') ? undefined : url;
}

function isoFromDatetime(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function isoFromUnixSeconds(value: string | null): string | undefined {
  if (value === null || !/^\d{1,12}$/.test(value.trim())) return undefined;
  return new Date(Number(value.trim()) * 1000).toISOString();
}

function personOf(ref: XProfileRef, displayName: string, avatarUrl?: string): Person {
  const person: Person = { handle: ref.handle, profileUrl: ref.profileUrl, displayName };
  if (avatarUrl !== undefined) person.avatarUrl = avatarUrl;
  return person;
}

/** A link to a profile itself (`/jason`, `https://x.com/Jason`), not to its tabs or photo; else undefined. */
function profileOfLink(link: Element): XProfileRef | undefined {
  const segments = xUrlOfHref(link.getAttribute('href'))?.pathname.split('/').filter((segment) => segment !== '') ?? [];
  return segments.length === 1 && segments[0] !== undefined ? xProfileRef(segments[0]) : undefined;
}

// ---------------------------------------------------------------- what a person reads

/** Legacy twitter.com hides parts of the text with these classes (the `http://` of a link, a photo's pic.twitter.com link). */
const LEGACY_HIDDEN_CLASSES = [...SCREEN_READER_ONLY_CLASSES, 'u-hidden', 'u-hiddenVisually', 'invisible', 'hidden'];

function legacyText(node: Node | null | undefined): string {
  return visibleText(node, { hiddenClasses: LEGACY_HIDDEN_CLASSES });
}

function legacyHidden(element: Element): boolean {
  return isInsideHidden(element, null, { hiddenClasses: LEGACY_HIDDEN_CLASSES });
}

const ELLIPSIS = '…';
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const NEVER_READ = new Set(['script', 'style', 'template', 'noscript', 'svg', 'title', 'desc']);

/**
 * The parts of a link X hides ("https://", the rest of a long URL): aria-hidden with a 0-size font.
 * The class hook is checked first; any other aria-hidden part of a link but the shown "…" counts too.
 */
function isHiddenLinkPart(element: Element): boolean {
  if (element.getAttribute('aria-hidden') !== 'true') return false;
  if (element.matches(selectors.hiddenLinkPart.selector)) return true;
  const link = element.parentElement?.closest('a');
  return link !== null && link !== undefined && element.textContent.trim() !== ELLIPSIS;
}

function collectInline(node: Node, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (NEVER_READ.has(element.localName) || isHiddenFromPeople(element) || isHiddenLinkPart(element)) return;
  if (element.localName === 'img') {
    const alt = element.getAttribute('alt') ?? '';
    if (isEmojiText(alt)) parts.push(alt.trim());
    return;
  }
  if (element.localName === 'br') {
    parts.push('\n');
    return;
  }
  for (let child = element.firstChild; child !== null; child = child.nextSibling) collectInline(child, parts);
}

/**
 * Text of the React generations. Inside a text block (a post, a bio, a name) every element is laid
 * out inline (mentions and hashtags sit in `div`s styled inline), so no element adds a break: the
 * generic visibleText would put spaces inside "@x," that a person does not see.
 */
export function inlineText(node: Node | null | undefined): string {
  if (node === null || node === undefined) return '';
  const parts: string[] = [];
  collectInline(node, parts);
  return collapseWhitespace(parts.join(''));
}

/**
 * The separate lines of text in a name block (the name, then "@handle"), innermost `[dir]` blocks
 * first to last; the whole block as one line when it has none.
 */
function textBlocks(container: Element): string[] {
  const blocks = all(container, '[dir]').filter((block) => inlineText(block) !== '');
  const leaves = blocks.filter((block) => !blocks.some((other) => other !== block && block.contains(other)));
  if (leaves.length > 0) return leaves.map((block) => inlineText(block));
  const whole = inlineText(container);
  return whole === '' ? [] : [whole];
}

const AT_HANDLE = /^@([A-Za-z0-9_]{1,20})$/;

/** Name and handle from blocks such as ["Nikita Bier", "@nikitabier"] or ["@jason", "@Jason"]. */
function nameAndHandle(blocks: string[]): { name: string; handle?: XProfileRef } {
  let handleIndex = -1;
  for (let index = blocks.length - 1; index >= 0; index -= 1) {
    if (AT_HANDLE.test(blocks[index] ?? '')) {
      handleIndex = index;
      break;
    }
  }
  const handle = handleIndex < 0 ? undefined : xProfileRef(blocks[handleIndex] ?? '');
  const nameIndex = handleIndex === 0 && blocks.length === 1 ? -1 : 0;
  const name = nameIndex < 0 || nameIndex === handleIndex ? '' : (blocks[nameIndex] ?? '');
  return handle === undefined ? { name } : { name, handle };
}

const EXCERPT_LENGTH = 280;

function excerptOf(text: string): string {
  const chars = Array.from(text);
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}${ELLIPSIS}`;
}

// ---------------------------------------------------------------- posts

interface ReadPost {
  statusId: string;
  author: Person;
  text: string;
  at?: string;
}

/** A legacy `div.tweet`: identity from its data attributes, text, time and photo from its own parts. */
function readLegacyTweet(tweet: Element): ReadPost | undefined {
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
  const at = isoFromUnixSeconds(firstOwn(selectors.legacyTimestamp.selector)?.getAttribute('data-time') ?? null);
  if (at !== undefined) post.at = at;
  return post;
}

/** `article`s that are posts of the timeline, not the unavailable quoted posts nested in them. */
function topLevelArticles(root: ParentNode): Element[] {
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

function readArticle(article: Element): ReadPost | undefined {
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
  const at = isoFromDatetime(time?.getAttribute('datetime'));
  if (at !== undefined) post.at = at;
  return post;
}

/** An X Article (long-form post): its title, then its body as blocks of text. */
function articleText(title: Element | undefined, body: Element | undefined): string | undefined {
  if (title === undefined && body === undefined) return undefined;
  return collapseWhitespace(`${inlineText(title)} ${visibleText(body)}`);
}

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
  const replies =
    descendants === null
      ? []
      : tweets
          .filter((tweet) => descendants.contains(tweet) && !legacyHidden(tweet))
          .map(readLegacyTweet)
          .filter((post) => post !== undefined);
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

function isLegacyPage(doc: Document): boolean {
  return doc.querySelector(selectors.legacyTweet.selector) !== null || doc.querySelector(selectors.legacyMe.selector) !== null;
}

type Comment = NonNullable<PageContext['post']>['comments'][number];

function directionOf(author: Person, me: Person | undefined): 'in' | 'out' {
  return me !== undefined && author.handle === me.handle ? 'out' : 'in';
}

function asComment(post: ReadPost, me: Person | undefined): Comment {
  const comment: Comment = { author: post.author, direction: directionOf(post.author, me), text: post.text };
  if (post.at !== undefined) comment.at = post.at;
  return comment;
}

function readStatusPage(
  doc: Document,
  route: Extract<XRoute, { kind: 'status' }>,
  me: Person | undefined,
  misses: string[],
): PageContext['post'] {
  const threadKey = statusThreadKey(route.statusId);
  const read = isLegacyPage(doc) ? readLegacyStatus(doc, route.statusId) : readReactStatus(doc, route.statusId);
  if (read.focal === undefined) {
    misses.push(xMisses.post);
    if (!read.repliesRegion) misses.push(xMisses.comments);
    // Whose post it is still shows in the URL; the page did not show it.
    if (route.profile === undefined) return undefined;
    return {
      threadKey,
      author: personOf(route.profile, ''),
      text: '',
      comments: read.replies.map((reply) => asComment(reply, me)),
    };
  }
  const { focal } = read;
  if (focal.author.displayName === '') misses.push(xMisses.postAuthor);
  if (focal.text === '') misses.push(xMisses.postText);
  if (focal.at === undefined) misses.push(xMisses.postAt);
  if (!read.repliesRegion) misses.push(xMisses.comments);
  const post: NonNullable<PageContext['post']> = {
    threadKey,
    author: focal.author,
    text: focal.text,
    comments: read.replies.map((reply) => asComment(reply, me)),
  };
  if (focal.at !== undefined) post.at = focal.at;
  return post;
}

// ---------------------------------------------------------------- profiles

/** "Nikita Bier (@nikitabier) / X", "(3) huned (@huned) / Twitter", legacy "Name (@handle) | Twitter". */
function nameFromTitle(title: string, profile: XProfileRef): string | undefined {
  const match = /^(?:\(\d+\+?\)\s*)?(.+?)\s+\(@([A-Za-z0-9_]{1,20})\)\s*(?:[/|].*)?$/.exec(collapseWhitespace(title));
  if (match === null || xProfileRef(match[2] ?? '')?.handle !== profile.handle) return undefined;
  const name = match[1]?.trim() ?? '';
  return name === '' ? undefined : name;
}

interface ProfileHeader {
  name: string;
  bio: string;
  avatarUrl?: string;
}

function readReactProfileHeader(doc: Document, profile: XProfileRef): ProfileHeader | undefined {
  const header = doc.querySelector(selectors.profileUserName.selector);
  if (header === null) return undefined;
  const { name, handle } = nameAndHandle(textBlocks(header));
  // A header for someone else is a page still showing the previous profile.
  if (handle !== undefined && handle.handle !== profile.handle) return undefined;
  const photo = all(doc, selectors.profilePhoto.selector).find((img) => {
    const href = img.closest('a')?.getAttribute('href') ?? '';
    return href.toLowerCase() === `/${profile.handle}/photo` || href.toLowerCase().endsWith(`x.com/${profile.handle}/photo`);
  });
  const result: ProfileHeader = { name, bio: inlineText(doc.querySelector(selectors.profileBio.selector)) };
  const avatarUrl = photoUrl(photo);
  if (avatarUrl !== undefined) result.avatarUrl = avatarUrl;
  return result;
}

function readLegacyProfileHeader(doc: Document, profile: XProfileRef): ProfileHeader | undefined {
  const handleLink = doc.querySelector(selectors.legacyProfileHandle.selector);
  if (handleLink === null || profileOfLink(handleLink)?.handle !== profile.handle) return undefined;
  const result: ProfileHeader = {
    name: legacyText(doc.querySelector(selectors.legacyProfileName.selector)),
    bio: legacyText(doc.querySelector(selectors.legacyProfileBio.selector)),
  };
  const avatarUrl = photoUrl(doc.querySelector(selectors.legacyProfileAvatar.selector));
  if (avatarUrl !== undefined) result.avatarUrl = avatarUrl;
  return result;
}

function readProfilePerson(doc: Document, profile: XProfileRef, misses: string[]): Person {
  const header = readReactProfileHeader(doc, profile) ?? readLegacyProfileHeader(doc, profile);
  if (header === undefined) misses.push(xMisses.profileHeader);
  const ogTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  const name =
    header !== undefined && header.name !== ''
      ? header.name
      : (nameFromTitle(doc.title, profile) ?? nameFromTitle(ogTitle, profile) ?? '');
  const person = personOf(profile, name, header?.avatarUrl);
  if (name === '') misses.push(xMisses.name);
  // The bio is the line a person reads under the name: the closest thing X has to a headline.
  if (header === undefined || header.bio === '') misses.push(xMisses.headline);
  else person.headline = header.bio;
  if (person.avatarUrl === undefined) misses.push(xMisses.avatar);
  return person;
}

// ---------------------------------------------------------------- the signed-in account

function readLegacyMe(doc: Document): Person | undefined {
  const info = doc.querySelector(selectors.legacyMe.selector);
  const link = info?.querySelector('a[href]');
  const ref = link === null || link === undefined ? undefined : profileOfLink(link);
  if (ref === undefined) return undefined;
  const name = legacyText(doc.querySelector(selectors.legacyMeName.selector));
  return personOf(ref, name, photoUrl(doc.querySelector(selectors.legacyMeAvatar.selector)));
}

const AVATAR_CONTAINER_PREFIX = 'UserAvatar-Container-';

function handleFromAvatarContainer(root: Element): XProfileRef | undefined {
  const container = root.matches(selectors.avatarContainer.selector)
    ? root
    : root.querySelector(selectors.avatarContainer.selector);
  const testId = container?.getAttribute('data-testid') ?? '';
  return testId.startsWith(AVATAR_CONTAINER_PREFIX) ? xProfileRef(testId.slice(AVATAR_CONTAINER_PREFIX.length)) : undefined;
}

function readReactMe(doc: Document): Person | undefined {
  const switcher = doc.querySelector(selectors.accountSwitcher.selector);
  if (switcher !== null) {
    const { name, handle } = nameAndHandle(textBlocks(switcher));
    const ref = handle ?? handleFromAvatarContainer(switcher);
    if (ref !== undefined) return personOf(ref, name, photoUrl(switcher.querySelector('img')));
  }
  // Narrow layouts: no side nav button, only a link or an avatar that names the account.
  for (const link of all(doc, unsaved.meProfileLink.selector)) {
    const ref = profileOfLink(link) ?? handleFromAvatarContainer(link);
    if (ref !== undefined) return personOf(ref, '', photoUrl(link.querySelector('img')));
  }
  return undefined;
}

function readMe(doc: Document): Person | undefined {
  return readLegacyMe(doc) ?? readReactMe(doc);
}

// ---------------------------------------------------------------- notifications and mentions

type InboxRow = NonNullable<PageContext['inbox']>[number];

function rowOfPost(post: ReadPost): InboxRow {
  const row: InboxRow = {
    threadKey: statusThreadKey(post.statusId),
    person: post.author,
    excerpt: excerptOf(post.text),
    // X does not mark single posts as unread in the page: the tab's badge counts them, not the rows.
    unread: false,
  };
  if (post.at !== undefined) row.at = post.at;
  return row;
}

function readNotifications(doc: Document, misses: string[]): InboxRow[] {
  const posts = isLegacyPage(doc)
    ? all(doc, selectors.legacyTweet.selector)
        .filter((tweet) => !legacyHidden(tweet))
        .map(readLegacyTweet)
    : topLevelArticles(doc)
        .filter((article) => !article.matches(unsaved.notificationArticle.selector))
        .map(readArticle);
  const rows = posts.filter((post) => post !== undefined).map(rowOfPost);
  if (rows.length === 0) misses.push(xMisses.inbox);
  else misses.push(xMisses.inboxUnread);
  return rows;
}

// ---------------------------------------------------------------- DMs

/**
 * An X Chat inbox row's description: "Name, @handle, last message, time[, unread]". The message may
 * hold commas: it is everything between the handle and the time.
 */
function parseRowDescription(description: string): { name: string; handle?: XProfileRef; excerpt: string; unread: boolean } {
  const parts = description.split(', ').map((part) => part.trim());
  const handleIndex = parts.findIndex((part) => AT_HANDLE.test(part));
  const unread = parts.length > 0 && parts[parts.length - 1]?.toLowerCase() === 'unread';
  const end = parts.length - (unread ? 2 : 1);
  if (handleIndex < 0) return { name: parts[0] ?? '', excerpt: '', unread };
  const handle = xProfileRef(parts[handleIndex] ?? '');
  const result = {
    name: parts.slice(0, handleIndex).join(', '),
    excerpt: collapseWhitespace(parts.slice(handleIndex + 1, Math.max(handleIndex + 1, end)).join(', ')),
    unread,
  };
  return handle === undefined ? result : { ...result, handle };
}

const INBOX_ROW_PREFIX = /^dm-(?:conversation|message-request)-item-/;

function readXChatInboxRow(row: Element): InboxRow | undefined {
  const conversationId = dmConversationId((row.getAttribute('data-testid') ?? '').replace(INBOX_ROW_PREFIX, ''));
  if (conversationId === undefined) return undefined;
  const description =
    row.getAttribute('aria-description') ?? row.closest('[aria-description]')?.getAttribute('aria-description') ?? '';
  const parsed = parseRowDescription(description);
  const links = all(row, 'a[href]').map(profileOfLink);
  const ref = parsed.handle ?? links.find((link) => link !== undefined);
  // A group has no one person to file the row under.
  if (ref === undefined) return undefined;
  const name = parsed.name !== '' ? parsed.name : (textBlocks(row)[0] ?? '');
  const inboxRow: InboxRow = {
    threadKey: dmThreadKey(conversationId),
    person: personOf(ref, name, photoUrl(row.querySelector('img'))),
    excerpt: excerptOf(parsed.excerpt),
    unread: parsed.unread || row.querySelector(unsaved.dmInboxUnread.selector) !== null,
  };
  const at = isoFromDatetime(row.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (at !== undefined) inboxRow.at = at;
  return inboxRow;
}

/** The React DM inbox before X Chat: a row links to /messages/<id>, its lines are name, @handle, time, message. */
function readLegacyDmInboxRow(row: Element): InboxRow | undefined {
  let conversationId: string | undefined;
  for (const link of all(row, 'a[href*="/messages/"]')) {
    const route = routeOfHref(link.getAttribute('href'));
    if (route.kind === 'dm-conversation') conversationId = route.conversationId;
  }
  const blocks = textBlocks(row);
  const { name, handle } = nameAndHandle(blocks.slice(0, 2));
  if (conversationId === undefined || handle === undefined) return undefined;
  const timeText = row.querySelector('time')?.textContent ?? '';
  const rest = blocks.slice(2).filter((block) => timeText === '' || !timeText.includes(block));
  const inboxRow: InboxRow = {
    threadKey: dmThreadKey(conversationId),
    person: personOf(handle, name, photoUrl(row.querySelector('img'))),
    excerpt: excerptOf(rest[rest.length - 1] ?? ''),
    unread: false,
  };
  const at = isoFromDatetime(row.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (at !== undefined) inboxRow.at = at;
  return inboxRow;
}

function readDmInbox(doc: Document, misses: string[]): InboxRow[] {
  const roots = queryRoots(doc);
  const xchatRows = allIn(roots, unsaved.dmInboxRow.selector);
  const rowElements = xchatRows.length > 0 ? xchatRows : outermost(allIn(roots, unsaved.legacyDmInboxRow.selector));
  const read = xchatRows.length > 0 ? readXChatInboxRow : readLegacyDmInboxRow;
  const rows: InboxRow[] = [];
  for (const element of rowElements) {
    const row = read(element);
    if (row === undefined) misses.push(xMisses.inboxRow);
    else rows.push(row);
  }
  if (rowElements.length === 0) misses.push(xMisses.inbox);
  else if (xchatRows.length === 0) misses.push(xMisses.inboxUnread);
  return rows;
}

type Conversation = NonNullable<PageContext['conversation']>;
type Message = Conversation['messages'][number];

/** X Chat lays a message out at the end of the row when you sent it, at the start when they did. */
function sideOf(row: Element): 'in' | 'out' | undefined {
  let element: Element | null = row;
  for (let depth = 0; element !== null && depth < 3; depth += 1, element = element.parentElement) {
    if (element.matches(unsaved.dmSentSide.selector)) return 'out';
    if (element.matches(unsaved.dmReceivedSide.selector)) return 'in';
  }
  const inner = row.querySelector(`${unsaved.dmSentSide.selector}, ${unsaved.dmReceivedSide.selector}`);
  if (inner === null) return undefined;
  return inner.matches(unsaved.dmSentSide.selector) ? 'out' : 'in';
}

/**
 * Who sent a message, from its avatar link: a photo, no words, outside the message itself (links in
 * the words are mentions; a shared post in the message carries its own author's photo).
 */
function senderOf(row: Element): XProfileRef | undefined {
  const message = row.querySelector(unsaved.dmMessageText.selector);
  const cards = all(row, 'article, div[role="link"], [data-testid="tweetText"]');
  for (const link of all(row, 'a[href]')) {
    if (link.querySelector('img') === null || inlineText(link) !== '') continue;
    if ((message?.contains(link) ?? false) || cards.some((card) => card.contains(link))) continue;
    const ref = profileOfLink(link);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

function messageText(row: Element): string {
  const text = row.querySelector(unsaved.dmMessageText.selector);
  if (text !== null) {
    // The words only, not the time X Chat sets beside them.
    return inlineText(text.querySelector('span[dir="auto"]') ?? text);
  }
  return inlineText(row.querySelector(`${selectors.postText.selector}, [data-testid="tweetText"], div[dir="auto"]`));
}

function readDmHeader(roots: readonly Root[]): Person | undefined {
  const header = firstIn(roots, unsaved.dmHeader.selector);
  const links = header === undefined ? [] : all(header, 'a[href]');
  const ref = links.map(profileOfLink).find((link) => link !== undefined);
  if (ref === undefined) return undefined;
  const nameElement = firstIn(roots, unsaved.dmHeaderName.selector);
  const name = nameElement !== undefined ? inlineText(nameElement) : header === undefined ? '' : (textBlocks(header)[0] ?? '');
  return personOf(ref, name, photoUrl(header?.querySelector('img')));
}

/** Someone the page shows by name only (a group member without an avatar here, ourselves signed out). */
function nameOnly(displayName: string): Person {
  return { handle: UNKNOWN_HANDLE, profileUrl: '', displayName };
}

/** The conversation, and whom the page is about: the other party named in the header (a group has none). */
function readDmConversation(
  doc: Document,
  conversationId: string,
  me: Person | undefined,
  misses: string[],
): { conversation: Conversation; person?: Person } {
  const roots = queryRoots(doc);
  const other = readDmHeader(roots);
  if (firstIn(roots, unsaved.dmConversationPanel.selector) === undefined) misses.push(xMisses.conversation);
  // The other party of a one-to-one conversation; in a group, the senders known by their avatar.
  const participants = new Map<string, Person>();
  if (other !== undefined) participants.set(other.handle, other);
  const xchatRows = allIn(roots, unsaved.dmMessageRow.selector);
  const rows = xchatRows.length > 0 ? xchatRows : outermost(allIn(roots, unsaved.legacyDmMessage.selector));
  const messages: Message[] = [];
  let unknownSide = false;
  let unknownAuthor = false;
  for (const row of rows) {
    const sender = senderOf(row);
    let side = sideOf(row);
    if (side === undefined && sender !== undefined) side = me !== undefined && sender.handle === me.handle ? 'out' : 'in';
    if (side === undefined) {
      // Unknown side: counted as theirs, so a conversation never looks answered when it may not be.
      unknownSide = true;
      side = 'in';
    }
    let author: Person | undefined;
    if (side === 'out') author = me;
    else if (sender !== undefined && sender.handle !== me?.handle) author = participants.get(sender.handle) ?? personOf(sender, '');
    else if (other !== undefined && participants.size === 1) author = other;
    if (author === undefined) {
      unknownAuthor = true;
      // The sender's name is in a label for screen readers, read here although it is not shown.
      const label = side === 'out' ? '' : (row.querySelector(unsaved.dmSenderLabel.selector)?.textContent ?? '');
      author = nameOnly(collapseWhitespace(label));
    } else if (side === 'in' && !participants.has(author.handle)) {
      participants.set(author.handle, author);
    }
    const message: Message = { author, direction: side, text: messageText(row) };
    const at = isoFromDatetime(row.querySelector('time[datetime]')?.getAttribute('datetime'));
    if (at !== undefined) message.at = at;
    messages.push(message);
  }
  if (participants.size === 0) misses.push(xMisses.participants);
  if (unknownSide) misses.push(xMisses.direction);
  if (unknownAuthor) misses.push(xMisses.messageAuthor);
  const conversation = { threadKey: dmThreadKey(conversationId), participants: [...participants.values()], messages };
  return other === undefined ? { conversation } : { conversation, person: other };
}

// ---------------------------------------------------------------- the page

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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

// ---------------------------------------------------------------- the reply box

/** The element that takes the text: a wrapper test id (`dmComposerTextInput` on some builds) leads to its editor. */
function editorOf(element: Element): HTMLElement | undefined {
  if (element.localName === 'textarea' || element.getAttribute('contenteditable') === 'true') return element as HTMLElement;
  return element.querySelector<HTMLElement>('[contenteditable="true"], textarea') ?? undefined;
}

/** The focused element, looking into shadow roots (X Chat's box is in one). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (let inner = active?.shadowRoot?.activeElement; inner !== null && inner !== undefined; inner = inner.shadowRoot?.activeElement) {
    active = inner;
  }
  return active;
}

function routeOfDocument(doc: Document): XRoute {
  try {
    return routeXUrl(new URL(doc.URL));
  } catch {
    return { kind: 'other' };
  }
}

/**
 * Where a reply is typed on this page: a reply dialog's editor first (opened over any page), then the
 * page's own box (the inline reply under a post, the message box of a conversation), then a DM box
 * elsewhere (the messages drawer). The home timeline's "What's happening?" box is not a reply box.
 * The one holding the focus wins.
 */
function findComposer(doc: Document): HTMLElement | null {
  const roots = queryRoots(doc);
  const route = routeOfDocument(doc);
  const postEditors = allIn(roots, selectors.postComposer.selector);
  const inDialog = postEditors.filter((editor) => editor.closest(unsaved.dialog.selector) !== null);
  const dmEditors = [
    ...allIn(roots, unsaved.dmComposer.selector).map(editorOf),
    ...allIn(roots, selectors.legacyDmBox.selector),
  ].filter((editor) => editor !== undefined);
  const pageEditors =
    route.kind === 'status'
      ? [...postEditors, ...allIn(roots, selectors.legacyReplyBox.selector)]
      : route.kind === 'dm-conversation'
        ? dmEditors
        : [];
  const candidates = [...inDialog, ...pageEditors, ...dmEditors].filter(
    (editor, index, list): editor is HTMLElement => list.indexOf(editor) === index && !legacyHidden(editor),
  );
  const active = deepActiveElement(doc);
  const focused = active === null ? undefined : candidates.find((editor) => editor.contains(active));
  return focused ?? candidates[0] ?? null;
}

// ---------------------------------------------------------------- putting text in

function isDraftEditor(target: HTMLElement): boolean {
  return (
    target.getAttribute('contenteditable') === 'true' &&
    (target.matches(selectors.draftEditor.selector) || target.querySelector(selectors.draftContents.selector) !== null)
  );
}

/**
 * Draft.js keeps its own model of the text and reads the caret from its leaves
 * (`<span data-offset-key><span data-text="true">…</span></span>`, an empty line holds
 * `<br data-text="true">`): the caret goes at the end of the last leaf's text, or before that `<br>`.
 */
function placeCaretInLastLeaf(target: HTMLElement): void {
  const doc = target.ownerDocument;
  const selection = doc.getSelection();
  if (selection === null) return;
  const range = doc.createRange();
  const leaves = all(target, '[data-text="true"]');
  const last = leaves[leaves.length - 1];
  if (last === undefined) {
    range.selectNodeContents(target);
    range.collapse(false);
  } else if (last.localName === 'br') {
    range.setStartBefore(last);
    range.collapse(true);
  } else {
    const text = last.lastChild;
    if (text !== null && text.nodeType === TEXT_NODE) range.setStart(text, (text.nodeValue ?? '').length);
    else range.selectNodeContents(last);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
  // React reports selection changes to Draft.js from `selectionchange` (which the browser sends later):
  // send one now so the editor's own caret is at the end before the text arrives.
  const view = doc.defaultView;
  if (view !== null) doc.dispatchEvent(new view.Event('selectionchange'));
}

function insertThroughBrowser(target: HTMLElement, text: string): boolean {
  const doc = target.ownerDocument;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way through the browser's editing pipeline
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/**
 * X's post and reply boxes are Draft.js editors: focus, caret at the end of the last leaf, then the
 * browser's own insertText, which Draft.js registers (its beforeinput/input handlers update its model).
 * Text controls (X Chat's textarea) and other editors go through the generic insertTextIntoEditor.
 * Never presses Enter, never sends.
 */
async function insertIntoX(target: HTMLElement, text: string): Promise<void> {
  if (text === '') return;
  if (!isDraftEditor(target)) {
    await insertTextIntoEditor(target, text);
    return;
  }
  const before = target.textContent;
  target.focus();
  placeCaretInLastLeaf(target);
  if (insertThroughBrowser(target, text)) return;
  // The editor may have taken the text itself (it handled the input and said no to the browser).
  if (target.textContent !== before) return;
  await insertTextIntoEditor(target, text);
}

export const x: SiteAdapter = {
  site: 'x',
  matches: matchesX,
  read(doc, url) {
    try {
      return readPage(doc, url);
    } catch (error) {
      return { site: 'x', kind: 'other', misses: [`read.error: ${describeError(error)}`] };
    }
  },
  composer(doc) {
    try {
      return findComposer(doc);
    } catch {
      return null;
    }
  },
  insertText: insertIntoX,
};
