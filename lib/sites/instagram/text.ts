/**
 * Text helpers of the Instagram readers: comparing shown texts, reading a block's text without
 * some of its parts, and finding a JSON object inside a script's text.
 */
import { collapseWhitespace, visibleText } from '@/lib/sites/shared/dom-text';

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

/** visibleText (dom-text.ts) with some subtrees left out, without copying the DOM. */
export function visibleTextExcept(root: Element, skip: ReadonlySet<Element>): string {
  return visibleText(root, { skip: (element) => skip.has(element) });
}
