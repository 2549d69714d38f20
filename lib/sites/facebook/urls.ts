/**
 * Facebook and Messenger URLs: which hosts are the site, what kind of page a URL is, and the
 * canonical identity (handle, profile URL) behind a profile link. URL only, no DOM.
 */

import { pathSegments, safeDecodeURIComponent } from '@/lib/sites/shared/dom-query';

export const FACEBOOK_ORIGIN = 'https://www.facebook.com';

/** The site's real hosts (https only): the web, mobile, business and Messenger front ends. */
const FACEBOOK_HOSTS = new Set([
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'mobile.facebook.com',
  'touch.facebook.com',
  'mbasic.facebook.com',
  'business.facebook.com',
]);
const MESSENGER_HOSTS = new Set(['messenger.com', 'www.messenger.com']);

export function isFacebookHost(hostname: string): boolean {
  return FACEBOOK_HOSTS.has(hostname);
}

export function isMessengerHost(hostname: string): boolean {
  return MESSENGER_HOSTS.has(hostname);
}

export function matchesFacebook(url: URL): boolean {
  return url.protocol === 'https:' && (isFacebookHost(url.hostname) || isMessengerHost(url.hostname));
}

export interface ProfileRef {
  /** A username lower-cased and percent-decoded, or the numeric id of a profile or Page without one. */
  handle: string;
  /** https://www.facebook.com/<username> or https://www.facebook.com/profile.php?id=<id>. */
  profileUrl: string;
}

const ALL_DIGITS = /^\d+$/;
/** Pages without a username live at /<Name-With-Dashes>-<page id>/ (usernames have no dashes). */
const NAME_WITH_ID = /^.+-(\d{5,})$/;
const POST_TOKEN = /^pfbid[0-9A-Za-z]+$/;

/** First path segments that are the site's own pages, never a profile. */
const RESERVED_SEGMENTS = new Set([
  'a', 'about', 'ads', 'ajax', 'bookmarks', 'browse', 'business', 'checkpoint', 'comment', 'composer',
  'dialog', 'directory', 'e2ee', 'events', 'feeds', 'friends', 'fundraisers', 'gaming', 'groups', 'hashtag',
  'help', 'home', 'home.php', 'l.php', 'latest', 'legal', 'live', 'login', 'login.php', 'logout.php',
  'marketplace', 'me', 'media', 'memories', 'messages', 'notes', 'notifications', 'permalink.php',
  'photo', 'photo.php', 'photos', 'places', 'plugins', 'policies', 'policy.php', 'privacy', 'r.php',
  'recover', 'reel', 'reels', 'saved', 'search', 'settings', 'share', 'sharer', 'sharer.php', 'shares',
  'stories', 'story.php', 't', 'terms', 'ufi', 'video.php', 'videos', 'watch',
]);

export function profileRefFromId(id: string): ProfileRef {
  return { handle: id, profileUrl: `${FACEBOOK_ORIGIN}/profile.php?id=${id}` };
}

/** The identity behind one path segment: a username, a numeric id, or a Page's name-with-id slug. */
export function profileRefFromSegment(rawSegment: string): ProfileRef | undefined {
  const segment = safeDecodeURIComponent(rawSegment).normalize('NFC').trim();
  if (segment === '' || segment.includes('/') || RESERVED_SEGMENTS.has(segment.toLowerCase())) return undefined;
  if (ALL_DIGITS.test(segment)) return profileRefFromId(segment);
  const withId = NAME_WITH_ID.exec(segment);
  if (withId?.[1] !== undefined) return profileRefFromId(withId[1]);
  const handle = segment.toLowerCase();
  return { handle, profileUrl: `${FACEBOOK_ORIGIN}/${encodeURIComponent(handle)}` };
}

export type FacebookRoute =
  /** One post: its numeric id where the URL has it, else its pfbid token; whose it is where the URL says. */
  | { kind: 'post'; postId?: string; token?: string; owner?: ProfileRef }
  /** A Page's (or person's) posts list. */
  | { kind: 'posts'; owner: ProfileRef }
  /** A Messenger thread, or a Page-inbox / Business-inbox thread (`surface: 'inbox'`, with the Page's asset id). */
  | { kind: 'conversation'; threadId: string; surface: 'messenger' | 'inbox'; e2ee?: true; assetId?: string }
  /** The Messenger chat list or a Business inbox without a selected thread. */
  | { kind: 'inbox' }
  /** A profile's or Page's own address. */
  | { kind: 'profile'; profile: ProfileRef }
  | { kind: 'other' };

