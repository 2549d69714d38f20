/**
 * The reply box of the comment being answered, where the site has one: the comment's own "Reply"
 * button is pressed (which opens its box, and on Instagram and X's legacy page puts the @handle in it),
 * and the box that opens takes the text. Pressing "Reply" sends nothing. Where the comment or its
 * button is not found, or no box opens in time, the page's reply box is used (reply-insert.ts then
 * starts the text with the @handle on X and Instagram).
 *
 * The comment is found by its author's profile link (X `/handle`, Instagram `/handle/`, LinkedIn
 * `/in/<slug>/`, Facebook `/<username>` or `/profile.php?id=<id>`) and its text. On LinkedIn and
 * Facebook the box that opens holds the commenter's name as a mention (the site puts it there);
 * `commenterName` gives that name where it has to be written out (reply-insert.ts).
 */
import { facebookSelectors, facebookUnsavedPageSelectors } from '../facebook.selectors';
import { linkedinSelectors } from '../linkedin.selectors';
import type { SiteAdapter } from '../types';

export interface ReplyTarget {
  handle: string;
  text: string;
}

/** The reply button of one tweet or comment, as each generation of the site draws it. */
const REPLY_BUTTONS: Record<SiteAdapter['site'], string> = {
  // X: the reply action of a post (2019+), the legacy page's reply action (2016–2017, saved page).
  x: '[data-testid="reply"], button.js-actionReply',
  // Instagram: a comment's "Reply" is a role=button element worded in the page's language.
  instagram: '[role="button"]',
  linkedin: linkedinSelectors.commentReplyButton.selector,
  facebook: `${facebookSelectors.classicCommentReply.selector}, ${facebookUnsavedPageSelectors.cometCommentAction.selector}`,
};
/** Sites whose reply buttons are told apart from their neighbours ("Like") by their wording only. */
const WORDED_BUTTONS: ReadonlySet<SiteAdapter['site']> = new Set(['instagram', 'facebook']);
const REPLY_WORDS = /^(?:reply|responder|responder a|répondre|antworten|rispondi|odpowiedz|返信する|返信|답글 달기)$/i;
/** Where each site writes the commenter's name in a comment. */
const AUTHOR_NAMES: Partial<Record<SiteAdapter['site'], string>> = {
  linkedin: linkedinSelectors.commentAuthorName.selector,
  facebook: facebookSelectors.classicCommentActor.selector,
};
const MAX_CLIMB = 14;
const OPEN_TIMEOUT_MS = 1_500;
const POLL_MS = 50;

/** The box opened for each comment last time, so a second insert does not press "Reply" again. */
const opened = new Map<string, WeakRef<HTMLElement>>();

function decoded(part: string): string {
  try {
    return decodeURIComponent(part).normalize('NFC').toLowerCase();
  } catch {
    return part.toLowerCase();
  }
}

/** Whether a link's href is this person's profile, in the form the site's comments link it. */
function isProfileLink(href: string, site: SiteAdapter['site'], wanted: string): boolean {
  const withoutOrigin = href.replace(/^https?:\/\/[^/]+/, '');
  const path = withoutOrigin.replace(/[?#].*$/, '');
  const parts = path.split('/').filter((part) => part !== '').map(decoded);
  switch (site) {
    case 'linkedin':
      return parts.length === 2 && parts[0] === 'in' && parts[1] === wanted;
    case 'facebook': {
      if (parts.length === 1 && parts[0] === 'profile.php') return /[?&]id=(\d+)/.exec(withoutOrigin)?.[1] === wanted;
      return parts.length === 1 && parts[0] === wanted;
    }
    case 'instagram':
      return parts.length === 1 && parts[0] === wanted && path.endsWith('/');
    case 'x':
      return parts.length === 1 && parts[0] === wanted;
  }
}

function linksTo(doc: Document, site: SiteAdapter['site'], handle: string): HTMLAnchorElement[] {
  const wanted = handle.normalize('NFC').toLowerCase();
  return Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((link) => isProfileLink(link.getAttribute('href') ?? '', site, wanted));
}

/** A press that only runs the page's script; a link elsewhere (LinkedIn's signed-out "Reply" goes to sign-up) would leave the page. */
function staysOnPage(button: HTMLElement): boolean {
  if (button.localName !== 'a') return true;
  const href = (button.getAttribute('href') ?? '').trim();
  return href === '' || href.startsWith('#') || /^javascript:/i.test(href);
}

function replyButtonIn(scope: Element, site: SiteAdapter['site']): HTMLElement | null {
  for (const button of scope.querySelectorAll<HTMLElement>(REPLY_BUTTONS[site])) {
    if (!WORDED_BUTTONS.has(site) || REPLY_WORDS.test(button.textContent.trim())) return button;
  }
  return null;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

interface FoundComment {
  button: HTMLElement;
  /** The nearest block around the author's link that has a reply button: the comment's own. */
  block: Element;
}

function findComment(doc: Document, site: SiteAdapter['site'], target: ReplyTarget): FoundComment | null {
  const start = flat(target.text).slice(0, 40).replace(/…$/, '');
  let found: FoundComment | null = null;
  for (const link of linksTo(doc, site, target.handle)) {
    let scope: Element | null = link.parentElement;
    for (let depth = 0; scope !== null && depth < MAX_CLIMB; depth += 1, scope = scope.parentElement) {
      const button = replyButtonIn(scope, site);
      if (button === null) continue;
      // The nearest block with a reply button is this comment's (or a neighbour's, if the text is not in it).
      if (start === '' || flat(scope.textContent).includes(start)) found = { button, block: scope };
      break;
    }
  }
  return found;
}

/** The reply button of the comment `target` names: near its author's link, in a block holding its text. */
export function findReplyButton(doc: Document, site: SiteAdapter['site'], target: ReplyTarget): HTMLElement | null {
  return findComment(doc, site, target)?.button ?? null;
}

/** The commenter's name as the comment shows it (LinkedIn, Facebook), for addressing the reply; undefined where not found. */
export function commenterName(doc: Document, site: SiteAdapter['site'], target: ReplyTarget): string | undefined {
  const selector = AUTHOR_NAMES[site];
  const comment = findComment(doc, site, target);
  if (selector === undefined || comment === null) return undefined;
  // The block may hold the comment's replies too: the first name in it is the comment's author's.
  const name = comment.block.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();
  return name === undefined || name === '' ? undefined : name;
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
  if (known?.isConnected && known.ownerDocument === doc) return known;
  const button = findReplyButton(doc, adapter.site, target);
  // A press that would submit a form sends something to the site, a link elsewhere leaves the page:
  // never; use the page's box instead.
  if (button === null || submitsForm(button) || !staysOnPage(button)) return null;
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
