/**
 * X URLs: which hosts are X, what kind of page a URL (or a link on a page) is and the ids in it,
 * the canonical identity of a handle, and the thread keys of posts and DM conversations. No DOM here.
 */

import { pathSegments } from '@/lib/sites/shared/dom-query';

const CANONICAL_ORIGIN = 'https://x.com';

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

/**
 * A handle as a regular expression source: letters, digits and underscores; 15 today, longer for a
 * few accounts of 2006–2009. Every pattern that reads a handle (URLs, "@handle" lines, titles) uses it.
 */
export const HANDLE_PATTERN = '[A-Za-z0-9_]{1,20}';
const HANDLE = new RegExp(`^${HANDLE_PATTERN}$`);
export const STATUS_ID = /^\d{1,25}$/;

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

export type XStatusRoute = Extract<XRoute, { kind: 'status' }>;

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
  const [first, ...rest] = pathSegments(url);
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

/** A URL, or a link on an X page (site-relative links resolve against x.com), when it is on X; else undefined. */
function xUrlOf(href: URL | string | null): URL | undefined {
  if (href === null) return undefined;
  try {
    const url = typeof href === 'string' ? new URL(href, CANONICAL_ORIGIN) : href;
    return matchesX(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The kind of page a link on an X page leads to ('other' for links elsewhere and broken ones). */
export function routeOfHref(href: URL | string | null): XRoute {
  const url = xUrlOf(href);
  return url === undefined ? { kind: 'other' } : routeXUrl(url);
}

/** The profile an X link points at (`/Jason`, `https://twitter.com/jason/`), only when it is a profile's own URL. */
export function parseXProfileUrl(url: URL | string): XProfileRef | undefined {
  const route = routeOfHref(url);
  return route.kind === 'profile' ? route.profile : undefined;
}

/** A link to a profile itself (`/jason`, `https://x.com/Jason`), not to its tabs or photo; else undefined. */
export function profileOfHref(href: string | null): XProfileRef | undefined {
  const url = xUrlOf(href);
  const segments = url === undefined ? [] : pathSegments(url);
  return segments.length === 1 && segments[0] !== undefined ? xProfileRef(segments[0]) : undefined;
}

/** The post an X link points at: its author as written in the link and its id. */
export function parseStatusHref(href: string | null): { profile: XProfileRef; statusId: string } | undefined {
  const route = routeOfHref(href);
  return route.kind === 'status' && route.profile !== undefined
    ? { profile: route.profile, statusId: route.statusId }
    : undefined;
}
