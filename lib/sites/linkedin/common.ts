/**
 * What every LinkedIn page reader shares: URLs and handles, the ids LinkedIn puts in URLs and
 * `data-*` attributes (and the times some of them carry), small DOM helpers and member photos.
 * No selectors here: they live in linkedin.selectors.ts.
 */
import { absoluteHttpUrl, pathSegments, safeDecodeURIComponent } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import type { Person } from '../types';
import { UNKNOWN_HANDLE } from '@/lib/sites/shared/unknown-person';

export const CANONICAL_ORIGIN = 'https://www.linkedin.com';

/** Stable names of what the adapter looked for and did not find. */
export const linkedinMisses = {
  pageKind: 'page.kind',
  topCard: 'profile.topCard',
  name: 'profile.name',
  headline: 'profile.headline',
  avatar: 'profile.avatar',
  me: 'me',
  /** The signed-in account is known by its member id only (a fragment without the nav or API data). */
  meName: 'me.name',
  participants: 'conversation.participants',
  messages: 'conversation.messages',
  messageAuthor: 'message.author',
  postAuthor: 'post.author',
  postText: 'post.text',
  comments: 'comments',
  commentAuthor: 'comment.author',
  /** A list page (feed, notifications, messaging list) with no row at all. */
  inbox: 'inbox',
  /** A feed post or notification whose author could not be read. */
  inboxPerson: 'inbox.person',
  /** A messaging list row with no link to its thread. */
  inboxThreadKey: 'inbox.threadKey',
  /** A Sales Navigator lead page that does not link the lead's LinkedIn profile. */
  leadProfileLink: 'lead.profileLink',
} as const;

// ---------------------------------------------------------------- URLs and handles

/** linkedin.com and any subdomain of it (www., se., de., m.…), https only. */
export function matchesLinkedIn(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  return url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com');
}

export interface ProfileRef {
  /** The slug percent-decoded, Unicode-normalized and lower-cased: one identity per person. */
  handle: string;
  /** https://www.linkedin.com/in/<slug>/ with the slug's case kept (member-id slugs are case-sensitive). */
  profileUrl: string;
}

function cleanSlug(rawSlug: string): string {
  return safeDecodeURIComponent(rawSlug).normalize('NFC').trim();
}

/** Builds the canonical identity of a profile slug as it appears in a URL path (encoded or not). */
export function profileRefFromSlug(rawSlug: string): ProfileRef | undefined {
  const slug = cleanSlug(rawSlug);
  if (slug === '') return undefined;
  return {
    handle: slug.toLowerCase(),
    profileUrl: `${CANONICAL_ORIGIN}/in/${encodeURIComponent(slug)}/`,
  };
}

export type LinkedInRoute =
  | { kind: 'profile'; profile: ProfileRef }
  /** A page under a profile that is not the profile itself (activity, details lists…). */
  | { kind: 'profile-subpage'; profile: ProfileRef }
  | { kind: 'other' };

/**
 * Overlays (contact info, about this profile, photo…) open over the profile and change the URL
 * to /in/<slug>/overlay/…; the profile is still the page.
 */
const PROFILE_OVERLAY_SEGMENT = 'overlay';

/** Whether a URL is a profile, a page under a profile, or something else. */
export function routeLinkedInUrl(url: URL): LinkedInRoute {
  const [first, slug, ...rest] = pathSegments(url);
  if (first?.toLowerCase() !== 'in' || slug === undefined) return { kind: 'other' };
  const profile = profileRefFromSlug(slug);
  if (profile === undefined) return { kind: 'other' };
  const isProfileItself = rest.length === 0 || rest[0]?.toLowerCase() === PROFILE_OVERLAY_SEGMENT;
  return { kind: isProfileItself ? 'profile' : 'profile-subpage', profile };
}

