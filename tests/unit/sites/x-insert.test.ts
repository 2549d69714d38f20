import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { insertTextIntoEditor } from '@/lib/sites/shared/insert-text';
import { x } from '@/lib/sites/x';

/**
 * A Draft.js-like editor: X's post, reply and (before X Chat) DM boxes. Its markup is the one of the
 * saved pages (x/home-2021-a.html, x/status-2026-article-own.html: `public-DraftEditor-content` >
 * `[data-contents]` > block > leaf `<span data-offset-key>` holding `<span data-text="true">text</span>`,
 * or `<br data-text="true">` when empty). Like Draft.js it keeps its own model and
 * - learns the caret from `selectionchange` while it has the focus (React's onSelect),
 * - on `beforeinput` insertText may take the text itself at *its* caret, cancel the browser's insertion
 *   and render again (editOnBeforeInput), or let the browser insert,
 * - on `input` reads the leaf the browser wrote into back into its model (editOnInput).
 */
interface DraftLike {
  doc: Document;
  editor: HTMLElement;
  model: { text: string; caret: number };
  /** What would send: Enter keys and form submits. */
  sends: string[];
  inputs: string[];
}

function draftLike(options: { text?: string; handlesBeforeInput?: boolean } = {}): DraftLike {
  const { document: doc } = new JSDOM(
    `<form id="form"><div class="DraftEditor-root"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0" aria-label="Post text"><div data-contents="true"><div data-block="true" data-offset-key="b1-0-0"><div data-offset-key="b1-0-0" class="public-DraftStyleDefault-block"><span data-offset-key="b1-0-0"></span></div></div></div></div></div><button type="submit">Reply</button></form>`,
    { url: 'https://x.com/DanaR/status/101' },
  ).window;
  const editor = doc.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
  const leaf = doc.querySelector('span[data-offset-key]')!;
  // Draft's selection starts at the beginning until a select event says otherwise.
  const model = { text: options.text ?? '', caret: 0 };
  const render = (): void => {
    leaf.innerHTML = model.text === '' ? '<br data-text="true">' : '';
    if (model.text !== '') {
      const span = doc.createElement('span');
      span.setAttribute('data-text', 'true');
      span.textContent = model.text;
      leaf.append(span);
    }
  };
  render();
  const caretFromDom = (): number | undefined => {
    const selection = doc.getSelection();
    if (selection === null || selection.rangeCount === 0) return undefined;
    const point = selection.getRangeAt(0);
    if (!editor.contains(point.startContainer)) return undefined;
    const before = doc.createRange();
    before.setStart(editor, 0);
    before.setEnd(point.startContainer, point.startOffset);
    return before.toString().length;
  };
  doc.addEventListener('selectionchange', () => {
    if (doc.activeElement !== editor) return;
    const caret = caretFromDom();
    if (caret !== undefined) model.caret = caret;
  });
  editor.addEventListener('beforeinput', (event) => {
    if (options.handlesBeforeInput !== true || event.inputType !== 'insertText') return;
    event.preventDefault();
    const data = event.data ?? '';
    model.text = model.text.slice(0, model.caret) + data + model.text.slice(model.caret);
    model.caret += data.length;
    render();
  });
  const inputs: string[] = [];
  editor.addEventListener('input', (event) => {
    inputs.push((event as InputEvent).inputType);
    model.text = editor.textContent;
    model.caret = caretFromDom() ?? model.text.length;
  });
  const sends: string[] = [];
  doc.addEventListener('submit', (event) => {
    sends.push('submit');
    event.preventDefault();
  }, true);
  for (const type of ['keydown', 'keypress', 'keyup']) {
    doc.addEventListener(type, (event) => sends.push(`${type}:${(event as KeyboardEvent).key}`), true);
  }
  return { doc, editor, model, sends, inputs };
}

/**
 * What Chrome's `execCommand('insertText')` does: beforeinput (cancelable), else insert at the
 * selection, then input. `answer` is what the command returns (true in Chrome).
 */
function browserInsertText(doc: Document, answer = true): string[] {
  const calls: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- stands in for the browser's command
  doc.execCommand = (command: string, _showUi?: boolean, value?: string): boolean => {
    calls.push(`${command}:${value ?? ''}`);
    if (command !== 'insertText') return false;
    const target = doc.activeElement;
    const view = doc.defaultView!;
    if (target === null) return false;
    const proceed = target.dispatchEvent(new view.InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: value ?? '' }));
    if (proceed) {
      const range = doc.getSelection()!.getRangeAt(0);
      const container = range.startContainer;
      if (container.nodeType === 3) {
        (container as Text).insertData(range.startOffset, value ?? '');
        range.setStart(container, range.startOffset + (value ?? '').length);
      } else {
        const text = doc.createTextNode(value ?? '');
        range.insertNode(text);
        range.setStartAfter(text);
      }
      range.collapse(true);
      target.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value ?? '' }));
    }
    return answer;
  };
  return calls;
}

