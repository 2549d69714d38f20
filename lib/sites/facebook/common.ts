/**
 * What every Facebook page reader shares: the names of what was not found, small DOM helpers
 * (selector lists queried one member at a time), links, and values read out of the page's scripts
 * (JSON, base64, unix times).
 */
import { all, parseJson } from '@/lib/sites/shared/dom-query';
import type { FacebookRoute } from './urls';
import type { PageContext } from '../types';

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

export type PostRoute = Extract<FacebookRoute, { kind: 'post' }>;

export type InboxRow = NonNullable<PageContext['inbox']>[number];

// ---------------------------------------------------------------- small DOM helpers

/** The first match inside `root` that is not inside an `outside` region within `root`. */
export function firstOutside(root: Element, selector: string, outside: string): Element | undefined {
  return all(root, selector).find((element) => {
    const region = element.closest(outside);
    return region === null || !root.contains(region) || region === root;
  });
}

/** Whether `element` belongs to `root` itself, not to a nested `selector` match (a comment, a reply) inside it. */
export function ownedBy(element: Element, root: Element, selector: string): boolean {
  return element.closest(selector) === root;
}

/** The trimmed alt text of the first image with one in `root` (an avatar names its person). */
export function imageAlt(root: ParentNode): string | undefined {
  return root.querySelector('img[alt]')?.getAttribute('alt')?.trim();
}

/** The href of a link resolved against the page, or undefined. */
export function hrefOf(link: Element | null | undefined, base: string): string | undefined {
  const href = link?.getAttribute('href');
  if (href === null || href === undefined || href.trim() === '' || href.trim() === '#') return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- values the page embeds

export function isoFromUnixSeconds(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || !/^\d{9,11}$/.test(value.trim())) return undefined;
  const date = new Date(Number(value.trim()) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The value of a JSON string literal's body as it appears in a script (`\/`, `\u00e9`…). */
export function unescapeJsonString(raw: string): string | undefined {
  const value = parseJson(`"${raw}"`);
  return typeof value === 'string' ? value : undefined;
}

export function decodeBase64(text: string): string | undefined {
  try {
    return globalThis.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}
