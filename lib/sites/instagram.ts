import { z } from 'zod';
import { collapseWhitespace, isEmojiText, isHiddenFromPeople, isInsideHidden, visibleText } from './dom-text';
import { insertTextIntoEditor } from './insert-text';
import { instagramSelectors as selectors, instagramUnsavedSelectors as unsaved } from './instagram.selectors';
import type { PageContext, Person, SiteAdapter } from './types';

const CANONICAL_ORIGIN = 'https://www.instagram.com';

/** Stable names of what the adapter looked for and did not find. */
export const instagramMisses = {
  pageKind: 'page.kind',
  profileHeader: 'profile.header',
  profileName: 'profile.name',
  /** The bio, which this adapter reports as the person's headline. */
  headline: 'profile.headline',
  avatar: 'profile.avatar',
  postAuthor: 'post.author',
  postText: 'post.text',
  postAt: 'post.at',
  comments: 'comments',
  conversationMessages: 'conversation.messages',
  conversationParticipants: 'conversation.participants',
  /** A DM whose sender could not be told (it is left out rather than guessed). */
  messageAuthor: 'messages.author',
  inboxRows: 'inbox.rows',
  /** An inbox row whose person (handle) could not be read; the row is left out. */
  inboxPerson: 'inbox.person',
  /** Unread state: no language-neutral hook for it is known in the inbox markup. */
  inboxUnread: 'inbox.unread',
  me: 'me',
} as const;

// ---------------------------------------------------------------- URLs

const HOSTS = new Set(['instagram.com', 'www.instagram.com']);

/** instagram.com and www.instagram.com, https only (help., about., l. and the like are not the app). */
export function matchesInstagram(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

/** Decodes percent escapes, leaving malformed ones as they are. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * First path segments that are Instagram's own routes, never a handle (a handle is made of letters,
 * digits, '.' and '_', so most of these would otherwise look like one).
 */
const RESERVED_SEGMENTS = new Set([
  'p', 'reel', 'reels', 'tv', 'explore', 'direct', 'accounts', 'stories', 'about', 'developer',
  'developers', 'legal', 'challenge', 'emails', 'web', 'graphql', 'api', 'static', 'data', 'directory',
  'session', 'privacy', 'terms', 'topics', 'ar', 'create', 'lite', 'oauth', 'nametag', 'press', 'invites',
  'your_activity', 'qr', 'fxcal', '_n', '_u', 's', 'ads', 'oembed', 'embed', 'sitemap.xml', 'robots.txt',
  'favicon.ico',
]);

/** Post-like routes: /p/<shortcode>/, /reel/…, /reels/… (the reels viewer), /tv/… (IGTV). */
const POST_SEGMENTS = new Set(['p', 'reel', 'reels', 'tv']);

/** Tabs and lists under a profile that keep the profile header on the page. */
const PROFILE_TABS = new Set([
  'tagged', 'reels', 'saved', 'followers', 'following', 'channel', 'guides', 'igtv', 'feed', 'related_profiles',
]);

/** DM folders whose page is a list of threads. */
const INBOX_FOLDERS = new Set(['inbox', 'requests', 'general', 'primary']);

const HANDLE = /^[a-z0-9._]{1,30}$/;
const SHORTCODE = /^[A-Za-z0-9_-]+$/;
const THREAD_ID = /^[A-Za-z0-9_-]+$/;

export interface InstagramProfileRef {
  /** Lower-cased, without '@', percent-decoded: one identity per person. */
  handle: string;
  /** https://www.instagram.com/<handle>/ */
  profileUrl: string;
}

/** The canonical identity of a handle as written in a URL or text ("@Name", "name", "na%6De"). */
export function profileRefFromHandle(raw: string): InstagramProfileRef | undefined {
  const handle = safeDecode(raw).normalize('NFC').trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE.test(handle) || RESERVED_SEGMENTS.has(handle)) return undefined;
  return { handle, profileUrl: `${CANONICAL_ORIGIN}/${handle}/` };
}