describe('insertText into X\'s Draft.js boxes', () => {
  it('an empty reply box: the editor registers the text once, focus kept, nothing sent', async () => {
    const page = draftLike({ handlesBeforeInput: true });
    const calls = browserInsertText(page.doc);
    await x.insertText(page.editor, 'Sorry, Dana! Please DM us.');
    expect(calls).toEqual(['insertText:Sorry, Dana! Please DM us.']);
    expect(page.model.text).toBe('Sorry, Dana! Please DM us.');
    expect(page.editor.textContent).toBe('Sorry, Dana! Please DM us.');
    expect(page.doc.activeElement).toBe(page.editor);
    expect(page.sends).toEqual([]);
  });

  it('after a draft already there: the editor\'s own caret is moved to the end first', async () => {
    const page = draftLike({ text: 'Hi Dana,', handlesBeforeInput: true });
    browserInsertText(page.doc);
    await x.insertText(page.editor, ' we are on it.');
    expect(page.model.text).toBe('Hi Dana, we are on it.');
    expect(page.editor.textContent).toBe('Hi Dana, we are on it.');
    expect(page.sends).toEqual([]);
  });

  it('why the X step: the generic insertion leaves Draft\'s caret where it was (the start)', async () => {
    const page = draftLike({ text: 'Hi Dana,', handlesBeforeInput: true });
    browserInsertText(page.doc);
    await insertTextIntoEditor(page.editor, ' we are on it.');
    // jsdom sends no selectionchange of its own: the editor never learnt of the new caret.
    expect(page.model.text).toBe(' we are on it.Hi Dana,');
  });

  it('when the editor lets the browser insert: the text lands inside the last leaf, where Draft.js reads it back', async () => {
    const page = draftLike({ text: 'Hi Dana,' });
    browserInsertText(page.doc);
    await x.insertText(page.editor, ' thanks!');
    expect(page.doc.querySelector('[data-text="true"]')?.textContent).toBe('Hi Dana, thanks!');
    expect(page.model.text).toBe('Hi Dana, thanks!');
    expect(page.inputs).toEqual(['insertText']);
  });

  it('an empty leaf: the caret goes before Draft\'s placeholder <br>, inside the leaf', async () => {
    const page = draftLike();
    browserInsertText(page.doc);
    await x.insertText(page.editor, 'Hello');
    const leaf = page.doc.querySelector('span[data-offset-key]');
    expect(leaf?.firstChild?.nodeValue).toBe('Hello');
    expect(page.model.text).toBe('Hello');
  });

  it('without the browser command: the generic insertion and an input event the editor reads', async () => {
    const page = draftLike({ text: 'Hi' });
    Object.defineProperty(page.doc, 'execCommand', { value: undefined, configurable: true });
    await x.insertText(page.editor, ' there');
    expect(page.model.text).toBe('Hi there');
    expect(page.inputs).toEqual(['insertText']);
    expect(page.sends).toEqual([]);
  });

  it('a command that says no after the editor took the text: not inserted twice', async () => {
    const page = draftLike({ handlesBeforeInput: true });
    browserInsertText(page.doc, false);
    await x.insertText(page.editor, 'Once');
    expect(page.model.text).toBe('Once');
    expect(page.editor.textContent).toBe('Once');
  });

  it('empty text: nothing happens', async () => {
    const page = draftLike({ text: 'Hi' });
    const calls = browserInsertText(page.doc);
    await x.insertText(page.editor, '');
    expect(calls).toEqual([]);
    expect(page.model.text).toBe('Hi');
  });
});

describe('insertText into X Chat\'s message box (a textarea in a shadow root)', () => {
  it('sets the value the way React notices, fires input, never sends', async () => {
    const { document: doc } = new JSDOM('<div data-testid="xchatEmbedRoute"></div>', { url: 'https://x.com/i/chat/1-2' }).window;
    const host = doc.querySelector('[data-testid="xchatEmbedRoute"]')!;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<form><textarea data-testid="dm-composer-textarea" placeholder="Message"></textarea><button data-testid="dm-composer-send-button" type="submit">Send</button></form>';
    const box = host.shadowRoot!.querySelector('textarea')!;
    const events: string[] = [];
    box.addEventListener('input', (event) => events.push(`input:${(event as InputEvent).inputType}`));
    host.shadowRoot!.addEventListener('submit', () => events.push('submit'));
    box.addEventListener('keydown', () => events.push('keydown'));
    box.value = 'Hey!';
    expect(x.composer(doc)).toBe(box);
    await x.insertText(box, ' Happy to help.');
    expect(box.value).toBe('Hey! Happy to help.');
    expect(events).toEqual(['input:insertText']);
    expect(host.shadowRoot!.activeElement).toBe(box);
  });
});