function postIdOrToken(value: string | null | undefined): { postId: string } | { token: string } | undefined {
  const trimmed = value?.trim() ?? '';
  if (ALL_DIGITS.test(trimmed)) return { postId: trimmed };
  if (POST_TOKEN.test(trimmed)) return { token: trimmed };
  return undefined;
}

function postRoute(ids: { postId: string } | { token: string }, owner?: ProfileRef): FacebookRoute {
  return owner === undefined ? { kind: 'post', ...ids } : { kind: 'post', ...ids, owner };
}

/** Messenger threads: …/t/<id>/ under /messages/ (facebook.com) or at the root (messenger.com). */
function threadRoute(segments: readonly string[]): FacebookRoute {
  const index = segments.findIndex((segment) => segment.toLowerCase() === 't');
  const threadId = index < 0 ? undefined : segments[index + 1];
  if (threadId !== undefined && threadId !== '') {
    const thread = { kind: 'conversation', threadId: safeDecodeURIComponent(threadId), surface: 'messenger' } as const;
    // End-to-end encrypted threads (2024–) live under …/e2ee/t/<id>/.
    return segments[index - 1]?.toLowerCase() === 'e2ee' ? { ...thread, e2ee: true } : thread;
  }
  return { kind: 'inbox' };
}

/** /<owner>/posts/…, /<owner>/photos/…, /<owner>/videos/… under a known owner. */
function ownedContentRoute(owner: ProfileRef, rest: readonly string[]): FacebookRoute {
  const [section, ...tail] = rest;
  const lowerSection = section?.toLowerCase();
  if (lowerSection === undefined) return { kind: 'profile', profile: owner };
  if (lowerSection === 'posts') {
    if (tail.length === 0) return { kind: 'posts', owner };
    // /posts/<id>, /posts/<slug>/<id>/, /posts/pfbid…
    const ids = postIdOrToken(tail[tail.length - 1]) ?? postIdOrToken(tail[0]);
    return ids === undefined ? { kind: 'other' } : postRoute(ids, owner);
  }
  if (lowerSection === 'photos' || lowerSection === 'videos') {
    // A photo of a multi-photo post names the post: /photos/pcb.<post id>/<photo id>/.
    const collection = tail.find((segment) => segment.startsWith('pcb.'));
    const fromCollection = postIdOrToken(collection?.slice(4));
    const ids = fromCollection ?? postIdOrToken([...tail].reverse().find((segment) => ALL_DIGITS.test(segment)));
    return ids === undefined ? { kind: 'other' } : postRoute(ids, owner);
  }
  return { kind: 'other' };
}

/** /pages/<Name>/<id>/…, /pages/category/<Category>/<Name-id>/…: the Page id, then what follows it. */
function legacyPagesRoute(segments: readonly string[]): FacebookRoute {
  for (let index = 1; index < segments.length; index += 1) {
    const segment = safeDecodeURIComponent(segments[index] ?? '');
    const id = ALL_DIGITS.test(segment) ? segment : NAME_WITH_ID.exec(segment)?.[1];
    if (id !== undefined) return ownedContentRoute(profileRefFromId(id), segments.slice(index + 1));
  }
  return { kind: 'other' };
}

function facebookRoute(url: URL): FacebookRoute {
  const segments = pathSegments(url);
  const lower = segments.map((segment) => segment.toLowerCase());
  const params = url.searchParams;
  const [first] = lower;
  if (first === undefined) return { kind: 'other' };
  if (first === 'messages') return threadRoute(segments.slice(1));
  if (lower.includes('inbox')) {
    // Meta Business Suite (/latest/inbox/…) and the classic Page inbox (/<page>/inbox/).
    const selected = params.get('selected_item_id')?.trim() ?? '';
    if (selected === '') return { kind: 'inbox' };
    const assetId = params.get('asset_id')?.trim() ?? '';
    return /^\d+$/.test(assetId)
      ? { kind: 'conversation', threadId: selected, surface: 'inbox', assetId }
      : { kind: 'conversation', threadId: selected, surface: 'inbox' };
  }
  if (first === 'permalink.php' || first === 'story.php') {
    const ids = postIdOrToken(params.get('story_fbid'));
    const ownerId = params.get('id')?.trim() ?? '';
    if (ids === undefined) return { kind: 'other' };
    return postRoute(ids, ALL_DIGITS.test(ownerId) ? profileRefFromId(ownerId) : undefined);
  }
  if (first === 'photo.php' || first === 'photo') {
    const ids = postIdOrToken(params.get('fbid'));
    return ids === undefined ? { kind: 'other' } : postRoute(ids);
  }
  if (first === 'groups') {
    // /groups/<group>/posts/<id>/, /groups/<group>/permalink/<id>/
    const section = lower[2];
    const ids = section === 'posts' || section === 'permalink' ? postIdOrToken(segments[3]) : undefined;
    return ids === undefined ? { kind: 'other' } : postRoute(ids);
  }
  if (first === 'profile.php') {
    const id = params.get('id')?.trim() ?? '';
    return ALL_DIGITS.test(id) ? { kind: 'profile', profile: profileRefFromId(id) } : { kind: 'other' };
  }
  if (first === 'people') {
    // /people/<Name>/<id>/
    const id = segments[2] ?? '';
    return ALL_DIGITS.test(id) ? ownedContentRoute(profileRefFromId(id), segments.slice(3)) : { kind: 'other' };
  }
  if (first === 'pages') return legacyPagesRoute(segments);
  if (first === 'pg') {
    // 2017–2020 Page tabs: /pg/<page>/posts/
    const owner = segments[1] === undefined ? undefined : profileRefFromSegment(segments[1]);
    return owner === undefined ? { kind: 'other' } : ownedContentRoute(owner, segments.slice(2));
  }
  const owner = segments[0] === undefined ? undefined : profileRefFromSegment(segments[0]);
  return owner === undefined ? { kind: 'other' } : ownedContentRoute(owner, segments.slice(1));
}

