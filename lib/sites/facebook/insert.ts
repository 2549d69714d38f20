/**
 * Typing a reply into Facebook's editors. Lexical (Comet comment box, Messenger composer) takes
 * text only through the browser's editing command or a paste; other editors take the generic path
 * of insert-text.ts. Never sends.
 */
import { appendTextAtEnd, insertTextIntoEditor, insertWithEditingCommand, placeCaretAtEnd } from '@/lib/sites/shared/insert-text';

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
  if (insertWithEditingCommand(target, text)) {
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
  appendTextAtEnd(target, text);
}
