/**
 * Site-independent helpers for querying pages and reading the values they hold, shared by every
 * site adapter. Nothing here knows about a particular site.
 */

// ---------------------------------------------------------------- node types

/** Node.ELEMENT_NODE and Node.TEXT_NODE; the Node global is not there outside a window. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

// ---------------------------------------------------------------- querying

const selectorListParts = new Map<string, string[]>();

/**
 * A selector list split at its top-level commas (not inside brackets, parentheses or quotes). A list
 * with a backslash escape is left whole: an escaped comma (`.a\,b`) is no list separator.
 */
function selectorParts(list: string): string[] {
  const known = selectorListParts.get(list);
  if (known !== undefined) return known;
  if (list.includes('\\')) {
    selectorListParts.set(list, [list]);
    return [list];
  }
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

/** Whether `node` comes after `reference` in document order (or inside it). */
export function follows(reference: Node, node: Node): boolean {
  // Node.DOCUMENT_POSITION_FOLLOWING; the Node global is not there outside a window.
  return (reference.compareDocumentPosition(node) & 4) !== 0;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return follows(a, b) ? -1 : 1;
}

/**
 * jsdom (the unit tests' DOM) scans the whole tree once per member of a selector list anyway, so a
 * list queried one selector at a time is several times faster there; a browser's engine matches a
 * list in one pass, faster than the per-member queries and the sort they need.
 */
const IN_JSDOM = typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');

/** Every match in document order, as `querySelectorAll` gives them. */
export function all(root: ParentNode, selector: string): Element[] {
  const parts = selectorParts(selector);
  if (parts.length === 1 || !IN_JSDOM) return Array.from(root.querySelectorAll(selector));
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

/** Those of `elements` that no other of them contains: one element per nested group (wrappers and their inner twins). */
export function outermost(elements: readonly Element[]): Element[] {
  const ordered = isInDocumentOrder(elements) ? elements : [...new Set(elements)].sort(documentOrder);
  // In document order a descendant comes right after its ancestor, inside the last element kept.
  const kept: Element[] = [];
  for (const element of ordered) {
    const last = kept.at(-1);
    if (last !== undefined && (last === element || last.contains(element))) continue;
    kept.push(element);
  }
  return kept;
}

function isInDocumentOrder(elements: readonly Element[]): boolean {
  for (let index = 1; index < elements.length; index++) {
    const previous = elements[index - 1];
    const current = elements[index];
    if (previous !== undefined && current !== undefined && previous !== current && !follows(previous, current)) return false;
  }
  return true;
}

// ---------------------------------------------------------------- values

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- URLs

/** A URL's non-empty path segments, still percent-encoded. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** `value` resolved against the document's base URL, if that gives an http(s) URL. */
export function absoluteHttpUrl(value: string | null, doc: Document): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), doc.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes percent escapes, leaving malformed ones (e.g. '%zz', a lone '%C3') as they are. */
export function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
