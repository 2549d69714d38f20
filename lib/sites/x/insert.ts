/**
 * Putting text into X's reply boxes: the Draft.js editors of posts, replies and (before X Chat)
 * DMs get the caret placed in their last leaf and the browser's own insertText; everything else
 * goes through the generic insertTextIntoEditor. Never presses Enter, never sends.
 */
import { all, TEXT_NODE } from '@/lib/sites/shared/dom-query';
import { insertTextIntoEditor, insertWithEditingCommand } from '@/lib/sites/shared/insert-text';
import { xSelectors as selectors } from '../x.selectors';

function isDraftEditor(target: HTMLElement): boolean {
  return (
    target.getAttribute('contenteditable') === 'true' &&
    (target.matches(selectors.draftEditor.selector) || target.querySelector(selectors.draftContents.selector) !== null)
  );
}

/**
 * Draft.js keeps its own model of the text and reads the caret from its leaves
 * (`<span data-offset-key><span data-text="true">…</span></span>`, an empty line holds
 * `<br data-text="true">`): the caret goes at the end of the last leaf's text, or before that `<br>`.
 */
function placeCaretInLastLeaf(target: HTMLElement): void {
  const doc = target.ownerDocument;
  const selection = doc.getSelection();
  if (selection === null) return;
  const range = doc.createRange();
  const leaves = all(target, '[data-text="true"]');
  const last = leaves[leaves.length - 1];
  if (last === undefined) {
    range.selectNodeContents(target);
    range.collapse(false);
  } else if (last.localName === 'br') {
    range.setStartBefore(last);
    range.collapse(true);
  } else {
    const text = last.lastChild;
    if (text !== null && text.nodeType === TEXT_NODE) range.setStart(text, (text.nodeValue ?? '').length);
    else range.selectNodeContents(last);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
  // React reports selection changes to Draft.js from `selectionchange` (which the browser sends later):
  // send one now so the editor's own caret is at the end before the text arrives.
  const view = doc.defaultView;
  if (view !== null) doc.dispatchEvent(new view.Event('selectionchange'));
}

/**
 * X's post and reply boxes are Draft.js editors: focus, caret at the end of the last leaf, then the
 * browser's own insertText, which Draft.js registers (its beforeinput/input handlers update its model).
 * Text controls (X Chat's textarea) and other editors go through the generic insertTextIntoEditor.
 * Never presses Enter, never sends.
 */
export async function insertIntoX(target: HTMLElement, text: string): Promise<void> {
  if (text === '') return;
  if (!isDraftEditor(target)) {
    await insertTextIntoEditor(target, text);
    return;
  }
  const before = target.textContent;
  target.focus();
  placeCaretInLastLeaf(target);
  if (insertWithEditingCommand(target, text)) return;
  // The editor may have taken the text itself (it handled the input and said no to the browser).
  if (target.textContent !== before) return;
  await insertTextIntoEditor(target, text);
}
