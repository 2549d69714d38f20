/**
 * What every Instagram page reader shares: the names of what was not found, small DOM helpers,
 * links to profiles, and the people and messages the page context is made of.
 */
import type { PageMessage, Person } from '@/lib/model/page-context';
import { all } from '@/lib/sites/shared/dom-query';
import { visibleText } from '@/lib/sites/shared/dom-text';
import { parseProfileUrl, type InstagramProfileRef } from './urls';
import { instagramSelectors as selectors } from '../instagram.selectors';

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

// ---------------------------------------------------------------- small DOM helpers

/** The deepest element containing every one of `elements`. */
export function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...others] = elements;
  if (first === undefined) return null;
  for (let candidate: Element | null = first; candidate !== null; candidate = candidate.parentElement) {
    if (others.every((element) => candidate.contains(element))) return candidate;
  }
  return null;
}

/** A `time` element's `datetime` as an ISO instant. */
export function isoTime(time: Element | null | undefined): string | undefined {
  const value = time?.getAttribute('datetime');
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An attribute value as an absolute http(s) URL. */
export function httpUrl(value: string | null, base: URL): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function firstImageUrl(root: Element, base: URL): string | undefined {
  for (const img of all(root, 'img')) {
    const url = httpUrl(img.getAttribute('src'), base);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** The DOM types promise a body; a hostile or non-HTML document may have none. */
export function bodyOf(doc: Document): Element | null {
  return doc.getElementsByTagName('body')[0] ?? null;
}

export function mainOf(doc: Document): Element | null {
  return doc.querySelector(selectors.main.selector) ?? doc.querySelector(selectors.mainRole.selector);
}

// ---------------------------------------------------------------- links to profiles

export interface ProfileLink {
  link: Element;
  profile: InstagramProfileRef;
}

/** A link to exactly a profile: the person it points at. */
export function linkProfile(link: Element, base: URL): InstagramProfileRef | undefined {
  const href = link.getAttribute('href');
  return href === null ? undefined : parseProfileUrl(href, base);
}

/**
 * A link that shows a handle as its text and points at that profile: how every generation marks
 * the author of a post, caption or comment. Mentions ("@name") and avatar links (no text) are not.
 */
export function usernameLinkProfile(link: Element, base: URL): InstagramProfileRef | undefined {
  const profile = linkProfile(link, base);
  return profile !== undefined && visibleText(link).toLowerCase() === profile.handle ? profile : undefined;
}

/**
 * The links in `root` in which `read` finds a profile (by default: links to exactly a profile), in
 * page order; lazily, so that a caller looking for the first one reads no further.
 */
export function* profileLinks(
  root: ParentNode,
  base: URL,
  read: (link: Element, base: URL) => InstagramProfileRef | undefined = linkProfile,
): Generator<ProfileLink, void, undefined> {
  for (const link of all(root, 'a[href]')) {
    const profile = read(link, base);
    if (profile !== undefined) yield { link, profile };
  }
}

// ---------------------------------------------------------------- people

/** The Person for a profile; with no (or an empty) name shown, the handle stands for it. */
export function person(profile: InstagramProfileRef, displayName?: string, avatarUrl?: string): Person {
  const name = displayName === undefined || displayName === '' ? profile.handle : displayName;
  const result: Person = { ...profile, displayName: name };
  if (avatarUrl !== undefined) result.avatarUrl = avatarUrl;
  return result;
}

/** A comment or a DM as the page context holds it: 'out' when the signed-in account wrote it. */
export function pageMessage(author: Person, text: string, at: string | undefined, me: Person | undefined): PageMessage {
  const direction = me !== undefined && me.handle === author.handle ? 'out' : 'in';
  const message: PageMessage = { author, direction, text };
  if (at !== undefined) message.at = at;
  return message;
}
