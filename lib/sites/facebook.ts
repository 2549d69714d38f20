import { z } from 'zod';
import { collapseWhitespace, isEmojiText, isHiddenFromPeople, isInsideHidden, SCREEN_READER_ONLY_CLASSES } from './dom-text';
import {
  facebookHiddenClasses as hiddenClasses,
  facebookSelectors as selectors,
  facebookUnsavedPageSelectors as unsavedSelectors,
} from './facebook.selectors';
import {
  dmThreadKey,
  FACEBOOK_ORIGIN,
  matchesFacebook,
  parsePostUrl,
  parseProfileUrl,
  parseThreadUrl,
  postThreadKey,
  profileRefFromId,
  routeFacebookUrl,
  threadUrl,
  type FacebookRoute,
  type ProfileRef,
} from './facebook-urls';
import { insertTextIntoEditor } from './insert-text';
import type { PageContext, Person, SiteAdapter } from './types';

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
  safeDecodeURIComponent,
  threadUrl,
  type FacebookRoute,
  type ProfileRef,
} from './facebook-urls';

/** Stable names of what the adapter looked for and did not find. */
export const facebookMisses = {
  pageKind: 'page.kind',
  /** A post known only by its pfbid token: no numeric story id in the URL or the page. */
  postId: 'post.id',
  postAuthor: 'post.author',
  postText: 'post.text',
  postAt: 'post.at',
  /** No comments area where the markup generation has one. */
  comments: 'comments',
  /** Comments whose author link or name is missing (they are left out). */
  commentAuthor: 'comments.author',
  /** Comments without a machine time where the generation carries one. */
  commentsAt: 'comments.at',
  /** An inbox page (chat list, posts list) without any row. */
  inbox: 'inbox',
  /** Inbox rows without an author link or a post id (they are left out). */
  inboxAuthor: 'inbox.author',
  /** A posts list whose Page or person has no readable name. */
  profileName: 'profile.name',
  /** A thread without the other party's name. */
  conversationPerson: 'conversation.person',
  /** A thread with no message rows. */
  conversationMessages: 'conversation.messages',
  me: 'me',
} as const;

