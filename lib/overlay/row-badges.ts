import type { RowBadge } from '@/lib/messaging/page-protocol';
import { pageMarks } from './page-marks';

/** The thread's id as it appears in the row's link: what follows `<site>:<kind>:` in its key. */
function threadIdOf(threadKey: string): string {
  const [, , ...rest] = threadKey.split(':');
  return rest.join(':');
}

/** The inbox row's link to its thread: every site's inbox rows link to the thread by its id. */
function rowLinkFor(root: ParentNode, threadKey: string): Element | null {
  const id = threadIdOf(threadKey);
  if (id.length < 3) return null;
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (href.includes(id) || decodeSafely(href).includes(id)) return link;
  }
  return null;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const badgeCss = `
  :host { all: initial; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
  span { font: 600 11px/1.6 system-ui, sans-serif; padding: 0 6px; border-radius: 9px; white-space: nowrap;
    background: #e6f4ea; color: #137333; }
  span.warning { background: #fff4d6; color: #6b4e00; }
  span.overdue { background: #fde7e6; color: #b3261e; }
`;

/**
 * Small badges on the rows of an inbox list (the contact's stage, the time left to answer), each in a
 * closed shadow root so the site's scripts cannot read what we know about its users. Rows already
 * badged are updated in place; nothing listens to scrolling.
 */
export function placeRowBadges(
  doc: Document,
  badges: readonly RowBadge[],
  label: (badge: RowBadge) => { text: string; tone: string } | null,
  hostName: string = pageMarks.rowBadge,
): number {
  let placed = 0;
  for (const badge of badges) {
    const link = rowLinkFor(doc, badge.threadKey);
    const shown = label(badge);
    if (!link || !shown) continue;
    let host = hostsByLink.get(link);
    if (!host?.isConnected || host.parentElement !== link) {
      host = doc.createElement(hostName);
      hostsByLink.set(link, host);
      link.appendChild(host);
    }
    const root = shadowOf(host);
    root.replaceChildren(styleElement(doc), textElement(doc, shown));
    placed += 1;
  }
  return placed;
}

const roots = new WeakMap<Element, ShadowRoot>();
/** Our badge in each row link: remembered here, not found by a name or attribute the page could look for too. */
const hostsByLink = new WeakMap<Element, Element>();

function shadowOf(host: Element): ShadowRoot {
  let root = roots.get(host);
  if (!root) {
    root = host.attachShadow({ mode: 'closed' });
    roots.set(host, root);
  }
  return root;
}

function styleElement(doc: Document): HTMLStyleElement {
  const style = doc.createElement('style');
  style.textContent = badgeCss;
  return style;
}

function textElement(doc: Document, shown: { text: string; tone: string }): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = shown.tone;
  span.textContent = shown.text;
  return span;
}
