/**
 * Text as people read it on Facebook: dom-text's rules plus the site's screen-reader-only class,
 * cut texts ("See more") and controls left out.
 */
import { collapseWhitespace, isEmojiText, isHiddenFromPeople, SCREEN_READER_ONLY_CLASSES } from './dom-text';
import { facebookHiddenClasses as hiddenClasses } from './facebook.selectors';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a line (as in dom-text's visibleText). */
const LINE_BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

const SCREEN_READER_ONLY = [...SCREEN_READER_ONLY_CLASSES, hiddenClasses.screenReaderOnly];

/** Elements whose text is read aloud, never seen (the chat list says "unread" there). */
export const SCREEN_READER_ONLY_SELECTOR = SCREEN_READER_ONLY.map((name) => `.${name}`).join(', ');

export interface ShownTextOptions {
  /** Elements left out with everything inside them (controls such as "See more", a name link). */
  skip?: (element: Element) => boolean;
}

/** Whether the cut text around or inside `node` has been expanded ("See more" clicked). */
function isExpanded(node: Element): boolean {
  const root = node.closest(`.${hiddenClasses.exposedRoot}`) ?? node.querySelector(`.${hiddenClasses.exposedRoot}`);
  return root?.classList.contains(hiddenClasses.exposed) ?? false;
}

function collectShown(node: Node, hidden: readonly string[], skip: ShownTextOptions['skip'], parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (isHiddenFromPeople(element, { hiddenClasses: hidden }) || skip?.(element) === true) return;
  if (element.localName === 'img') {
    const alt = element.getAttribute('alt') ?? '';
    if (isEmojiText(alt)) parts.push(alt.trim());
    return;
  }
  const breaksLine = LINE_BREAKING.has(element.localName);
  if (breaksLine) parts.push(' ');
  for (let child = element.firstChild; child !== null; child = child.nextSibling) collectShown(child, hidden, skip, parts);
  if (breaksLine) parts.push(' ');
}

/**
 * The text a person reads in `node`: dom-text's rules (hidden parts out, emoji images in,
 * whitespace collapsed), plus Facebook's own: screen-reader-only `accessible_elem`, the hidden tail
 * of a cut text (or its "…" once expanded), the "See more" link, and whatever `skip` names.
 */
export function shownText(node: Element | null | undefined, options: ShownTextOptions = {}): string {
  if (node === null || node === undefined) return '';
  const hidden = [
    ...SCREEN_READER_ONLY,
    hiddenClasses.seeMore,
    isExpanded(node) ? hiddenClasses.expandControls : hiddenClasses.collapsedTail,
  ];
  const parts: string[] = [];
  collectShown(node, hidden, options.skip, parts);
  // One code point sequence per text (the same letters typed or pasted differently compare equal).
  return collapseWhitespace(parts.join('')).normalize('NFC');
}

/** A control (a button, "See more"): left out of message and comment texts. */
export const isControl = (element: Element): boolean => element.getAttribute('role') === 'button';
