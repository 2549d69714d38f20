/**
 * Text helpers of the Instagram readers: comparing shown texts, reading a block's text without
 * some of its parts, and finding a JSON object inside a script's text.
 */
import { collapseWhitespace, isEmojiText, isHiddenFromPeople } from './dom-text';

/** Whether two shown texts say the same, whitespace and case aside. */
export function sameText(a: string, b: string): boolean {
  return collapseWhitespace(a).toLowerCase() === collapseWhitespace(b).toLowerCase();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The JSON object that starts at the first '{' after `marker` in `text`, parsed; undefined if none. */
export function jsonObjectAfter(text: string, marker: string): unknown {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const start = text.indexOf('{', at + marker.length);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(start, index + 1)) as unknown;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

/** Elements that start and end a line (as in dom-text.ts, which does not export its list). */
const LINE_BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * visibleText (dom-text.ts) with some subtrees left out, without copying the DOM: the same rules
 * (hidden elements skipped, emoji images as their alt, line-breaking elements, whitespace collapsed).
 */
export function visibleTextExcept(root: Element, skip: ReadonlySet<Element>): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (skip.has(element) || isHiddenFromPeople(element)) return;
    if (element.localName === 'img') {
      const alt = element.getAttribute('alt') ?? '';
      if (isEmojiText(alt)) parts.push(alt.trim());
      return;
    }
    const breaksLine = LINE_BREAKING.has(element.localName);
    if (breaksLine) parts.push(' ');
    for (let child = element.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (breaksLine) parts.push(' ');
  };
  walk(root);
  return collapseWhitespace(parts.join(''));
}
