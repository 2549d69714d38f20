/**
 * "What a person reads": text of DOM elements as shown, computed from the DOM alone
 * (no innerText, no layout), so it runs the same in jsdom and cheaply in a real page.
 * Site-independent: every site adapter uses it.
 */

import { ELEMENT_NODE, TEXT_NODE } from './dom-query';

/** Elements whose content is never shown as text. */
const NEVER_SHOWN = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'desc']);

/** Elements that start and end a line: a person sees a break there, textContent does not. */
export const LINE_BREAKING: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Conventional names of "screen readers only" classes: read aloud, never seen. */
export const SCREEN_READER_ONLY_CLASSES: readonly string[] = [
  'visually-hidden',
  'sr-only',
  'screen-reader-text',
  'a11y-text',
];

export interface VisibleTextOptions {
  /** Classes that hide an element from sighted people (default: SCREEN_READER_ONLY_CLASSES). */
  hiddenClasses?: readonly string[];
  /**
   * Skip `aria-hidden="true"` subtrees. Off by default: sites commonly mark the *visible* copy
   * aria-hidden and pair it with a screen-reader-only copy ("2nd" next to "2nd degree connection"),
   * so skipping it would drop what people see. Turn it on for collapsed menus and the like.
   */
  skipAriaHidden?: boolean;
  /**
   * Elements left out with everything inside them, beyond the hidden ones (controls such as
   * "See more", a name link, parts read separately). Only `visibleText` uses it.
   */
  skip?: (element: Element) => boolean;
}

/** Runs of whitespace (including no-break spaces and line breaks) become one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Alternations, not character classes: a class would glue the combining keycap (U+20E3) to its neighbour.
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200D|\uFE0F|\u20E3)+$/u;
const HAS_PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** True for strings made only of emoji (sites render emoji as `<img alt="😂">`). */
export function isEmojiText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && EMOJI_ONLY.test(trimmed) && HAS_PICTOGRAPH.test(trimmed);
}

function hasInlineHidingStyle(element: Element): boolean {
  const style = element.getAttribute('style');
  if (style === null) return false;
  const compact = style.replace(/\s+/g, '').toLowerCase();
  return compact.includes('display:none') || compact.includes('visibility:hidden');
}

/** Whether a person cannot see this element (judged from the element itself, not its ancestors). */
export function isHiddenFromPeople(element: Element, options: VisibleTextOptions = {}): boolean {
  if (NEVER_SHOWN.has(element.localName)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (options.skipAriaHidden === true && element.getAttribute('aria-hidden') === 'true') return true;
  const hiddenClasses = options.hiddenClasses ?? SCREEN_READER_ONLY_CLASSES;
  if (hiddenClasses.some((name) => element.classList.contains(name))) return true;
  return hasInlineHidingStyle(element);
}

function collectText(node: Node, options: VisibleTextOptions, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (isHiddenFromPeople(element, options) || options.skip?.(element) === true) return;
  if (element.localName === 'img') {
    const alt = element.getAttribute('alt') ?? '';
    if (isEmojiText(alt)) parts.push(alt.trim());
    return;
  }
  const breaksLine = LINE_BREAKING.has(element.localName);
  if (breaksLine) parts.push(' ');
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    collectText(child, options, parts);
  }
  if (breaksLine) parts.push(' ');
}

/**
 * The text a person reads in `node`, whitespace collapsed and trimmed; '' for null or hidden nodes.
 * Entities are already decoded by the DOM; emoji images count as their alt text.
 */
export function visibleText(node: Node | null | undefined, options: VisibleTextOptions = {}): string {
  if (node === null || node === undefined) return '';
  const parts: string[] = [];
  collectText(node, options, parts);
  return collapseWhitespace(parts.join(''));
}

/** Whether `node` or one of its ancestors up to (not including) `stopAt` hides it from people. */
export function isInsideHidden(node: Element, stopAt: Element | null = null, options: VisibleTextOptions = {}): boolean {
  for (let current: Element | null = node; current !== null && current !== stopAt; current = current.parentElement) {
    if (isHiddenFromPeople(current, options)) return true;
  }
  return false;
}