function linkedInUrl(url: URL | string): URL | undefined {
  try {
    const parsed = typeof url === 'string' ? new URL(url, CANONICAL_ORIGIN) : url;
    return matchesLinkedIn(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The profile a LinkedIn URL (absolute or site-relative) points at, whatever the page under it. */
export function parseProfileUrl(url: URL | string): ProfileRef | undefined {
  const parsed = linkedInUrl(url);
  if (parsed === undefined) return undefined;
  const route = routeLinkedInUrl(parsed);
  return route.kind === 'other' ? undefined : route.profile;
}

/** Pages of organisations that can write posts and comments, like members. */
const ORGANIZATION_SEGMENTS = new Set(['company', 'school', 'showcase']);

/**
 * The member or organisation a link points at. Members are their /in/ slug as everywhere; an
 * organisation's handle keeps its kind ('company/diversepro') so that it never meets a member's.
 */
export function entityRefFromUrl(url: URL | string): ProfileRef | undefined {
  const parsed = linkedInUrl(url);
  if (parsed === undefined) return undefined;
  const [first, slug] = pathSegments(parsed);
  const kind = first?.toLowerCase();
  if (kind === 'in') return parseProfileUrl(parsed);
  if (kind === undefined || slug === undefined || !ORGANIZATION_SEGMENTS.has(kind)) return undefined;
  const clean = cleanSlug(slug);
  if (clean === '') return undefined;
  return {
    handle: `${kind}/${clean.toLowerCase()}`,
    profileUrl: `${CANONICAL_ORIGIN}/${kind}/${encodeURIComponent(clean)}/`,
  };
}

/** The entity a link element points at (its `href` resolved against LinkedIn). */
export function entityRefFromLink(link: Element): ProfileRef | undefined {
  const href = link.getAttribute('href');
  return href === null ? undefined : entityRefFromUrl(href.trim());
}

/** The first link in `root` to a member or organisation, outside the parts matched by `exclude`. */
export function firstEntityLink(root: Element, exclude?: string): { link: Element; ref: ProfileRef } | undefined {
  for (const link of root.querySelectorAll('a[href]')) {
    const excluded = exclude === undefined ? null : link.closest(exclude);
    if (excluded !== null && root.contains(excluded)) continue;
    const ref = entityRefFromLink(link);
    if (ref !== undefined) return { link, ref };
  }
  return undefined;
}

/** Organisation handles carry their kind ('company/…'); member handles never contain '/'. */
export function isMemberHandle(handle: string): boolean {
  return !handle.includes('/');
}

export { UNKNOWN_HANDLE };

/** Where a person is shown by name only (LinkedIn Member rows, messaging list rows, which never link the profile). */
export function nameOnlyPerson(displayName: string): Person {
  return { handle: UNKNOWN_HANDLE, profileUrl: '', displayName };
}

// ---------------------------------------------------------------- identities

/**
 * LinkedIn names a member by a vanity slug, by an encoded member id (ACoAA…, the same one in
 * `/in/ACoAA…` links and in `urn:li:fs_miniProfile:` / `urn:li:fsd_profile:` URNs) or by both.
 * Two appearances are the same member when any of these keys meet.
 */
const MEMBER_URN = /urn:li:(?:fs_miniProfile|fsd_profile|fs_profile|fs_normalized_profile):([A-Za-z0-9_-]+)/g;
const MEMBER_ID = /^acoa[a-z0-9_-]{20,}$/;

/** The encoded member ids in URNs found in a string (an attribute value, a URL). */
export function memberIdsIn(text: string): string[] {
  return Array.from(safeDecodeURIComponent(text).matchAll(MEMBER_URN), (match) => match[1] ?? '').filter(
    (id) => id !== '',
  );
}

/** Every key that names this member: its handle, and its member ids wherever the page gives them. */
export function identityKeys(handle: string, memberIds: Iterable<string> = []): Set<string> {
  const keys = new Set([`handle:${handle}`]);
  if (MEMBER_ID.test(handle)) keys.add(`id:${handle}`);
  for (const id of memberIds) keys.add(`id:${id.toLowerCase()}`);
  return keys;
}

/** The member ids carried by an element's links and hovercard attributes. */
export function memberIdsOf(elements: Iterable<Element>): string[] {
  const ids: string[] = [];
  for (const element of elements) {
    for (const attribute of ['href', 'data-entity-hovercard-id', 'data-member-urn']) {
      const value = element.getAttribute(attribute);
      if (value !== null) ids.push(...memberIdsIn(value));
    }
  }
  return ids;
}

export function sharesKey(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

// ---------------------------------------------------------------- ids and the times they carry

const EARLIEST_PLAUSIBLE = Date.UTC(2003, 0, 1); // LinkedIn opened in May 2003
const LATEST_PLAUSIBLE = Date.UTC(2100, 0, 1);

function isoIfPlausible(ms: number): string | undefined {
  return Number.isFinite(ms) && ms >= EARLIEST_PLAUSIBLE && ms < LATEST_PLAUSIBLE
    ? new Date(ms).toISOString()
    : undefined;
}

/**
 * Activity, share, ugcPost and comment ids are 64-bit ids whose top 41 bits are the creation time
 * in Unix milliseconds (id >> 22). The page shows only "8h" or "1mo"; the id is the machine time.
 */
export function timeFromActivityId(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  return isoIfPlausible(Number(BigInt(id) >> 22n));
}

/** A `<time datetime>` value as ISO 8601 UTC, or undefined when absent or not a date. */
export function isoFromDatetime(value: string | null): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function decodeBase64(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}

function encodeBase64(text: string): string | undefined {
  try {
    return btoa(text);
  } catch {
    return undefined;
  }
}

/**
 * Messenger ids are '2-' + base64. A conversation id decodes to '<uuid>_<shard>'; a message id to
 * '<sent at, Unix ms>b<random>-<n>', followed on some generations by '&<uuid>_<shard>' of its
 * conversation. Anything else decodes to nothing here.
 */
export interface MessengerMessageId {
  sentAt?: string;
  /** The '2-…' id of the conversation, when the message id carries it. */
  conversationId?: string;
}

const MESSAGE_ID_PAYLOAD = /^(\d{13})b[0-9a-zA-Z_-]*(?:&([0-9a-zA-Z_-]+))?$/;

export function decodeMessengerMessageId(id: string): MessengerMessageId | undefined {
  if (!id.startsWith('2-')) return undefined;
  const payload = decodeBase64(id.slice(2));
  const match = payload === undefined ? null : MESSAGE_ID_PAYLOAD.exec(payload);
  if (match === null) return undefined;
  const decoded: MessengerMessageId = {};
  const sentAt = isoIfPlausible(Number(match[1]));
  if (sentAt !== undefined) decoded.sentAt = sentAt;
  const conversation = match[2] === undefined ? undefined : encodeBase64(match[2]);
  if (conversation !== undefined) decoded.conversationId = `2-${conversation}`;
  return decoded;
}

/**
 * The id a conversation is known by. A message id that names its conversation (as a link built
 * from a message URN would) gives that conversation's id, so the thread keeps one key whichever
 * of its messages was used to reach it.
 */
export function canonicalThreadId(rawId: string): string {
  const id = safeDecodeURIComponent(rawId).trim();
  return decodeMessengerMessageId(id)?.conversationId ?? id;
}

/** `urn:li:msg_message:(urn:li:fsd_profile:<mailbox owner>,<message id>)` (2022 on). */
const MESSENGER_MESSAGE_URN = /^urn:li:msg_message:\(urn:li:fsd_profile:([A-Za-z0-9_-]+),([^)]+)\)$/;
/** `urn:li:fs_event:(<thread id>,<event id>)` (the messaging generation before it). */
const LEGACY_EVENT_URN = /^urn:li:fs_event:\(([^,]+),([^)]+)\)$/;

export interface MessageEventUrn {
  /** The member id of the mailbox the message sits in: the signed-in account. */
  mailboxOwnerId?: string;
  messageId: string;
  conversationId?: string;
  sentAt?: string;
}

export function parseMessageEventUrn(urn: string): MessageEventUrn | undefined {
  const trimmed = urn.trim();
  const messenger = MESSENGER_MESSAGE_URN.exec(trimmed);
  if (messenger !== null) {
    const [, owner = '', messageId = ''] = messenger;
    const decoded = decodeMessengerMessageId(messageId);
    return { mailboxOwnerId: owner, messageId, ...decoded };
  }
  const legacy = LEGACY_EVENT_URN.exec(trimmed);
  if (legacy !== null) {
    const [, conversationId = '', messageId = ''] = legacy;
    return { messageId, conversationId: canonicalThreadId(conversationId) };
  }
  return undefined;
}

export type PostUrnType = 'activity' | 'share' | 'ugcPost';

export interface PostRef {
  type: PostUrnType;
  id: string;
}

const POST_URN = /^urn:li:(activity|share|ugcPost):(\d+)$/;
const POST_URN_ANYWHERE = /urn:li:(activity|share|ugcPost):(\d+)/;
const COMMENT_URN_ACTIVITY = /urn:li:comment:\((?:urn:li:)?activity:(\d+),(\d+)\)/;
/** /posts/<author>_<title words>-activity-<id>-<suffix>/ */
const PUBLIC_POST_SLUG = /-(activity|share|ugcPost)-(\d{15,20})(?:-|$)/;

function postRefFrom(type: string | undefined, id: string | undefined): PostRef | undefined {
  if (id === undefined || (type !== 'activity' && type !== 'share' && type !== 'ugcPost')) return undefined;
  return { type, id };
}

/** A post URN exactly (`urn:li:activity:123`), as in `data-urn` or a /feed/update/ path. */
export function parsePostUrn(urn: string): PostRef | undefined {
  const match = POST_URN.exec(safeDecodeURIComponent(urn).trim());
  return postRefFrom(match?.[1], match?.[2]);
}

/** The post a /feed/update/<urn>/ or /posts/…-activity-<id>-…/ URL shows. */
export function postRefFromPath(url: URL): PostRef | undefined {
  const [first, second, third] = pathSegments(url);
  if (first === 'feed' && second === 'update') return third === undefined ? undefined : parsePostUrn(third);
  if (first === 'posts' && second !== undefined) {
    const match = PUBLIC_POST_SLUG.exec(safeDecodeURIComponent(second));
    return postRefFrom(match?.[1], match?.[2]);
  }
  return undefined;
}

/** The post a link leads to: its path, or a post or comment URN in its query (notification links). */
export function postRefFromHref(href: string): PostRef | undefined {
  const url = linkedInUrl(href);
  if (url === undefined) return undefined;
  const fromPath = postRefFromPath(url);
  if (fromPath !== undefined) return fromPath;
  const query = safeDecodeURIComponent(url.search);
  const comment = COMMENT_URN_ACTIVITY.exec(query);
  if (comment !== null) return postRefFrom('activity', comment[1]);
  const post = POST_URN_ANYWHERE.exec(query);
  return postRefFrom(post?.[1], post?.[2]);
}

export interface CommentRef {
  activityId: string;
  commentId: string;
}

/** `urn:li:comment:(activity:<post>,<comment>)` and the 2024 `(urn:li:activity:…)` spelling. */
export function parseCommentUrn(text: string): CommentRef | undefined {
  const match = COMMENT_URN_ACTIVITY.exec(safeDecodeURIComponent(text));
  const [, activityId, commentId] = match ?? [];
  return activityId === undefined || commentId === undefined ? undefined : { activityId, commentId };
}

export function postThreadKey(post: PostRef): string {
  return `linkedin:post:${post.id}`;
}

export function conversationThreadKey(threadId: string): string {
  return `linkedin:thread:${threadId}`;
}

// ---------------------------------------------------------------- small DOM helpers

export function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

/** The URL the document was loaded at, if it is one. */
export function documentUrl(doc: Document): URL | undefined {
  try {
    return new URL(doc.URL);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- photos

const STATIC_ASSET_HOST = /^static(-exp\d+)?\.licdn\.com$/;

function looksLikeGhost(img: Element): boolean {
  return Array.from(img.classList).some((name) => name.toLowerCase().includes('ghost'));
}

function isStaticAsset(url: string): boolean {
  return STATIC_ASSET_HOST.test(new URL(url).hostname);
}

/**
 * The URL of a member's own photo, or undefined for placeholders: blank data: images, "ghost"
 * silhouettes (private or missing photos) and LinkedIn's static placeholder assets. Lazy images
 * may still show the placeholder in `src` with the photo waiting in `data-delayed-url`.
 */
export function memberPhotoUrl(img: Element): string | undefined {
  if (looksLikeGhost(img)) return undefined;
  const doc = img.ownerDocument;
  const ghostUrl = absoluteHttpUrl(img.getAttribute('data-ghost-url'), doc);
  for (const attribute of ['src', 'data-delayed-url']) {
    const url = absoluteHttpUrl(img.getAttribute(attribute), doc);
    if (url !== undefined && url !== ghostUrl && !isStaticAsset(url)) return url;
  }
  return undefined;
}

/** The first member photo among images. */
export function firstPhoto(images: Iterable<Element>): string | undefined {
  for (const img of images) {
    const url = memberPhotoUrl(img);
    if (url !== undefined) return url;
  }
  return undefined;
}
