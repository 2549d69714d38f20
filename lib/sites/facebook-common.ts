/**
 * What every Facebook page reader shares: the names of what was not found, small DOM helpers
 * (selector lists queried one member at a time), links, and values read out of the page's scripts
 * (JSON, base64, unix times).
 */
import type { FacebookRoute } from './facebook-urls';
import type { PageContext } from './types';

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

export function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return follows(a, b) ? -1 : 1;
}

/**
 * Every match in document order. A list is queried one selector at a time: the same result, and
 * several times faster in jsdom, whose engine scans the whole tree once per list member anyway.
 */
export function all(root: ParentNode, selector: string): Element[] {
  const parts = selectorParts(selector);
  if (parts.length === 1) return Array.from(root.querySelectorAll(selector));
  const lists = parts.map((part) => Array.from(root.querySelectorAll(part))).filter((list) => list.length > 0);
  if (lists.length <= 1) return lists[0] ?? [];
  return [...new Set(lists.flat())].sort(documentOrder);
}

/** The first match in document order (see `all`). */
export function first(root: ParentNode, selector: string): Element | null {
  let earliest: Element | null = null;
  for (const part of selectorParts(selector)) {
    const match = root.querySelector(part);
    if (match !== null && (earliest === null || documentOrder(match, earliest) < 0)) earliest = match;
  }
  return earliest;
}

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

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
