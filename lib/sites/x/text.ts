/**
 * What a person reads on X: the inline text of the React generations, the text of legacy
 * twitter.com (with its own hiding classes), the lines of a name block and the name and
 * "@handle" in them.
 */
import { all, ELEMENT_NODE, TEXT_NODE } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace, isEmojiText, isHiddenFromPeople, isInsideHidden, SCREEN_READER_ONLY_CLASSES, visibleText } from '@/lib/sites/shared/dom-text';
import { ELLIPSIS } from './common';
import { HANDLE_PATTERN, xProfileRef, type XProfileRef } from './urls';
import { xSelectors as selectors } from '../x.selectors';

/** Legacy twitter.com hides parts of the text with these classes (the `http://` of a link, a photo's pic.twitter.com link). */
const LEGACY_HIDDEN_CLASSES = [...SCREEN_READER_ONLY_CLASSES, 'u-hidden', 'u-hiddenVisually', 'invisible', 'hidden'];

export function legacyText(node: Node | null | undefined): string {
  return visibleText(node, { hiddenClasses: LEGACY_HIDDEN_CLASSES });
}

export function legacyHidden(element: Element): boolean {
  return isInsideHidden(element, null, { hiddenClasses: LEGACY_HIDDEN_CLASSES });
}

const NEVER_READ = new Set(['script', 'style', 'template', 'noscript', 'svg', 'title', 'desc']);

/**
 * The parts of a link X hides ("https://", the rest of a long URL): aria-hidden with a 0-size font.
 * The class hook is checked first; any other aria-hidden part of a link but the shown "…" counts too.
 */
function isHiddenLinkPart(element: Element): boolean {
  if (element.getAttribute('aria-hidden') !== 'true') return false;
  if (element.matches(selectors.hiddenLinkPart.selector)) return true;
  const link = element.parentElement?.closest('a');
  return link !== null && link !== undefined && element.textContent.trim() !== ELLIPSIS;
}

function collectInline(node: Node, parts: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (NEVER_READ.has(element.localName) || isHiddenFromPeople(element) || isHiddenLinkPart(element)) return;
  if (element.localName === 'img') {
    const alt = element.getAttribute('alt') ?? '';
    if (isEmojiText(alt)) parts.push(alt.trim());
    return;
  }
  if (element.localName === 'br') {
    parts.push('\n');
    return;
  }
  for (let child = element.firstChild; child !== null; child = child.nextSibling) collectInline(child, parts);
}

/**
 * Text of the React generations. Inside a text block (a post, a bio, a name) every element is laid
 * out inline (mentions and hashtags sit in `div`s styled inline), so no element adds a break: the
 * generic visibleText would put spaces inside "@x," that a person does not see.
 */
export function inlineText(node: Node | null | undefined): string {
  if (node === null || node === undefined) return '';
  const parts: string[] = [];
  collectInline(node, parts);
  return collapseWhitespace(parts.join(''));
}

/**
 * The separate lines of text in a name block (the name, then "@handle"), innermost `[dir]` blocks
 * first to last; the whole block as one line when it has none.
 */
export function textBlocks(container: Element): string[] {
  const blocks = all(container, '[dir]').filter((block) => inlineText(block) !== '');
  const leaves = blocks.filter((block) => !blocks.some((other) => other !== block && block.contains(other)));
  if (leaves.length > 0) return leaves.map((block) => inlineText(block));
  const whole = inlineText(container);
  return whole === '' ? [] : [whole];
}

const AT_HANDLE = new RegExp(`^@${HANDLE_PATTERN}$`);

/** A line that is exactly "@handle". */
export function isAtHandle(text: string): boolean {
  return AT_HANDLE.test(text);
}

/** Name and handle from blocks such as ["Nikita Bier", "@nikitabier"] or ["@jason", "@Jason"]. */
export function nameAndHandle(blocks: string[]): { name: string; handle?: XProfileRef } {
  let handleIndex = -1;
  for (let index = blocks.length - 1; index >= 0; index -= 1) {
    if (isAtHandle(blocks[index] ?? '')) {
      handleIndex = index;
      break;
    }
  }
  const handle = handleIndex < 0 ? undefined : xProfileRef(blocks[handleIndex] ?? '');
  const nameIndex = handleIndex === 0 && blocks.length === 1 ? -1 : 0;
  const name = nameIndex < 0 || nameIndex === handleIndex ? '' : (blocks[nameIndex] ?? '');
  return handle === undefined ? { name } : { name, handle };
}