export type InstagramRoute =
  | { kind: 'profile'; profile: InstagramProfileRef }
  | { kind: 'post'; shortcode: string; author?: InstagramProfileRef; commentId?: string }
  | { kind: 'conversation'; threadId: string }
  | { kind: 'inbox' }
  | { kind: 'other' };

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

function postRoute(rest: string[], author?: InstagramProfileRef): InstagramRoute {
  const [shortcode, sub, commentId] = rest;
  if (shortcode === undefined || !SHORTCODE.test(shortcode)) return { kind: 'other' };
  const route: InstagramRoute = { kind: 'post', shortcode };
  if (author !== undefined) route.author = author;
  if (sub === 'c' && commentId !== undefined && /^\d+$/.test(commentId)) route.commentId = commentId;
  return route;
}

/** What kind of Instagram page a URL is, and the ids in it. */
export function routeInstagramUrl(url: URL): InstagramRoute {
  const [first, ...rest] = pathSegments(url);
  if (first === undefined) return { kind: 'other' };
  const head = first.toLowerCase();
  if (POST_SEGMENTS.has(head)) return postRoute(rest);
  if (head === 'direct') {
    const [folder, threadId] = rest;
    if (folder === 't' && threadId !== undefined && THREAD_ID.test(threadId)) return { kind: 'conversation', threadId };
    return folder !== undefined && INBOX_FOLDERS.has(folder) ? { kind: 'inbox' } : { kind: 'other' };
  }
  // The apps' profile deep link: /_u/<handle>/.
  if (head === '_u' && rest.length === 1 && rest[0] !== undefined) {
    const profile = profileRefFromHandle(rest[0]);
    return profile === undefined ? { kind: 'other' } : { kind: 'profile', profile };
  }
  const profile = profileRefFromHandle(first);
  if (profile === undefined) return { kind: 'other' };
  const [tab, ...tabRest] = rest;
  if (tab === undefined) return { kind: 'profile', profile };
  const tabName = tab.toLowerCase();
  if (POST_SEGMENTS.has(tabName) && tabName !== 'reels') return postRoute(tabRest, profile);
  if (tabName === 'reels' && tabRest.length > 0) return postRoute(tabRest, profile);
  return PROFILE_TABS.has(tabName) ? { kind: 'profile', profile } : { kind: 'other' };
}

/** The profile a link points at when it is exactly a profile (/<handle>/), relative or absolute. */
export function parseProfileUrl(href: URL | string, base: URL | string = CANONICAL_ORIGIN): InstagramProfileRef | undefined {
  try {
    const url = typeof href === 'string' ? new URL(href, base) : href;
    if (!matchesInstagram(url)) return undefined;
    const segments = pathSegments(url);
    return segments.length === 1 && segments[0] !== undefined ? profileRefFromHandle(segments[0]) : undefined;
  } catch {
    return undefined;
  }
}

export const postThreadKey = (shortcode: string): string => `instagram:post:${shortcode}`;
export const dmThreadKey = (threadId: string): string => `instagram:dm:${threadId}`;

