/**
 * The reply box of the comment being answered, where the site has one: the comment's own "Reply"
 * button is pressed (which opens its box, and on Instagram and X's legacy page puts the @handle in it),
 * and the box that opens takes the text. Pressing "Reply" sends nothing. Where the comment or its
 * button is not found, or no box opens in time, the page's reply box is used (reply-insert.ts then
 * starts the text with the @handle on X and Instagram).
 *
 * The comment is found by its author's profile link (X `/handle`, Instagram `/handle/`) and its text;
 * LinkedIn and Facebook comments are not looked up here (their handles are not in their links as such).
 */
import type { SiteAdapter } from '../types';

export interface ReplyTarget {
  handle: string;
  text: string;
}

/** The reply button of one tweet or comment, as each generation of the site draws it. */
const REPLY_BUTTONS: Partial<Record<SiteAdapter['site'], string>> = {
  // X: the reply action of a post (2019+), the legacy page's reply action (2016–2017, saved page).
  x: '[data-testid="reply"], button.js-actionReply',
  // Instagram: a comment's "Reply" is a role=button element worded in the page's language.
  instagram: '[role="button"]',
};
const INSTAGRAM_REPLY_WORDS = /^(?:reply|responder|répondre|antworten|rispondi|返信する|返信|답글 달기)$/i;
const MAX_CLIMB = 14;
const OPEN_TIMEOUT_MS = 1_500;
const POLL_MS = 50;

/** The box opened for each comment last time, so a second insert does not press "Reply" again. */
const opened = new Map<string, WeakRef<HTMLElement>>();

function linksTo(doc: Document, site: SiteAdapter['site'], handle: string): HTMLAnchorElement[] {
  const wanted = handle.toLowerCase();
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((link) => {
    const path = (link.getAttribute('href') ?? '').replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, '');
    const parts = path.split('/').filter((part) => part !== '');
    return parts.length === 1 && parts[0]?.toLowerCase() === wanted && (site !== 'instagram' || path.endsWith('/'));
  });
}

function replyButtonIn(scope: Element, site: SiteAdapter['site']): HTMLElement | null {
  const selector = REPLY_BUTTONS[site];
  if (selector === undefined) return null;
  for (const button of scope.querySelectorAll<HTMLElement>(selector)) {
    if (site !== 'instagram' || INSTAGRAM_REPLY_WORDS.test(button.textContent.trim())) return button;
  }
  return null;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The reply button of the comment `target` names: near its author's link, in a block holding its text. */
export function findReplyButton(doc: Document, site: SiteAdapter['site'], target: ReplyTarget): HTMLElement | null {
  const start = flat(target.text).slice(0, 40).replace(/…$/, '');
  let found: HTMLElement | null = null;
  for (const link of linksTo(doc, site, target.handle)) {
    let scope: Element | null = link.parentElement;
    for (let depth = 0; scope !== null && depth < MAX_CLIMB; depth += 1, scope = scope.parentElement) {
      const button = replyButtonIn(scope, site);
      if (button === null) continue;
      // The nearest block with a reply button is this comment's (or a neighbour's, if the text is not in it).
      if (start === '' || flat(scope.textContent).includes(start)) found = button;
      break;
    }
  }
  return found;
}

function wait(doc: Document, ms: number): Promise<void> {
  return new Promise((resolve) => (doc.defaultView ?? globalThis).setTimeout(resolve, ms));
}

function submitsForm(element: HTMLElement): boolean {
  const view = element.ownerDocument.defaultView;
  if (view === null || !(element instanceof view.HTMLButtonElement)) return false;
  return element.form !== null && element.type === 'submit';
}

/**
 * Opens the reply box of the comment answered and answers it; null where there is no such box (the
 * caller then uses the page's own reply box).
 */
export async function openReplyBox(adapter: Pick<SiteAdapter, 'site' | 'composer'>, doc: Document, target: ReplyTarget): Promise<HTMLElement | null> {
  const key = `${adapter.site}:${target.handle.toLowerCase()}:${flat(target.text).slice(0, 80)}`;
  const known = opened.get(key)?.deref();
  if (known?.isConnected) return known;
  const button = findReplyButton(doc, adapter.site, target);
  // A press that would submit a form sends something to the site: never; use the page's box instead.
  if (button === null || submitsForm(button)) return null;
  const before = adapter.composer(doc);
  button.click();
  for (let waited = 0; waited < OPEN_TIMEOUT_MS; waited += POLL_MS) {
    await wait(doc, POLL_MS);
    const box = adapter.composer(doc);
    const active = doc.activeElement;
    if (box !== null && (box !== before || (active !== null && box.contains(active)))) {
      opened.set(key, new WeakRef(box));
      return box;
    }
  }
  return null;
}
