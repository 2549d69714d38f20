/**
 * Instagram URLs: which pages are the app's, what kind of page a URL is and the ids in it, the
 * canonical identity of a handle, and the thread keys of posts and DM threads. No DOM here.
 */

import { pathSegments, safeDecodeURIComponent } from '@/lib/sites/shared/dom-query';

const CANONICAL_ORIGIN = 'https://www.instagram.com';

const HOSTS = new Set(['instagram.com', 'www.instagram.com']);

/** instagram.com and www.instagram.com, https only (help., about., l. and the like are not the app). */
export function matchesInstagram(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
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
  const handle = safeDecodeURIComponent(raw).normalize('NFC').trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE.test(handle) || RESERVED_SEGMENTS.has(handle)) return undefined;
  return { handle, profileUrl: `${CANONICAL_ORIGIN}/${handle}/` };
}

export type InstagramRoute =
  | { kind: 'profile'; profile: InstagramProfileRef }
  | { kind: 'post'; shortcode: string; author?: InstagramProfileRef; commentId?: string }
  | { kind: 'conversation'; threadId: string }
  | { kind: 'inbox' }
  | { kind: 'other' };

export type InstagramPostRoute = Extract<InstagramRoute, { kind: 'post' }>;

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

/** `href` resolved against `base` when it is an Instagram URL; undefined for other sites and non-URLs. */
function instagramUrl(href: URL | string, base: URL | string): URL | undefined {
  let url: URL;
  try {
    url = typeof href === 'string' ? new URL(href, base) : href;
  } catch {
    return undefined;
  }
  return matchesInstagram(url) ? url : undefined;
}

/** The profile a link points at when it is exactly a profile (/<handle>/), relative or absolute. */
export function parseProfileUrl(href: URL | string, base: URL | string = CANONICAL_ORIGIN): InstagramProfileRef | undefined {
  const url = instagramUrl(href, base);
  if (url === undefined) return undefined;
  const segments = pathSegments(url);
  return segments.length === 1 && segments[0] !== undefined ? profileRefFromHandle(segments[0]) : undefined;
}

/** The route of a link's `href` when it points into Instagram. */
export function routeOfHref(href: string | null, base: URL): InstagramRoute | undefined {
  if (href === null) return undefined;
  const url = instagramUrl(href, base);
  return url === undefined ? undefined : routeInstagramUrl(url);
}

export const postThreadKey = (shortcode: string): string => `instagram:post:${shortcode}`;
export const dmThreadKey = (threadId: string): string => `instagram:dm:${threadId}`;