function routeOfHref(href: string | null, base: URL): InstagramRoute | undefined {
  if (href === null) return undefined;
  try {
    const url = new URL(href, base);
    return matchesInstagram(url) ? routeInstagramUrl(url) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- small DOM helpers

function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

/** The deepest element containing every one of `elements`. */
function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...others] = elements;
  if (first === undefined) return null;
  for (let candidate: Element | null = first; candidate !== null; candidate = candidate.parentElement) {
    if (others.every((element) => candidate.contains(element))) return candidate;
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

function isoTime(time: Element | null | undefined): string | undefined {
  const value = time?.getAttribute('datetime');
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function httpUrl(value: string | null, base: URL): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function firstImageUrl(root: Element, base: URL): string | undefined {
  for (const img of all(root, 'img')) {
    const url = httpUrl(img.getAttribute('src'), base);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** The DOM types promise a body; a hostile or non-HTML document may have none. */
function bodyOf(doc: Document): Element | null {
  return doc.getElementsByTagName('body')[0] ?? null;
}

function mainOf(doc: Document): Element | null {
  return doc.querySelector(selectors.main.selector) ?? doc.querySelector(selectors.mainRole.selector);
}

/** A link to exactly a profile: the person it points at. */
function linkProfile(link: Element, base: URL): InstagramProfileRef | undefined {
  const href = link.getAttribute('href');
  return href === null ? undefined : parseProfileUrl(href, base);
}

/**
 * A link that shows a handle as its text and points at that profile: how every generation marks
 * the author of a post, caption or comment. Mentions ("@name") and avatar links (no text) are not.
 */
function usernameLinkProfile(link: Element, base: URL): InstagramProfileRef | undefined {
  const profile = linkProfile(link, base);
  return profile !== undefined && visibleText(link).toLowerCase() === profile.handle ? profile : undefined;
}

function person(profile: InstagramProfileRef, displayName?: string, avatarUrl?: string): Person {
  const result: Person = { ...profile, displayName: displayName ?? profile.handle };
  if (avatarUrl !== undefined) result.avatarUrl = avatarUrl;
  return result;
}

// ---------------------------------------------------------------- embedded data

/** The JSON object that starts at the first '{' after `marker` in `text`, parsed; undefined if none. */
export function jsonObjectAfter(text: string, marker: string): unknown {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const start = text.indexOf('{', at + marker.length);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(start, index + 1)) as unknown;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

const viewerSchema = z.object({
  username: z.string(),
  full_name: z.string().nullish().catch(undefined),
  profile_pic_url: z.string().nullish().catch(undefined),
  /** false: `profile_pic_url` is Instagram's anonymous silhouette. */
  has_profile_pic: z.boolean().nullish().catch(undefined),
});
type Viewer = z.infer<typeof viewerSchema>;

/** 2021: `window._sharedData = {"config": {"viewer": {…} | null}}`. */
const sharedDataSchema = z.object({ config: z.object({ viewer: viewerSchema.nullable() }) });
/** 2025: `["PolarisViewer",[],{"data":{…}}]` in an application/json data script. */
const polarisViewerSchema = z.object({ data: viewerSchema });

const SHARED_DATA_MARKER = 'window._sharedData';
const POLARIS_VIEWER_MARKER = '"PolarisViewer",[],';

function viewerFromScripts(doc: Document): Viewer | undefined {
  for (const script of all(doc, selectors.inlineScript.selector)) {
    const text = script.textContent;
    if (!text.includes(SHARED_DATA_MARKER)) continue;
    const parsed = sharedDataSchema.safeParse(jsonObjectAfter(text, SHARED_DATA_MARKER));
    if (parsed.success) return parsed.data.config.viewer ?? undefined;
  }
  for (const script of all(doc, selectors.dataScript.selector)) {
    const text = script.textContent;
    if (!text.includes(POLARIS_VIEWER_MARKER)) continue;
    const parsed = polarisViewerSchema.safeParse(jsonObjectAfter(text, POLARIS_VIEWER_MARKER));
    if (parsed.success) return parsed.data.data;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 2025 data scripts carry users as `{"pk":…,"username":"<handle>","full_name":"<name>",…}`. */
function fullNameFromDataScripts(doc: Document, handle: string): string | undefined {
  const pattern = new RegExp(`"username":"${escapeRegExp(handle)}","full_name":("(?:[^"\\\\]|\\\\.)*")`, 'i');
  for (const script of all(doc, selectors.dataScript.selector)) {
    const text = script.textContent;
    if (!text.includes(handle)) continue;
    const match = pattern.exec(text);
    if (match?.[1] === undefined) continue;
    try {
      const name = collapseWhitespace(JSON.parse(match[1]) as string);
      if (name !== '') return name;
    } catch {
      // Not a JSON string after all: keep looking.
    }
  }
  return undefined;
}

/** "139k Likes, 12 Comments - Tesla (@teslamotors) on Instagram: …" or "Pluto (@pluto__travel) • …" → the name. */
function nameBeforeHandle(text: string, handle: string): string | undefined {
  const at = text.toLowerCase().indexOf(`(@${handle})`);
  if (at <= 0) return undefined;
  const before = text.slice(0, at).split(/\s[-–—]\s/).pop() ?? '';
  const name = collapseWhitespace(before);
  return name === '' || name.startsWith('@') ? undefined : name;
}

function jsonLdTexts(doc: Document): string[] {
  const texts: string[] = [];
  for (const script of all(doc, selectors.jsonLd.selector)) {
    try {
      const value = JSON.parse(script.textContent) as unknown;
      if (typeof value !== 'object' || value === null) continue;
      for (const key of ['name', 'description']) {
        const text = (value as Record<string, unknown>)[key];
        if (typeof text === 'string') texts.push(text);
      }
    } catch {
      // Broken JSON-LD is no source.
    }
  }
  return texts;
}

/** The full name the page pairs with a handle in its metadata or data, if any. */
function fullNameFor(doc: Document, handle: string): string | undefined {
  const metas = all(doc, selectors.nameMetadata.selector);
  const byKind = (kind: string): string[] =>
    metas.filter((meta) => (meta.getAttribute('property') ?? meta.getAttribute('name')) === kind)
      .map((meta) => meta.getAttribute('content') ?? '');
  const texts = [
    ...byKind('og:title'),
    doc.title,
    ...byKind('description'),
    ...byKind('og:description'),
    ...jsonLdTexts(doc),
  ];
  for (const text of texts) {
    const name = nameBeforeHandle(text, handle);
    if (name !== undefined) return name;
  }
  return fullNameFromDataScripts(doc, handle);
}

// ---------------------------------------------------------------- the signed-in account

function isSignedOut(doc: Document): boolean {
  return doc.querySelector(selectors.signedOut.selector) !== null;
}

/**
 * The navigation's link to the viewer's own profile (2025: the "Profile" item with the viewer's photo):
 * a profile link with an image, in the same navigation as the Direct link, outside the page's main part.
 */
function meFromNavigation(doc: Document, base: URL): Person | undefined {
  const main = mainOf(doc);
  for (const inboxLink of all(doc, selectors.navInboxLink.selector)) {
    if (main?.contains(inboxLink) === true) continue;
    for (let node = inboxLink.parentElement; node !== null; node = node.parentElement) {
      if (main !== null && node.contains(main)) break;
      if (node.querySelector(unsaved.dmMessageList.selector) !== null) break;
      for (const link of all(node, 'a[href]')) {
        const profile = linkProfile(link, base);
        if (profile !== undefined && link.querySelector('img') !== null) {
          return person(profile, undefined, firstImageUrl(link, base));
        }
      }
    }
  }
  return undefined;
}

function readMe(doc: Document, base: URL): Person | undefined {
  if (isSignedOut(doc)) return undefined;
  const viewer = viewerFromScripts(doc);
  const profile = viewer === undefined ? undefined : profileRefFromHandle(viewer.username);
  if (viewer !== undefined && profile !== undefined) {
    const name = collapseWhitespace(viewer.full_name ?? '');
    const photo = viewer.has_profile_pic === false ? undefined : httpUrl(viewer.profile_pic_url ?? null, base);
    return person(profile, name === '' ? undefined : name, photo);
  }
  return meFromNavigation(doc, base);
}

function directionOf(author: InstagramProfileRef, me: Person | undefined): 'in' | 'out' {
  return me !== undefined && me.handle === author.handle ? 'out' : 'in';
}

// ---------------------------------------------------------------- profile pages

/** The profile's top block: a `header` in main that is not a post's header. */
function profileHeader(doc: Document): Element | undefined {
  return all(doc, selectors.header.selector).find((header) => header.closest('article') === null);
}

const NOT_A_NAME = 'a, button, [role="button"], ul, h2';
const BIO_ELEMENTS = new Set(['span', 'h1']);

/** 2025: the first bidi-marked text after the handle heading that is not a control, a link or a count. */
function nameElementAfterHandle(header: Element, handleHeading: Element | undefined): Element | undefined {
  return all(header, selectors.profileHeaderText.selector).find(
    (element) =>
      (handleHeading === undefined || follows(handleHeading, element)) &&
      element.closest(NOT_A_NAME) === null &&
      element.querySelector(selectors.profileHeaderText.selector) === null &&
      visibleText(element) !== '',
  );
}

/** The innermost text element of `root` (not a control, link or the handle) that shows exactly `text`. */
function elementShowing(root: Element, text: string): Element | undefined {
  // textContent first (cheap): the element's whole text, hidden parts included, is about the name's length.
  const roughly = (element: Element): boolean => {
    const content = collapseWhitespace(element.textContent);
    return content.length >= text.length && content.length <= text.length + 40;
  };
  return all(root, 'h1, span, div')
    .filter((element) => roughly(element) && element.closest(NOT_A_NAME) === null && sameText(visibleText(element), text))
    .find((element, _index, matches) => !matches.some((other) => other !== element && element.contains(other)));
}

/** The block holding name, category, bio and link: the nearest ancestor of the name with several children. */
function infoBlockOf(name: Element, header: Element): Element | undefined {
  for (let node = name.parentElement; node !== null && node !== header; node = node.parentElement) {
    if (node.childElementCount > 1) return node;
  }
  return undefined;
}

/**
 * The bio: in both generations the one `span` that is a direct child of the info block after the
 * name (the category is a `div`, the link an `a` (2021) or a `button` (2025)). Markup that puts the
 * bio in an `h1` after a `span` name is read the same way.
 */
function bioIn(block: Element, name: Element): string | undefined {
  for (const child of Array.from(block.children)) {
    if (!BIO_ELEMENTS.has(child.localName) || child.contains(name) || !follows(name, child)) continue;
    const text = visibleText(child);
    if (text !== '') return text;
  }
  return undefined;
}

function readProfilePerson(doc: Document, base: URL, profile: InstagramProfileRef, misses: string[]): Person {
  const header = profileHeader(doc);
  const metadataName = fullNameFor(doc, profile.handle);
  if (header === undefined) {
    misses.push(instagramMisses.profileHeader);
    if (metadataName === undefined) misses.push(instagramMisses.profileName);
    misses.push(instagramMisses.headline, instagramMisses.avatar);
    return person(profile, metadataName);
  }
  const inHeader = (selector: string): Element | undefined =>
    all(doc, selector).find((element) => header.contains(element));
  const handleHeading = inHeader(selectors.profileHandleHeading.selector);
  // "@jane.q • Instagram photos and videos": the page says the account shows no name.
  const titles = [doc.title, ...all(doc, selectors.nameMetadata.selector).map((meta) => meta.getAttribute('content') ?? '')];
  const handleMention = new RegExp(`@${escapeRegExp(profile.handle)}(?![a-z0-9._])`, 'i');
  const showsNoName = metadataName === undefined && titles.some((title) => handleMention.test(title));
  const nameElement =
    (metadataName === undefined ? undefined : elementShowing(header, metadataName)) ??
    inHeader(selectors.profileNameHeading.selector) ??
    (showsNoName ? undefined : nameElementAfterHandle(header, handleHeading));
  const shownName = nameElement === undefined ? '' : visibleText(nameElement);
  const displayName = shownName !== '' ? shownName : metadataName;
  if (displayName === undefined && !showsNoName) misses.push(instagramMisses.profileName);

  const block = nameElement === undefined ? undefined : infoBlockOf(nameElement, header);
  const bio = block === undefined || nameElement === undefined ? undefined : bioIn(block, nameElement);
  // The profile photo comes before the handle heading; later images are highlights.
  const avatarUrl = all(header, 'img')
    .filter((img) => handleHeading === undefined || follows(img, handleHeading))
    .map((img) => httpUrl(img.getAttribute('src'), base))
    .find((url) => url !== undefined);

  const result = person(profile, displayName, avatarUrl);
  if (bio === undefined) misses.push(instagramMisses.headline);
  else result.headline = bio;
  if (avatarUrl === undefined) misses.push(instagramMisses.avatar);
  return result;
}

// ---------------------------------------------------------------- post pages

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

interface HandleLink {
  link: Element;
  profile: InstagramProfileRef;
}

function usernameLinks(root: Element, base: URL): HandleLink[] {
  const links: HandleLink[] = [];
  for (const link of all(root, 'a[href]')) {
    const profile = usernameLinkProfile(link, base);
    if (profile !== undefined) links.push({ link, profile });
  }
  return links;
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
function postRegion(main: Element, links: readonly HandleLink[]): Element {
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

/** Elements that start and end a line (as in dom-text.ts, which does not export its list). */
const LINE_BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * visibleText (dom-text.ts) with some subtrees left out, without copying the DOM: the same rules
 * (hidden elements skipped, emoji images as their alt, line-breaking elements, whitespace collapsed).
 */
export function visibleTextExcept(root: Element, skip: ReadonlySet<Element>): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (skip.has(element) || isHiddenFromPeople(element)) return;
    if (element.localName === 'img') {
      const alt = element.getAttribute('alt') ?? '';
      if (isEmojiText(alt)) parts.push(alt.trim());
      return;
    }
    const breaksLine = LINE_BREAKING.has(element.localName);
    if (breaksLine) parts.push(' ');
    for (let child = element.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (breaksLine) parts.push(' ');
  };
  walk(root);
  return collapseWhitespace(parts.join(''));
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

function readEntries(region: Element, links: readonly HandleLink[], base: URL, shortcode: string): Entry[] {
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
  links: readonly HandleLink[],
  base: URL,
  route: Extract<InstagramRoute, { kind: 'post' }>,
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

function readPost(
  doc: Document,
  base: URL,
  route: Extract<InstagramRoute, { kind: 'post' }>,
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
    comments: comments.map((entry) => {
      const message: NonNullable<PageContext['post']>['comments'][number] = {
        author: person(entry.author),
        direction: directionOf(entry.author, me),
        text: entry.text,
      };
      if (entry.at !== undefined) message.at = entry.at;
      return message;
    }),
  };
  if (at !== undefined) context.post.at = at;
  if (caption === undefined) misses.push(instagramMisses.postText);
  if (at === undefined) misses.push(instagramMisses.postAt);
  if (comments.length === 0) misses.push(instagramMisses.comments);
}

// ---------------------------------------------------------------- DM pages (no saved page: see the selector map)

interface AltTemplate {
  prefix: string;
  suffix: string;
}

/**
 * Profile photos are described by a localized template around the handle ("alice's profile picture",
 * "Foto do perfil de alice"). Learning it from a photo inside a link to a known profile lets the
 * handle be read back from other photos in any language.
 */
function learnPhotoAltTemplate(doc: Document, base: URL): AltTemplate | undefined {
  for (const link of all(doc, 'a[href]')) {
    const profile = linkProfile(link, base);
    if (profile === undefined) continue;
    for (const img of all(link, 'img[alt]')) {
      const alt = img.getAttribute('alt') ?? '';
      const at = alt.toLowerCase().indexOf(profile.handle);
      if (at >= 0 && alt !== profile.handle) {
        return { prefix: alt.slice(0, at), suffix: alt.slice(at + profile.handle.length) };
      }
    }
  }
  return undefined;
}

function handleFromPhoto(root: Element, template: AltTemplate | undefined): InstagramProfileRef | undefined {
  if (template === undefined) return undefined;
  for (const img of all(root, 'img[alt]')) {
    const alt = img.getAttribute('alt') ?? '';
    if (alt.length <= template.prefix.length + template.suffix.length) continue;
    if (!alt.startsWith(template.prefix) || !alt.endsWith(template.suffix)) continue;
    const profile = profileRefFromHandle(alt.slice(template.prefix.length, alt.length - template.suffix.length));
    if (profile !== undefined) return profile;
  }
  return undefined;
}

function profileInside(root: Element, base: URL, template: AltTemplate | undefined): InstagramProfileRef | undefined {
  for (const link of all(root, 'a[href]')) {
    const profile = linkProfile(link, base);
    if (profile !== undefined) return profile;
  }
  return handleFromPhoto(root, template);
}

/** Innermost bidi-marked texts of `root` (message texts, names, excerpts), skipping `skip` subtrees. */
function leafTexts(root: Element, skip: (element: Element) => boolean): string[] {
  return all(root, unsaved.dmMessageText.selector)
    .filter((element) => element.querySelector(unsaved.dmMessageText.selector) === null && !skip(element))
    .filter((element) => !isInsideHidden(element, root))
    .map((element) => visibleText(element))
    .filter((text) => text !== '');
}

function findComposer(doc: Document): HTMLElement | null {
  const editors = [
    ...doc.querySelectorAll<HTMLElement>(unsaved.dmComposer.selector),
    ...doc.querySelectorAll<HTMLElement>(selectors.commentComposer.selector),
  ].filter(
    (editor, index, list) =>
      list.indexOf(editor) === index &&
      !isInsideHidden(editor) &&
      !editor.hasAttribute('disabled') &&
      !editor.hasAttribute('readonly'),
  );
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[0] ?? null;
}

/** The people the thread's header names (links to their profiles before the message list). */
function threadParticipants(pane: Element, grid: Element, base: URL, me: Person | undefined): Person[] {
  const found = new Map<string, Person>();
  for (const link of all(pane, 'a[href]')) {
    if (grid.contains(link) || !follows(link, grid)) continue;
    const profile = linkProfile(link, base);
    if (profile === undefined || profile.handle === me?.handle) continue;
    const name = visibleText(link);
    const known = found.get(profile.handle);
    if (known === undefined) found.set(profile.handle, person(profile, name === '' ? undefined : name));
    else if (known.displayName === known.handle && name !== '') known.displayName = name;
  }
  return [...found.values()];
}

type PageMessage = NonNullable<PageContext['conversation']>['messages'][number];

/**
 * The thread's messages in page order. A row's sender is its photo link (others' messages), else its
 * label: a participant's name, or on one's own messages a label naming no participant ("You sent",
 * localized). Senders found only by their photo join `participants`.
 */
function readMessages(
  doc: Document,
  grid: Element,
  base: URL,
  participants: Person[],
  me: Person | undefined,
): { messages: PageMessage[]; unattributed: boolean } {
  const template = learnPhotoAltTemplate(doc, base);
  const byName = (label: string): Person | undefined =>
    participants.find((participant) => sameText(participant.displayName, label) || sameText(participant.handle, label));
  const byPhoto = (profile: InstagramProfileRef): Person => {
    if (profile.handle === me?.handle) return me;
    const known = participants.find((participant) => participant.handle === profile.handle);
    if (known !== undefined) return known;
    const joined = person(profile);
    participants.push(joined);
    return joined;
  };
  const messages: PageMessage[] = [];
  let unattributed = false;
  const rows = all(grid, unsaved.dmMessageRow.selector).filter(
    (row) => row.querySelector(unsaved.dmMessageRow.selector) === null,
  );
  for (const row of rows) {
    const label = row.querySelector(unsaved.dmSenderLabel.selector);
    const labelText = visibleText(label);
    const photoProfile = profileInside(row, base, template);
    const text = leafTexts(row, (element) => label?.contains(element) === true).join(' ');
    // Rows with no sender (no label, no photo) are day separators and notices, not messages.
    if (text === '' || (labelText === '' && photoProfile === undefined)) continue;
    const author = photoProfile !== undefined ? byPhoto(photoProfile) : (byName(labelText) ?? me);
    if (author === undefined) {
      unattributed = true;
      continue;
    }
    const message: PageMessage = { author, direction: directionOf(author, me), text };
    const at = isoTime(row.querySelector(selectors.machineTime.selector));
    if (at !== undefined) message.at = at;
    messages.push(message);
  }
  return { messages, unattributed };
}

function readConversation(
  doc: Document,
  base: URL,
  threadId: string,
  me: Person | undefined,
  context: PageContext,
): void {
  const { misses } = context;
  const grid = doc.querySelector(unsaved.dmMessageList.selector);
  const composer = findComposer(doc);
  const pane = grid === null ? null : ((composer === null ? null : commonAncestor([grid, composer])) ?? grid.parentElement);
  const participants = grid === null || pane === null ? [] : threadParticipants(pane, grid, base, me);
  const { messages, unattributed } =
    grid === null ? { messages: [], unattributed: false } : readMessages(doc, grid, base, participants, me);
  context.conversation = { threadKey: dmThreadKey(threadId), participants, messages };
  if (participants.length === 1) context.person = participants[0];
  if (participants.length === 0) misses.push(instagramMisses.conversationParticipants);
  if (unattributed) misses.push(instagramMisses.messageAuthor);
  if (messages.length === 0) misses.push(instagramMisses.conversationMessages);
}

function readInbox(doc: Document, base: URL, context: PageContext): void {
  const { misses } = context;
  const template = learnPhotoAltTemplate(doc, base);
  const rows: NonNullable<PageContext['inbox']> = [];
  const seen = new Set<string>();
  let personMissing = false;
  for (const link of all(doc, unsaved.inboxThreadLink.selector)) {
    const route = routeOfHref(link.getAttribute('href'), base);
    if (route?.kind !== 'conversation' || seen.has(route.threadId)) continue;
    seen.add(route.threadId);
    const profile = profileInside(link, base, template);
    if (profile === undefined) {
      personMissing = true;
      continue;
    }
    const [name, ...rest] = leafTexts(link, (element) => element.closest('time, abbr') !== null);
    const excerpt = collapseWhitespace(rest.join(' ').replace(/^[\s·•]+|[\s·•]+$/g, ''));
    const row: NonNullable<PageContext['inbox']>[number] = {
      threadKey: dmThreadKey(route.threadId),
      person: person(profile, name),
      excerpt,
      unread: false,
    };
    const at = isoTime(link.querySelector(selectors.machineTime.selector));
    if (at !== undefined) row.at = at;
    rows.push(row);
  }
  context.inbox = rows;
  if (personMissing) misses.push(instagramMisses.inboxPerson);
  if (rows.length === 0) misses.push(instagramMisses.inboxRows);
  else misses.push(instagramMisses.inboxUnread);
}

// ---------------------------------------------------------------- the page

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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export const instagram: SiteAdapter = {
  site: 'instagram',
  matches: matchesInstagram,
  read(doc, url) {
    try {
      return readPage(doc, url);
    } catch (error) {
      return { site: 'instagram', kind: 'other', misses: [`read.error: ${describeError(error)}`] };
    }
  },
  composer: findComposer,
  insertText: insertTextIntoEditor,
};
