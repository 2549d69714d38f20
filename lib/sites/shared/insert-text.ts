/**
 * Putting text into a site's editor so that the site notices it, the way typing or pasting would.
 * Generic: contenteditable editors (Quill, Draft, Lexical, ProseMirror…) and plain text controls.
 * Never presses Enter, never submits: the person sends.
 */

import { ELEMENT_NODE } from './dom-query';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

function isTextControl(target: HTMLElement): target is TextControl {
  return target.localName === 'textarea' || target.localName === 'input';
}

function viewOf(target: HTMLElement): (Window & typeof globalThis) | null {
  return target.ownerDocument.defaultView;
}

function inputEvent(target: HTMLElement, text: string): Event {
  const view = viewOf(target);
  const init = { bubbles: true, cancelable: false, inputType: 'insertText', data: text };
  if (view !== null && typeof view.InputEvent === 'function') return new view.InputEvent('input', init);
  return new Event('input', { bubbles: true });
}

/**
 * Frameworks (React and others) shadow `value` on the element; the prototype's setter is the one
 * that updates the real value so that their own change tracking sees the new text.
 */
function setNativeValue(target: TextControl, value: string): void {
  const view = viewOf(target);
  const prototype =
    target.localName === 'textarea' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  // Reflect.set runs the prototype's accessor with the element as `this`.
  if (prototype === undefined || !Reflect.set(prototype, 'value', value, target)) target.value = value;
}

function moveCaretToEndOfControl(target: TextControl): void {
  const end = target.value.length;
  try {
    target.setSelectionRange(end, end);
  } catch {
    // Inputs such as type=email do not support selection; the value is still right.
  }
}

function insertIntoTextControl(target: TextControl, text: string): void {
  target.focus();
  moveCaretToEndOfControl(target);
  setNativeValue(target, target.value + text);
  moveCaretToEndOfControl(target);
  target.dispatchEvent(inputEvent(target, text));
}

/** Collapses the document's selection to the end of `target`'s content. */
export function placeCaretAtEnd(target: HTMLElement): void {
  const selection = target.ownerDocument.getSelection();
  if (selection === null) return;
  const range = target.ownerDocument.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * `execCommand('insertText')` is deprecated but still the only way to type through the browser's
 * editing pipeline (beforeinput, input, undo history), which is what the site's editor listens to.
 * True when the browser took the text.
 */
export function insertWithEditingCommand(target: HTMLElement, text: string): boolean {
  const doc = target.ownerDocument;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

const BLOCK_CONTAINERS = new Set(['p', 'div']);

/** Editors keep their text in paragraphs; new text goes at the end of the last one. */
function lastParagraph(target: HTMLElement): Element {
  let container: Element = target;
  while (container.lastElementChild !== null && BLOCK_CONTAINERS.has(container.lastElementChild.localName)) {
    container = container.lastElementChild;
  }
  return container;
}

/** An empty editor holds a placeholder `<br>` (`<p><br></p>`): it goes when text arrives. */
function removePlaceholderBreak(container: Element): void {
  const only = container.childNodes.length === 1 ? container.firstChild : null;
  if (only !== null && only.nodeType === ELEMENT_NODE && (only as Element).localName === 'br') only.remove();
}

/**
 * The fallback where no editing command registers: `text` appended to the editor's last paragraph
 * (its placeholder `<br>` dropped), the caret after it, and an `input` event announcing it.
 */
export function appendTextAtEnd(target: HTMLElement, text: string): void {
  const container = lastParagraph(target);
  removePlaceholderBreak(container);
  container.append(target.ownerDocument.createTextNode(text));
  placeCaretAtEnd(target);
  target.dispatchEvent(inputEvent(target, text));
}

function insertIntoContentEditable(target: HTMLElement, text: string): void {
  target.focus();
  placeCaretAtEnd(target);
  if (insertWithEditingCommand(target, text)) return;
  appendTextAtEnd(target, text);
}

/** Focus `target`, put the caret at the end and insert `text` there; the site's editor registers it. */
export async function insertTextIntoEditor(target: HTMLElement, text: string): Promise<void> {
  if (text === '') return;
  if (isTextControl(target)) insertIntoTextControl(target, text);
  else insertIntoContentEditable(target, text);
}