/** What kind of Facebook or Messenger page a URL is, as far as this adapter reads pages. */
export function routeFacebookUrl(url: URL): FacebookRoute {
  if (!matchesFacebook(url)) return { kind: 'other' };
  if (isMessengerHost(url.hostname)) return threadRoute(pathSegments(url));
  return facebookRoute(url);
}

function toUrl(url: URL | string, base: string): URL | undefined {
  try {
    return typeof url === 'string' ? new URL(url, base) : url;
  } catch {
    return undefined;
  }
}

/**
 * The profile (person or Page) a link points at, when it points at the profile itself
 * (`/harkanik?fref=ufi`, `/profile.php?id=4`, `/people/Jane-Doe/1000…/`, `/Name-1597565460485886/`);
 * undefined for posts, photos, hashtags, link shims and other sites. Relative links resolve against `base`.
 */
export function parseProfileUrl(url: URL | string, base: string = FACEBOOK_ORIGIN): ProfileRef | undefined {
  const parsed = toUrl(url, base);
  if (parsed === undefined || !matchesFacebook(parsed) || isMessengerHost(parsed.hostname)) return undefined;
  const route = facebookRoute(parsed);
  return route.kind === 'profile' ? route.profile : undefined;
}

/** The post a link points at (`/<page>/posts/<id>`, `/permalink.php?story_fbid=…`, `/photo/?fbid=…`). */
export function parsePostUrl(url: URL | string, base: string = FACEBOOK_ORIGIN): Extract<FacebookRoute, { kind: 'post' }> | undefined {
  const parsed = toUrl(url, base);
  if (parsed === undefined || !matchesFacebook(parsed) || isMessengerHost(parsed.hostname)) return undefined;
  const route = facebookRoute(parsed);
  return route.kind === 'post' ? route : undefined;
}

/** The Messenger or inbox thread a link points at. */
export function parseThreadUrl(
  url: URL | string,
  base: string = FACEBOOK_ORIGIN,
): Extract<FacebookRoute, { kind: 'conversation' }> | undefined {
  const parsed = toUrl(url, base);
  if (parsed === undefined) return undefined;
  const route = routeFacebookUrl(parsed);
  return route.kind === 'conversation' ? route : undefined;
}

/**
 * Where a thread lives, one form per thread: https://www.facebook.com/messages/t/<id>/ (the same
 * thread as messenger.com/t/<id>/), or the Business inbox with the Page's asset id.
 */
export function threadUrl(thread: Extract<FacebookRoute, { kind: 'conversation' }>): string {
  if (thread.surface === 'messenger') {
    return `${FACEBOOK_ORIGIN}/messages/${thread.e2ee === true ? 'e2ee/' : ''}t/${encodeURIComponent(thread.threadId)}/`;
  }
  const params = new URLSearchParams();
  if (thread.assetId !== undefined) params.set('asset_id', thread.assetId);
  params.set('selected_item_id', thread.threadId);
  return `https://business.facebook.com/latest/inbox/all?${params.toString()}`;
}

/** `facebook:post:<id>`: the numeric story id where known, else the pfbid token. */
export function postThreadKey(id: string): string {
  return `facebook:post:${id}`;
}

/** `facebook:dm:<thread id>` for Messenger, Page-inbox and Business-inbox threads. */
export function dmThreadKey(threadId: string): string {
  return `facebook:dm:${threadId}`;
}