// ---------------------------------------------------------------- text as people read it

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a line (as in dom-text's visibleText). */
const LINE_BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

const SCREEN_READER_ONLY = [...SCREEN_READER_ONLY_CLASSES, hiddenClasses.screenReaderOnly];

interface ShownTextOptions {
  /** Elements left out with everything inside them (controls such as "See more", a name link). */
  skip?: (element: Element) => boolean;
}

/** Whether the cut text around or inside `node` has been expanded ("See more" clicked). */
function isExpanded(node: Element): boolean {
  const root = node.closest(`.${hiddenClasses.exposedRoot}`) ?? node.querySelector(`.${hiddenClasses.exposedRoot}`);
  return root?.classList.contains(hiddenClasses.exposed) ?? false;
}

function collectShown(node: Node, hidden: readonly string[], skip: ShownTextOptions['skip'], parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (isHiddenFromPeople(element, { hiddenClasses: hidden }) || skip?.(element) === true) return;
  if (element.localName === 'img') {
    const alt = element.getAttribute('alt') ?? '';
    if (isEmojiText(alt)) parts.push(alt.trim());
    return;
  }
  const breaksLine = LINE_BREAKING.has(element.localName);
  if (breaksLine) parts.push(' ');
  for (let child = element.firstChild; child !== null; child = child.nextSibling) collectShown(child, hidden, skip, parts);
  if (breaksLine) parts.push(' ');
}

/**
 * The text a person reads in `node`: dom-text's rules (hidden parts out, emoji images in,
 * whitespace collapsed), plus Facebook's own: screen-reader-only `accessible_elem`, the hidden tail
 * of a cut text (or its "…" once expanded), the "See more" link, and whatever `skip` names.
 */
export function shownText(node: Element | null | undefined, options: ShownTextOptions = {}): string {
  if (node === null || node === undefined) return '';
  const hidden = [
    ...SCREEN_READER_ONLY,
    hiddenClasses.seeMore,
    isExpanded(node) ? hiddenClasses.expandControls : hiddenClasses.collapsedTail,
  ];
  const parts: string[] = [];
  collectShown(node, hidden, options.skip, parts);
  // One code point sequence per text (the same letters typed or pasted differently compare equal).
  return collapseWhitespace(parts.join('')).normalize('NFC');
}

const isControl = (element: Element): boolean => element.getAttribute('role') === 'button';

// ---------------------------------------------------------------- small DOM helpers

const selectorListParts = new Map<string, string[]>();

/** A selector list split at its top-level commas (not inside brackets, parentheses or quotes). */
function selectorParts(list: string): string[] {
  const known = selectorListParts.get(list);
  if (known !== undefined) return known;
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < list.length; index += 1) {
    const char = list[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth += 1;
    else if (char === ']' || char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(list.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(list.slice(start).trim());
  selectorListParts.set(list, parts);
  return parts;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return (a.compareDocumentPosition(b) & 4) !== 0 ? -1 : 1;
}

/**
 * Every match in document order. A list is queried one selector at a time: the same result, and
 * several times faster in jsdom, whose engine scans the whole tree once per list member anyway.
 */
function all(root: ParentNode, selector: string): Element[] {
  const parts = selectorParts(selector);
  if (parts.length === 1) return Array.from(root.querySelectorAll(selector));
  const lists = parts.map((part) => Array.from(root.querySelectorAll(part))).filter((list) => list.length > 0);
  if (lists.length <= 1) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort(documentOrder);
}

/** The first match in document order (see `all`). */
function first(root: ParentNode, selector: string): Element | null {
  let earliest: Element | null = null;
  for (const part of selectorParts(selector)) {
    const match = root.querySelector(part);
    if (match !== null && (earliest === null || documentOrder(match, earliest) < 0)) earliest = match;
  }
  return earliest;
}

function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

/** The first match inside `root` that is not inside an `outside` region within `root`. */
function firstOutside(root: Element, selector: string, outside: string): Element | undefined {
  return all(root, selector).find((element) => {
    const region = element.closest(outside);
    return region === null || !root.contains(region) || region === root;
  });
}

function isoFromUnixSeconds(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || !/^\d{9,11}$/.test(value.trim())) return undefined;
  const date = new Date(Number(value.trim()) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function decodeBase64(text: string): string | undefined {
  try {
    return globalThis.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}

/** The href of a link resolved against the page, or undefined. */
function hrefOf(link: Element | null | undefined, base: string): string | undefined {
  const href = link?.getAttribute('href');
  if (href === null || href === undefined || href.trim() === '' || href.trim() === '#') return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the page being read

/**
 * One read of one page: the document, its URL, and what is costly to compute once (the script
 * texts the page embeds). Nothing outlives the read.
 */
class PageScope {
  private scriptTexts: string[] | undefined;

  constructor(
    readonly doc: Document,
    readonly url: URL,
  ) {}

  get base(): string {
    return this.doc.baseURI || this.url.href;
  }

  /** Texts of inline scripts (application/json data and classic inline requires). */
  scripts(): string[] {
    this.scriptTexts ??= all(this.doc, 'script:not([src])')
      .map((script) => script.textContent)
      .filter((text) => text.length > 0);
    return this.scriptTexts;
  }

  /** Every match of `pattern` (global) across the scripts whose text includes `marker`. */
  *scriptMatches(marker: string, pattern: RegExp): Generator<RegExpExecArray> {
    for (const text of this.scripts()) {
      if (!text.includes(marker)) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) yield match;
    }
  }

  person(ref: ProfileRef, displayName: string): Person {
    return { handle: ref.handle, profileUrl: ref.profileUrl, displayName: collapseWhitespace(displayName) };
  }

  /** The person a link points at, named by `name` or the link's own text. */
  personFromLink(link: Element | null | undefined, name?: string): Person | undefined {
    const href = hrefOf(link, this.base);
    const ref = href === undefined ? undefined : parseProfileUrl(href, this.base);
    if (ref === undefined || link === null || link === undefined) return undefined;
    return this.person(ref, name ?? (shownText(link) || (link.getAttribute('title') ?? link.getAttribute('aria-label') ?? '')));
  }
}

// ---------------------------------------------------------------- the signed-in account

interface Me {
  person: Person;
  /** Every handle the account is known by on this page (username and numeric id). */
  handles: Set<string>;
}

const currentUserData = z.object({
  USER_ID: z.string(),
  NAME: z.string().optional().catch(undefined),
  SHORT_NAME: z.string().nullable().optional().catch(undefined),
});

/** `["CurrentUserInitialData",[],{"USER_ID":"…","NAME":"…",…},…]`, in Comet, Messenger and classic pages. */
function currentUser(page: PageScope): z.infer<typeof currentUserData> | undefined {
  for (const match of page.scriptMatches('CurrentUserInitialData', /"CurrentUserInitialData",\[\],(\{[^{}]*\})/g)) {
    const data = currentUserData.safeParse(parseJson(match[1] ?? ''));
    if (data.success && /^\d+$/.test(data.data.USER_ID) && data.data.USER_ID !== '0') return data.data;
  }
  return undefined;
}

function unescapeJsonString(raw: string): string | undefined {
  const value = parseJson(`"${raw}"`);
  return typeof value === 'string' ? value : undefined;
}

/** The account's username, from an embedded object `{"id":"<id>",…,"url":"https://www.facebook.com/<username>"}`. */
function usernameOf(page: PageScope, id: string): ProfileRef | undefined {
  const pattern = new RegExp(`"id":"${id}"[^{}]*?"(?:url|profile_url)":"((?:[^"\\\\]|\\\\.)*)"`, 'g');
  for (const match of page.scriptMatches(`"id":"${id}"`, pattern)) {
    const url = unescapeJsonString(match[1] ?? '');
    const ref = url === undefined ? undefined : parseProfileUrl(url);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

function readMe(page: PageScope): Me | undefined {
  const user = currentUser(page);
  if (user !== undefined) {
    const ref = usernameOf(page, user.USER_ID) ?? profileRefFromId(user.USER_ID);
    return {
      person: page.person(ref, user.NAME ?? user.SHORT_NAME ?? ''),
      handles: new Set([ref.handle, user.USER_ID]),
    };
  }
  // Classic blue bar: the link to the account's own profile, named by its short name.
  const link = page.doc.querySelector(unsavedSelectors.classicAccountLink.selector);
  const person = page.personFromLink(link);
  if (person === undefined || link === null) return undefined;
  const photoName = link.querySelector('img[alt]')?.getAttribute('alt')?.trim();
  if (person.displayName === '' && photoName !== undefined) person.displayName = photoName;
  return { person, handles: new Set([person.handle]) };
}

function directionOf(author: Person, me: Me | undefined): 'in' | 'out' {
  return me?.handles.has(author.handle) === true ? 'out' : 'in';
}

// ---------------------------------------------------------------- embedded times and ids (Comet)

/** The legacy numeric id of a comment id: `Y29tbWVudDo…` is base64 of `comment:<post id>_<comment id>`. */
function legacyCommentId(id: string): string | undefined {
  if (/^\d+$/.test(id)) return id;
  const decoded = decodeBase64(id);
  return decoded === undefined ? undefined : /^comment:\d+_(\d+)$/.exec(decoded)?.[1];
}

/** The post a comment id belongs to. */
function postIdOfComment(id: string): string | undefined {
  const decoded = decodeBase64(id);
  return decoded === undefined ? undefined : /^comment:(\d+)_\d+$/.exec(decoded)?.[1];
}

/** Comment times the page embeds (the timestamp action link: `{"id":"<comment id>","created_time":<unix>`). */
function embeddedCommentTimes(page: PageScope): Map<string, string> {
  const times = new Map<string, string>();
  for (const match of page.scriptMatches('"created_time"', /\{"id":"([A-Za-z0-9+/=_-]+)","created_time":(\d{9,11})\b/g)) {
    const id = legacyCommentId(match[1] ?? '');
    const at = isoFromUnixSeconds(match[2]);
    if (id !== undefined && at !== undefined && !times.has(id)) times.set(id, at);
  }
  return times;
}

/** The creation time of the story whose permalink is `permalink` (`{"creation_time":<unix>,…,"url":"<permalink>"}`). */
function embeddedStoryTime(page: PageScope, permalink: FacebookRoute & { kind: 'post' }): string | undefined {
  for (const match of page.scriptMatches('"creation_time"', /"creation_time":(\d{9,11}),[^{}]*?"url":"((?:[^"\\]|\\.)*)"/g)) {
    const url = unescapeJsonString(match[2] ?? '');
    const route = url === undefined ? undefined : parsePostUrl(url);
    if (route === undefined) continue;
    const same =
      (route.postId !== undefined && route.postId === permalink.postId) ||
      (route.token !== undefined && route.token === permalink.token);
    if (same) return isoFromUnixSeconds(match[1]);
  }
  return undefined;
}

/** The one story id a single-post page embeds (`"post_id":"<id>"`), if it names exactly one. */
function embeddedPostId(page: PageScope): string | undefined {
  const ids = new Set<string>();
  for (const match of page.scriptMatches('"post_id"', /"post_id":"(\d+)"/g)) if (match[1] !== undefined) ids.add(match[1]);
  return ids.size === 1 ? [...ids][0] : undefined;
}

// ---------------------------------------------------------------- stories (posts) of every generation

interface Comment {
  author: Person;
  text: string;
  at?: string;
}

interface Story {
  author?: Person;
  text?: string;
  at?: string;
  /** Numeric story id. */
  postId?: string;
  /** pfbid token, where no numeric id is known. */
  token?: string;
  comments: Comment[];
  /** Whether the generation has a comments area and it was found. */
  commentsFound: boolean;
  /** Comments left out for want of an author. */
  commentsWithoutAuthor: number;
  /** Whether this generation carries comment times (classic, Comet). */
  commentTimesExpected: boolean;
}

type Generation = 'classic' | 'mobile' | 'comet';

const CLASSIC_COMMENTS_AREA = selectors.classicComments.selector;

function classicComment(page: PageScope, comment: Element): Comment | undefined {
  const own = (element: Element): boolean => element.closest(selectors.classicComment.selector) === comment;
  const actor = all(comment, selectors.classicCommentActor.selector).find(own);
  const author = page.personFromLink(actor);
  if (author === undefined || actor === undefined) return undefined;
  const body = all(comment, selectors.classicCommentBody.selector).find(own);
  const text = shownText(body, { skip: (element) => element === actor });
  const at = isoFromUnixSeconds(all(comment, selectors.classicTime.selector).find(own)?.getAttribute('data-utime'));
  return at === undefined ? { author, text } : { author, text, at };
}

function readClassicStory(page: PageScope, root: Element): Story {
  const actor = firstOutside(root, selectors.classicActorLink.selector, CLASSIC_COMMENTS_AREA);
  const text = firstOutside(root, selectors.classicText.selector, CLASSIC_COMMENTS_AREA);
  const time = firstOutside(root, selectors.classicTime.selector, CLASSIC_COMMENTS_AREA);
  const story: Story = {
    comments: [],
    commentsFound: first(root, CLASSIC_COMMENTS_AREA) !== null,
    commentsWithoutAuthor: 0,
    commentTimesExpected: true,
  };
  const author = page.personFromLink(actor);
  if (author !== undefined) story.author = author;
  if (text !== undefined) story.text = shownText(text);
  const at = isoFromUnixSeconds(time?.getAttribute('data-utime'));
  if (at !== undefined) story.at = at;
  // The comment form's story id is the story's own (a photo story's timestamp links to the photo).
  const formId = root.querySelector(selectors.classicStoryId.selector)?.getAttribute('value')?.trim() ?? '';
  const permalink = parsePostUrl(hrefOf(time?.closest('a'), page.base) ?? '', page.base);
  if (/^\d+$/.test(formId)) story.postId = formId;
  else if (permalink?.postId !== undefined) story.postId = permalink.postId;
  else if (permalink?.token !== undefined) story.token = permalink.token;
  for (const element of all(root, selectors.classicComment.selector)) {
    const comment = classicComment(page, element);
    if (comment === undefined) story.commentsWithoutAuthor += 1;
    else story.comments.push(comment);
  }
  return story;
}

/** A mobile comment: the name is the element just before the body, a link when signed in. */
function mobileComment(page: PageScope, comment: Element): Comment | undefined {
  const own = (element: Element): boolean => element.closest(selectors.mobileComment.selector) === comment;
  const body = all(comment, selectors.mobileCommentBody.selector).find(own);
  const nameElement = body?.previousElementSibling ?? null;
  const name = shownText(nameElement);
  const linked = page.personFromLink(nameElement?.querySelector('a[href]'), name);
  if (linked !== undefined) return { author: linked, text: shownText(body) };
  // Signed out: no link, but the avatar ring's sigil ends with the commenter's numeric id.
  const ring = all(comment, selectors.mobileActorRing.selector).find(own)?.getAttribute('data-sigil') ?? '';
  const id = /^feed_story_ring(\d+)$/.exec(ring.trim())?.[1];
  if (id === undefined || body === undefined) return undefined;
  return { author: page.person(profileRefFromId(id), name), text: shownText(body) };
}

function readMobileStory(page: PageScope, root: Element): Story {
  const inComments = selectors.mobileComments.selector;
  const story: Story = {
    comments: [],
    commentsFound: root.querySelector(inComments) !== null,
    commentsWithoutAuthor: 0,
    commentTimesExpected: false,
  };
  const author = page.personFromLink(firstOutside(root, selectors.mobileActorLink.selector, inComments));
  if (author !== undefined) story.author = author;
  const text = firstOutside(root, selectors.mobileText.selector, inComments);
  if (text !== undefined) story.text = shownText(text);
  const data = root.querySelector(selectors.mobileStoryData.selector)?.getAttribute('data-store') ?? '';
  const postId = /top_level_post_id\.(\d+)/.exec(data)?.[1] ?? /mf_story_key\.(\d+)/.exec(data)?.[1];
  if (postId !== undefined) story.postId = postId;
  const at = isoFromUnixSeconds(/publish_time\\?"?:(\d{9,11})/.exec(data)?.[1]);
  if (at !== undefined) story.at = at;
  for (const element of all(root, selectors.mobileComment.selector)) {
    const comment = mobileComment(page, element);
    if (comment === undefined) story.commentsWithoutAuthor += 1;
    else story.comments.push(comment);
  }
  return story;
}

const ARTICLE = selectors.article.selector;

function ownedBy(element: Element, article: Element): boolean {
  return element.closest(ARTICLE) === article;
}

/** The author link of a Comet post: the article's aria-labelledby heading, then the profile_name hook. */
function cometAuthor(page: PageScope, root: Element): Person | undefined {
  const labelIds = (root.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id !== '');
  const headings = labelIds.map((id) => page.doc.getElementById(id)).filter((element) => element !== null);
  const candidates = [
    ...headings,
    ...all(root, selectors.cometProfileName.selector).filter((element) => ownedBy(element, root)),
    ...all(root, 'h2, h3, h4, strong').filter((element) => ownedBy(element, root)),
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
    if (!ownedBy(block, article)) return false;
    const outer = block.parentElement?.closest('[dir="auto"]') ?? null;
    if (outer !== null && article.contains(outer)) return false;
    if (block.closest('a, [role="button"], h1, h2, h3, h4, h5, h6') !== null) return false;
    return nameLink === undefined || follows(nameLink, block);
  });
}

function cometComment(page: PageScope, article: Element, times: () => Map<string, string>): Comment | undefined {
  const links = all(article, 'a[href]').filter((link) => ownedBy(link, article));
  const profileLinks = links.filter((link) => parseProfileUrl(hrefOf(link, page.base) ?? '', page.base) !== undefined);
  const avatar = profileLinks[0];
  const avatarHandle = parseProfileUrl(hrefOf(avatar, page.base) ?? '', page.base)?.handle;
  // The name link is the avatar's person: a name tagged at the start of the text is someone else.
  const nameLink = profileLinks.find(
    (link) =>
      link.getAttribute('aria-hidden') !== 'true' &&
      shownText(link) !== '' &&
      parseProfileUrl(hrefOf(link, page.base) ?? '', page.base)?.handle === avatarHandle,
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
    const commentId = new URL(hrefOf(link, page.base) ?? FACEBOOK_ORIGIN).searchParams.get('comment_id');
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
function cometPermalink(page: PageScope, root: Element): (FacebookRoute & { kind: 'post' }) | undefined {
  for (const link of all(root, 'a[href]')) {
    if (!ownedBy(link, root)) continue;
    const href = hrefOf(link, page.base);
    if (href === undefined || new URL(href).searchParams.has('comment_id')) continue;
    const route = parsePostUrl(href, page.base);
    if (route !== undefined) return route;
  }
  return undefined;
}

function readCometStory(page: PageScope, root: Element, single: boolean): Story {
  const story: Story = { comments: [], commentsFound: true, commentsWithoutAuthor: 0, commentTimesExpected: true };
  const author = cometAuthor(page, root);
  if (author !== undefined) story.author = author;
  const message = all(root, selectors.cometMessage.selector).find((element) => ownedBy(element, root));
  if (message !== undefined) story.text = shownText(message, { skip: isControl });
  const permalink = cometPermalink(page, root);
  if (permalink?.postId !== undefined) story.postId = permalink.postId;
  else if (permalink?.token !== undefined) story.token = permalink.token;
  if (permalink !== undefined) {
    const at = embeddedStoryTime(page, permalink);
    if (at !== undefined) story.at = at;
  }
  let times: Map<string, string> | undefined;
  const lazyTimes = (): Map<string, string> => (times ??= embeddedCommentTimes(page));
  for (const article of all(root, ARTICLE)) {
    const comment = cometComment(page, article, lazyTimes);
    if (comment === undefined) story.commentsWithoutAuthor += 1;
    else story.comments.push(comment);
  }
  // A comment id names its post (`comment:<post id>_<comment id>`): the page's own markup says which post this is.
  story.postId ??= commentPostIds(page, root)[0];
  if (single && story.postId === undefined && describesThisStory(page, story.token)) {
    const embedded = embeddedPostId(page);
    if (embedded !== undefined) story.postId = embedded;
  }
  return story;
}

/** The posts named by the comment ids of the links in `root`. */
function commentPostIds(page: PageScope, root: Element): string[] {
  return all(root, 'a[href*="comment_id="]')
    .map((link) => new URL(hrefOf(link, page.base) ?? FACEBOOK_ORIGIN).searchParams.get('comment_id') ?? '')
    .map(postIdOfComment)
    .filter((id) => id !== undefined);
}

/**
 * Whether the page's embedded data is about the story with this token. Comet navigates in place: the
 * scripts (and the canonical link) stay those of the first page loaded, so they are trusted for a
 * post's id only when they name the post's own token.
 */
function describesThisStory(page: PageScope, token: string | undefined): boolean {
  return token !== undefined && page.scripts().some((text) => text.includes(token));
}

/** Top-level articles: posts (comments and replies are articles inside them). */
function topLevelArticles(doc: Document): Element[] {
  return all(doc, ARTICLE).filter((article) => article.parentElement?.closest(ARTICLE) === null);
}

function classicStoryRoots(doc: Document): Element[] {
  const wrappers = all(doc, selectors.classicStory.selector);
  const roots = wrappers.length > 0 ? wrappers : all(doc, selectors.classicFeedStory.selector);
  return roots.filter((root) => root.parentElement?.closest(selectors.classicStory.selector) === null);
}

/** Which markup generation the page is, from the first marker found (checked one by one: cheaper). */
function generationOf(doc: Document): Generation | undefined {
  if (first(doc, selectors.mobileStory.selector) !== null) return 'mobile';
  // Classic feed units and UFI rows are articles too: the story wrapper decides first.
  if (first(doc, selectors.classicStory.selector) !== null || first(doc, selectors.classicFeedStory.selector) !== null) {
    return 'classic';
  }
  if (first(doc, ARTICLE) !== null || first(doc, selectors.cometMessage.selector) !== null) return 'comet';
  return undefined;
}

function mobileStoryData(root: Element): string {
  return root.querySelector(selectors.mobileStoryData.selector)?.getAttribute('data-store') ?? '';
}

/** The story a post page is about: the one whose id is the URL's, else the first. */
function readPostStory(page: PageScope, route: FacebookRoute & { kind: 'post' }): Story | undefined {
  const generation = generationOf(page.doc);
  if (generation === 'mobile') {
    const roots = all(page.doc, selectors.mobileStory.selector);
    const wanted = route.postId;
    const root =
      roots.find((candidate) => wanted !== undefined && mobileStoryData(candidate).includes(`top_level_post_id.${wanted}`)) ??
      roots[0];
    return root === undefined ? undefined : readMobileStory(page, root);
  }
  if (generation === 'classic') {
    const roots = classicStoryRoots(page.doc);
    const root =
      roots.find(
        (candidate) =>
          route.postId !== undefined &&
          candidate.querySelector(selectors.classicStoryId.selector)?.getAttribute('value') === route.postId,
      ) ?? roots[0];
    return root === undefined ? undefined : readClassicStory(page, root);
  }
  if (generation === 'comet') {
    const root = cometPostRoot(page, route);
    return root === undefined ? undefined : readCometStory(page, root, true);
  }
  return undefined;
}

/**
 * The article a Comet post page is about. Opened from a feed, the post shows in a dialog over the
 * feed, which stays in the page: the article whose permalink or comment ids are the URL's post
 * first, then an article in a dialog, then the first with a text.
 */
function cometPostRoot(page: PageScope, route: FacebookRoute & { kind: 'post' }): Element | undefined {
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

/** A numeric story id from the page's canonical address (the URL may carry only a pfbid token). */
function canonicalPostId(page: PageScope): string | undefined {
  for (const element of all(page.doc, selectors.canonical.selector)) {
    const href = element.getAttribute('href') ?? element.getAttribute('content') ?? '';
    const id = parsePostUrl(href, page.base)?.postId;
    if (id !== undefined) return id;
  }
  return undefined;
}

function readPostPage(page: PageScope, route: FacebookRoute & { kind: 'post' }, me: Me | undefined, context: PageContext): void {
  const { misses } = context;
  context.kind = 'post';
  const story = readPostStory(page, route);
  // The URL's id first (what the person opened), then the story's own markup, then the canonical
  // address where the page's data is about this post (see describesThisStory).
  const canonical = route.token === undefined || describesThisStory(page, route.token) ? canonicalPostId(page) : undefined;
  const postId = route.postId ?? story?.postId ?? canonical;
  const key = postId ?? route.token ?? story?.token;
  if (postId === undefined) misses.push(facebookMisses.postId);
  // Without an author link, whose post it is still shows in the URL (the name does not).
  const author = story?.author ?? (route.owner === undefined ? undefined : page.person(route.owner, ''));
  if (story?.author === undefined) misses.push(facebookMisses.postAuthor);
  if (story?.text === undefined) misses.push(facebookMisses.postText);
  if (story?.at === undefined) misses.push(facebookMisses.postAt);
  if (story === undefined || !story.commentsFound) misses.push(facebookMisses.comments);
  if (story !== undefined && story.commentsWithoutAuthor > 0) misses.push(facebookMisses.commentAuthor);
  if (story?.commentTimesExpected === true && story.comments.some((comment) => comment.at === undefined)) {
    misses.push(facebookMisses.commentsAt);
  }
  if (author !== undefined) context.person = author;
  if (key === undefined || author === undefined) return;
  context.post = {
    threadKey: postThreadKey(key),
    author,
    text: story?.text ?? '',
    comments: (story?.comments ?? []).map((comment) => ({ ...comment, direction: directionOf(comment.author, me) })),
  };
  if (story?.at !== undefined) context.post.at = story.at;
}

// ---------------------------------------------------------------- a Page's posts list

type InboxRow = NonNullable<PageContext['inbox']>[number];

function storyRow(story: Story): InboxRow | undefined {
  const key = story.postId ?? story.token;
  if (key === undefined || story.author === undefined) return undefined;
  const row: InboxRow = { threadKey: postThreadKey(key), person: story.author, excerpt: story.text ?? '', unread: false };
  if (story.at !== undefined) row.at = story.at;
  return row;
}

/** A visitor post of the classic "Posts by others" box: author, permalink, time, then the text block. */
function visitorPostRow(page: PageScope, item: Element): InboxRow | 'no-author' | undefined {
  const time = item.querySelector(selectors.classicTime.selector);
  const permalink = parsePostUrl(hrefOf(time?.closest('a'), page.base) ?? '', page.base);
  const key = permalink?.postId ?? permalink?.token;
  if (time === null || key === undefined) return undefined;
  const links = all(item, 'a[href]');
  const named = links.find((link) => shownText(link) !== '' && parseProfileUrl(hrefOf(link, page.base) ?? '', page.base) !== undefined);
  const author = page.personFromLink(named);
  if (author === undefined) return 'no-author';
  // The header block holds the avatar, name and time; the text block follows it.
  let header: Element | null = time;
  while (header !== null && header !== item && !header.contains(links[0] ?? time)) header = header.parentElement;
  while (header !== null && header !== item && header.nextElementSibling === null) header = header.parentElement;
  const row: InboxRow = {
    threadKey: postThreadKey(key),
    person: author,
    excerpt: header === null || header === item ? '' : shownText(header.nextElementSibling),
    unread: false,
  };
  const at = isoFromUnixSeconds(time.getAttribute('data-utime'));
  if (at !== undefined) row.at = at;
  return row;
}

function nameFromTitle(doc: Document): string | undefined {
  const og = doc.querySelector(selectors.ogTitle.selector)?.getAttribute('content') ?? '';
  const title = collapseWhitespace(og !== '' ? og : doc.title);
  const name = title.replace(/\s*\|\s*Facebook$/i, '').split(' - ')[0]?.trim() ?? '';
  return name === '' ? undefined : name;
}

function readPostsList(page: PageScope, route: FacebookRoute & { kind: 'posts' }, context: PageContext): void {
  const { misses } = context;
  context.kind = 'inbox';
  const stories: Story[] = [];
  const generation = generationOf(page.doc);
  if (generation === 'classic') stories.push(...classicStoryRoots(page.doc).map((root) => readClassicStory(page, root)));
  else if (generation === 'mobile') stories.push(...all(page.doc, selectors.mobileStory.selector).map((root) => readMobileStory(page, root)));
  else if (generation === 'comet') stories.push(...topLevelArticles(page.doc).map((root) => readCometStory(page, root, false)));
  const rows: InboxRow[] = [];
  let withoutAuthor = 0;
  for (const story of stories) {
    const row = storyRow(story);
    if (row === undefined) withoutAuthor += 1;
    else rows.push(row);
  }
  for (const item of all(page.doc, selectors.classicVisitorPost.selector)) {
    const row = visitorPostRow(page, item);
    if (row === 'no-author') withoutAuthor += 1;
    else if (row !== undefined) rows.push(row);
  }
  const seen = new Set<string>();
  context.inbox = rows.filter((row) => !seen.has(row.threadKey) && seen.add(row.threadKey));
  if (rows.length === 0) misses.push(facebookMisses.inbox);
  if (withoutAuthor > 0) misses.push(facebookMisses.inboxAuthor);
  // Whose list it is: the URL says; the name is the one its own stories show, else the page title.
  const ownStory = stories.find((story) => story.author?.handle === route.owner.handle);
  const name = ownStory?.author?.displayName ?? nameFromTitle(page.doc) ?? '';
  if (name === '') misses.push(facebookMisses.profileName);
  context.person = page.person(route.owner, name);
}

// ---------------------------------------------------------------- Messenger and inbox threads

/** Labels Messenger gives the account's own messages ("You sent"), in a few UI languages. */
const OWN_MESSAGE_LABEL =
  /^(you sent|you replied|you:|envoyé|vous avez envoyé|enviaste|has enviado|du hast gesendet|gesendet|wysłano|wysłałeś|wysłałaś|você enviou|hai inviato|送信済み|あなたが送信)/i;

/** "Messages in conversation with Jane Doe" / "Conversation with Jane Doe" → "Jane Doe" (English UI). */
const CONVERSATION_LABEL = /^(?:messages in )?conversation (?:with|titled) (.+)$/i;

/** Rows of the chat list that the site marks unread (labels and screen-reader text, several languages). */
const UNREAD_LABEL = /\bunread\b|mark as read|non lu|no leído|ungelesen|nieprzeczytan|não lida|non lett|未読/i;

function meFallback(): Person {
  // facebook.com/me/ is the site's own address of the signed-in account.
  return { handle: 'me', profileUrl: `${FACEBOOK_ORIGIN}/me/`, displayName: '' };
}

type ThreadRoute = Extract<FacebookRoute, { kind: 'conversation' }>;

/** The other party known only through the thread (no profile link on the page): the thread is their address. */
function threadPerson(thread: ThreadRoute, name: string): Person {
  return { handle: thread.threadId, profileUrl: threadUrl(thread), displayName: name };
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Top-level `dir="auto"` texts of a region, outside headings, links and controls. */
function autoTexts(region: Element, exclude: (element: Element) => boolean = () => false): string[] {
  return all(region, unsavedSelectors.autoDirText.selector)
    .filter((block) => {
      const outer = block.parentElement?.closest('[dir="auto"]') ?? null;
      if (outer !== null && region.contains(outer)) return false;
      const excluded = block.closest(`${HEADINGS}, a, [role="button"]`);
      return excluded === null || excluded === region || !region.contains(excluded);
    })
    .filter((block) => !exclude(block) && !isInsideHidden(block, region))
    .map((block) => shownText(block, { skip: isControl }))
    .filter((text) => text !== '');
}

interface ThreadParty {
  person: Person;
  /** Names it is labelled by in the thread (compared case-insensitively). */
  names: Set<string>;
}

/** The other party of a thread: the header's profile link and name, else the thread itself. */
function threadPeer(page: PageScope, region: Element, grid: Element | null, thread: ThreadRoute): ThreadParty | undefined {
  const outsideGrid = (element: Element): boolean => grid === null || !grid.contains(element);
  const headerLinks = all(region, 'a[href]').filter(outsideGrid);
  const heading = all(region, HEADINGS).filter(outsideGrid).find((element) => shownText(element) !== '');
  const labelled = [grid?.getAttribute('aria-label'), region.getAttribute('aria-label')]
    .map((label) => CONVERSATION_LABEL.exec(collapseWhitespace(label ?? ''))?.[1])
    .find((name) => name !== undefined);
  for (const link of headerLinks) {
    const name = shownText(link) || (link.getAttribute('aria-label') ?? '');
    const person = page.personFromLink(link, name || (heading === undefined ? labelled : shownText(heading)));
    if (person !== undefined) return { person, names: new Set([person.displayName.toLowerCase()].filter((n) => n !== '')) };
  }
  const name = (heading === undefined ? undefined : shownText(heading)) ?? labelled;
  if (name === undefined || name === '') return undefined;
  return { person: threadPerson(thread, name), names: new Set([name.toLowerCase()]) };
}

interface SenderResolution {
  author: Person;
  direction: 'in' | 'out';
}

function resolveSender(
  page: PageScope,
  row: Element,
  peer: ThreadParty,
  me: Me | undefined,
  previous: SenderResolution | undefined,
): SenderResolution | undefined {
  const linked = all(row, 'a[href]')
    .map((link) => page.personFromLink(link, link.querySelector('img[alt]')?.getAttribute('alt') ?? undefined))
    .find((person) => person !== undefined);
  if (linked !== undefined) {
    const direction = directionOf(linked, me);
    return { author: direction === 'out' && me !== undefined ? me.person : linked, direction };
  }
  const label = all(row, HEADINGS).map((heading) => shownText(heading)).find((text) => text !== '');
  const avatarName = row.querySelector('img[alt]')?.getAttribute('alt')?.trim() ?? '';
  const ownMessage = (): SenderResolution => ({ author: me?.person ?? meFallback(), direction: 'out' });
  if (label !== undefined) {
    const lower = label.toLowerCase();
    if (OWN_MESSAGE_LABEL.test(label) || (me !== undefined && lower === me.person.displayName.toLowerCase())) return ownMessage();
    if ([...peer.names].some((name) => lower === name || lower.startsWith(`${name} `))) return { author: peer.person, direction: 'in' };
    // A one-to-one thread has two parties: a label that is not the other one's name is ours.
    return ownMessage();
  }
  if (avatarName !== '' && peer.names.has(avatarName.toLowerCase())) return { author: peer.person, direction: 'in' };
  return previous;
}

/** The grid's own rows (not rows nested inside a row). */
function messageRows(grid: Element): Element[] {
  const rows = all(grid, unsavedSelectors.row.selector).filter((row) => {
    const outer = row.parentElement?.closest(unsavedSelectors.row.selector) ?? null;
    return outer === null || !grid.contains(outer);
  });
  return rows.length > 0 ? rows : all(grid, unsavedSelectors.messageCell.selector);
}

function threadRegion(doc: Document): Element | undefined {
  const regions = all(doc, unsavedSelectors.threadRegion.selector);
  return regions.find((region) => region.querySelector(unsavedSelectors.threadGrid.selector) !== null) ?? regions[0];
}

function readConversation(page: PageScope, thread: ThreadRoute, me: Me | undefined, context: PageContext): void {
  const { misses } = context;
  context.kind = 'conversation';
  const region = threadRegion(page.doc) ?? page.doc.body;
  const grid = region.querySelector(unsavedSelectors.threadGrid.selector);
  const peer = threadPeer(page, region, grid, thread) ?? { person: threadPerson(thread, ''), names: new Set<string>() };
  if (peer.person.displayName === '') misses.push(facebookMisses.conversationPerson);
  const messages: NonNullable<PageContext['conversation']>['messages'] = [];
  const participants = new Map<string, Person>([[peer.person.handle, peer.person]]);
  let previous: SenderResolution | undefined;
  for (const row of grid === null ? [] : messageRows(grid)) {
    const text = autoTexts(row).join(' ');
    const sender = resolveSender(page, row, peer, me, previous);
    if (sender !== undefined) previous = sender;
    if (text === '') continue;
    const resolved = sender ?? { author: peer.person, direction: 'in' as const };
    if (resolved.direction === 'in' && !participants.has(resolved.author.handle)) participants.set(resolved.author.handle, resolved.author);
    messages.push({ author: resolved.author, direction: resolved.direction, text });
  }
  if (messages.length === 0) misses.push(facebookMisses.conversationMessages);
  context.person = peer.person;
  context.conversation = { threadKey: dmThreadKey(thread.threadId), participants: [...participants.values()], messages };
}

/** The chat list: every link to a thread outside the open thread, one row per thread. */
function readChatList(page: PageScope): InboxRow[] {
  const region = threadRegion(page.doc);
  const grid = region?.querySelector(unsavedSelectors.threadGrid.selector) ?? null;
  const rows: InboxRow[] = [];
  const seen = new Set<string>();
  for (const link of all(page.doc, unsavedSelectors.threadLink.selector)) {
    if (grid?.contains(link) === true) continue;
    const thread = parseThreadUrl(hrefOf(link, page.base) ?? '', page.base);
    if (thread === undefined || seen.has(thread.threadId)) continue;
    seen.add(thread.threadId);
    const row = link.closest(unsavedSelectors.row.selector) ?? link;
    const texts = autoTexts(link);
    const avatar = link.querySelector('img[alt]')?.getAttribute('alt')?.trim() ?? '';
    const name = texts[0] ?? (avatar !== '' ? avatar : (link.getAttribute('aria-label') ?? ''));
    const labels = all(row, '[aria-label]').map((element) => element.getAttribute('aria-label') ?? '');
    const hiddenTexts = all(row, SCREEN_READER_ONLY.map((name) => `.${name}`).join(', ')).map((element) => element.textContent);
    rows.push({
      threadKey: dmThreadKey(thread.threadId),
      person: threadPerson(thread, collapseWhitespace(name)),
      excerpt: texts.slice(1).join(' '),
      unread: [...labels, ...hiddenTexts].some((label) => UNREAD_LABEL.test(label)),
    });
  }
  return rows;
}

// ---------------------------------------------------------------- the page

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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

// ---------------------------------------------------------------- the reply box

const COMPOSERS = [
  unsavedSelectors.lexicalEditor.selector,
  unsavedSelectors.classicEditor.selector,
  unsavedSelectors.mobileEditor.selector,
].join(', ');

/**
 * Where the reply to this page's thread is typed: the post's box (in the post's dialog or story, not
 * a Messenger chat docked at the side), the thread's composer in Messenger; where the page shows
 * several, the one with the focus, else the last (the post's own box comes after the reply boxes
 * opened under comments).
 */
function composerScope(doc: Document): ParentNode {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    return doc;
  }
  const route = routeFacebookUrl(url);
  if (route.kind === 'conversation') {
    const region = threadRegion(doc);
    return region !== undefined && region.querySelector(unsavedSelectors.threadGrid.selector) !== null ? region : doc;
  }
  if (route.kind !== 'post') return doc;
  const page = new PageScope(doc, url);
  const generation = generationOf(doc);
  if (generation === 'comet') {
    const root = cometPostRoot(page, route);
    return root?.closest('[role="dialog"]') ?? root ?? doc;
  }
  if (generation === 'classic') return classicStoryRoots(doc)[0] ?? doc;
  if (generation === 'mobile') return first(doc, selectors.mobileStory.selector) ?? doc;
  return doc;
}

function visibleEditors(scope: ParentNode): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(COMPOSERS)).filter(
    (editor) => !isInsideHidden(editor) && editor.getAttribute('aria-hidden') !== 'true',
  );
}

function findComposer(doc: Document): HTMLElement | null {
  const scoped = visibleEditors(composerScope(doc));
  const editors = scoped.length > 0 ? scoped : visibleEditors(doc);
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[editors.length - 1] ?? null;
}

// ---------------------------------------------------------------- typing into Lexical

function placeCaretAtEnd(target: HTMLElement): void {
  const selection = target.ownerDocument.getSelection();
  if (selection === null) return;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

function runInsertTextCommand(doc: Document, text: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the browser's editing pipeline is what Lexical listens to
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** A paste of plain text, as the clipboard would deliver it; true when the editor took it (preventDefault). */
function pastePlainText(target: HTMLElement, text: string): boolean {
  const view = target.ownerDocument.defaultView;
  if (view === null || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  try {
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    const event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  } catch {
    return false;
  }
}

/** Lexical applies its updates after the event that caused them: wait a task before looking. */
function nextTask(target: HTMLElement): Promise<void> {
  const view = target.ownerDocument.defaultView;
  return new Promise((resolve) => {
    if (view === null) resolve();
    else view.setTimeout(resolve, 0);
  });
}

function isLexicalEditor(target: HTMLElement): boolean {
  return target.closest('[data-lexical-editor="true"]') !== null;
}

/**
 * Lexical (Comet comment box, Messenger composer) keeps its own model of the text and undoes DOM
 * changes it did not make: text goes in through the browser's insertText command with the caret
 * inside the editor, or, where the command does nothing, through a paste event carrying the text.
 * Other editors (classic Draft.js boxes, the mobile textarea) take the generic path.
 */
export async function insertFacebookText(target: HTMLElement, text: string): Promise<void> {
  if (text === '') return;
  if (!isLexicalEditor(target)) {
    await insertTextIntoEditor(target, text);
    return;
  }
  const before = target.textContent;
  target.focus();
  placeCaretAtEnd(target);
  if (runInsertTextCommand(target.ownerDocument, text)) {
    await nextTask(target);
    if (target.textContent !== before) return;
  }
  placeCaretAtEnd(target);
  if (pastePlainText(target, text)) {
    await nextTask(target);
    if (target.textContent !== before) return;
  }
  // Neither registered (no editing command, no clipboard events here): put the text in its last
  // paragraph and announce it, as insertTextIntoEditor's own fallback does.
  appendAtEnd(target, text);
}

const BLOCK_CONTAINERS = new Set(['p', 'div']);

function appendAtEnd(target: HTMLElement, text: string): void {
  let container: Element = target;
  while (container.lastElementChild !== null && BLOCK_CONTAINERS.has(container.lastElementChild.localName)) {
    container = container.lastElementChild;
  }
  // An empty editor holds a placeholder <br> (<p><br></p>): it goes when text arrives.
  const only = container.childNodes.length === 1 ? container.firstChild : null;
  if (only !== null && only.nodeType === ELEMENT_NODE && (only as Element).localName === 'br') only.remove();
  container.append(target.ownerDocument.createTextNode(text));
  placeCaretAtEnd(target);
  const view = target.ownerDocument.defaultView;
  const init = { bubbles: true, cancelable: false, inputType: 'insertText', data: text };
  target.dispatchEvent(view !== null && typeof view.InputEvent === 'function' ? new view.InputEvent('input', init) : new Event('input', { bubbles: true }));
}

export const facebook: SiteAdapter = {
  site: 'facebook',
  matches: matchesFacebook,
  read(doc, url) {
    try {
      return readPage(doc, url);
    } catch (error) {
      return { site: 'facebook', kind: 'other', misses: [`read.error: ${describeError(error)}`] };
    }
  },
  composer: findComposer,
  insertText: insertFacebookText,
};

