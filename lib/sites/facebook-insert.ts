/**
 * Typing a reply into Facebook's editors. Lexical (Comet comment box, Messenger composer) takes
 * text only through the browser's editing command or a paste; other editors take the generic path
 * of insert-text.ts. Never sends.
 */
import { insertTextIntoEditor } from './insert-text';

function placeCaretAtEnd(target: HTMLElement): void {
  const selection = target.ownerDocument.getSelection();
  if (selection === null) return;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

function runInsertTextCommand(doc: Document, text: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the browser's editing pipeline is what Lexical listens to
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** A paste of plain text, as the clipboard would deliver it; true when the editor took it (preventDefault). */
function pastePlainText(target: HTMLElement, text: string): boolean {
  const view = target.ownerDocument.defaultView;
  if (view === null || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  try {
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    const event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  } catch {
    return false;
  }
}

/** Lexical applies its updates after the event that caused them: wait a task before looking. */
function nextTask(target: HTMLElement): Promise<void> {
  const view = target.ownerDocument.defaultView;
  return new Promise((resolve) => {
    if (view === null) resolve();
    else view.setTimeout(resolve, 0);
  });
}

function isLexicalEditor(target: HTMLElement): boolean {
  return target.closest('[data-lexical-editor="true"]') !== null;
}

const ELEMENT_NODE = 1;
const BLOCK_CONTAINERS = new Set(['p', 'div']);

function appendAtEnd(target: HTMLElement, text: string): void {
  let container: Element = target;
  while (container.lastElementChild !== null && BLOCK_CONTAINERS.has(container.lastElementChild.localName)) {
    container = container.lastElementChild;
  }
  // An empty editor holds a placeholder <br> (<p><br></p>): it goes when text arrives.
  const only = container.childNodes.length === 1 ? container.firstChild : null;
  if (only !== null && only.nodeType === ELEMENT_NODE && (only as Element).localName === 'br') only.remove();
  container.append(target.ownerDocument.createTextNode(text));
  placeCaretAtEnd(target);
  const view = target.ownerDocument.defaultView;
  const init = { bubbles: true, cancelable: false, inputType: 'insertText', data: text };
  target.dispatchEvent(view !== null && typeof view.InputEvent === 'function' ? new view.InputEvent('input', init) : new Event('input', { bubbles: true }));
}

/**
 * Lexical (Comet comment box, Messenger composer) keeps its own model of the text and undoes DOM
 * changes it did not make: text goes in through the browser's insertText command with the caret
 * inside the editor, or, where the command does nothing, through a paste event carrying the text.
 * Other editors (classic Draft.js boxes, the mobile textarea) take the generic path.
 */
export async function insertFacebookText(target: HTMLElement, text: string): Promise<void> {
  if (text === '') return;
  if (!isLexicalEditor(target)) {
    await insertTextIntoEditor(target, text);
    return;
  }
  const before = target.textContent;
  target.focus();
  placeCaretAtEnd(target);
  if (runInsertTextCommand(target.ownerDocument, text)) {
    await nextTask(target);
    if (target.textContent !== before) return;
  }
  placeCaretAtEnd(target);
  if (pastePlainText(target, text)) {
    await nextTask(target);
    if (target.textContent !== before) return;
  }
  // Neither registered (no editing command, no clipboard events here): put the text in its last
  // paragraph and announce it, as insertTextIntoEditor's own fallback does.
  appendAtEnd(target, text);
}
