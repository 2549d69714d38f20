import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { facebook } from '@/lib/sites/facebook';

type View = Window & typeof globalThis;

interface Page {
  doc: Document;
  view: View;
  editor: HTMLElement;
  /** Everything that would send: submit and keys. */
  sends: string[];
  inputs: Array<{ inputType: string | undefined; data: string | null | undefined }>;
  pastes: string[];
}

/**
 * A Lexical editor as Comet renders the comment box and the Messenger composer
 * (div[contenteditable][role=textbox][data-lexical-editor], an empty <p><br></p>) inside a form, with
 * recorders for input, paste, keys and submit. jsdom has neither document.execCommand nor
 * DataTransfer/ClipboardEvent: each test installs what the browser would provide.
 */
function page(editorHtml = '<div id="editor" contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…"><p><br></p></div>'): Page {
  const { window } = new JSDOM(`<form id="form">${editorHtml}<textarea name="comment_text" id="textarea"></textarea></form>`, {
    url: 'https://www.facebook.com/acme.support/posts/1',
  });
  const view = window as unknown as View;
  const doc = window.document;
  const sends: string[] = [];
  const inputs: Page['inputs'] = [];
  const pastes: string[] = [];
  doc.addEventListener('submit', (event) => {
    sends.push('submit');
    event.preventDefault();
  }, true);
  for (const type of ['keydown', 'keypress', 'keyup']) doc.addEventListener(type, () => sends.push(type), true);
  doc.addEventListener('input', (event) => {
    const input = event as InputEvent;
    inputs.push({ inputType: input.inputType, data: input.data });
  }, true);
  doc.addEventListener('paste', (event) => {
    pastes.push(event.clipboardData?.getData('text/plain') ?? '');
  }, true);
  const editor = doc.getElementById('editor') ?? doc.getElementById('textarea');
  if (editor === null) throw new Error('no editor');
  return { doc, view, editor, sends, inputs, pastes };
}

/** What Lexical does with a change: updates its DOM after the event (a microtask later), then fires input. */
function lexicalApply(editor: HTMLElement, view: View, text: string): void {
  view.queueMicrotask(() => {
    const paragraph = editor.querySelector('p') ?? editor;
    paragraph.querySelector('br')?.remove();
    paragraph.append(editor.ownerDocument.createTextNode(text));
    editor.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  });
}

/** The browser's clipboard types, minimal: a DataTransfer holding strings and a ClipboardEvent carrying it. */
function installClipboard(view: View): void {
  class FakeDataTransfer {
    private readonly data = new Map<string, string>();
    setData(type: string, value: string): void {
      this.data.set(type, value);
    }
    getData(type: string): string {
      return this.data.get(type) ?? '';
    }
  }
  class FakeClipboardEvent extends view.Event {
    readonly clipboardData: FakeDataTransfer | null;
    constructor(type: string, init: EventInit & { clipboardData?: FakeDataTransfer | null } = {}) {
      super(type, init);
      this.clipboardData = init.clipboardData ?? null;
    }
  }
  Object.assign(view, { DataTransfer: FakeDataTransfer, ClipboardEvent: FakeClipboardEvent });
}

function installCommand(doc: Document, command: (name: string, value: string | undefined) => boolean): Array<[string, string | undefined]> {
  const calls: Array<[string, string | undefined]> = [];
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- stands in for the browser's command
  doc.execCommand = (name: string, _showUi?: boolean, value?: string): boolean => {
    calls.push([name, value]);
    return command(name, value);
  };
  return calls;
}

describe('facebook.insertText into a Lexical editor (Comet comment box, Messenger composer)', () => {
  it('focuses, puts the caret inside and types through insertText; Lexical applies it a moment later; nothing else runs', async () => {
    const { doc, view, editor, sends, pastes } = page();
    installClipboard(view);
    let caretInEditor = false;
    const calls = installCommand(doc, (_name, value) => {
      // The command runs at the caret, which must be in the editor.
      caretInEditor = editor.contains(doc.getSelection()?.anchorNode ?? null);
      lexicalApply(editor, view, value ?? '');
      return true;
    });
    await facebook.insertText(editor, 'Hi Jane, thanks for writing!');
    expect(calls).toEqual([['insertText', 'Hi Jane, thanks for writing!']]);
    expect(caretInEditor).toBe(true);
    expect(editor.textContent).toBe('Hi Jane, thanks for writing!');
    expect(doc.activeElement).toBe(editor);
    // Not pasted a second time while Lexical was still applying the first.
    expect(pastes).toEqual([]);
    expect(sends).toEqual([]);
  });

  it('where the command does nothing, a paste carrying the text (Lexical takes it and prevents the default)', async () => {
    const { doc, view, editor, sends, pastes } = page();
    installClipboard(view);
    const calls = installCommand(doc, () => false);
    editor.addEventListener('paste', (event) => {
      const data = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      lexicalApply(editor, view, data);
    });
    await facebook.insertText(editor, 'Sorry about that.');
    expect(calls).toEqual([['insertText', 'Sorry about that.']]);
    expect(pastes).toEqual(['Sorry about that.']);
    expect(editor.textContent).toBe('Sorry about that.');
    expect(sends).toEqual([]);
  });

  it('where neither registers, the text is appended to the last paragraph and announced', async () => {
    const { editor, inputs, sends } = page();
    await facebook.insertText(editor, 'On my way');
    expect(editor.querySelector('p')?.textContent).toBe('On my way');
    expect(editor.querySelector('br')).toBeNull();
    expect(inputs).toEqual([{ inputType: 'insertText', data: 'On my way' }]);
    expect(sends).toEqual([]);
  });

  it('a command that claims success but changes nothing is followed by the paste, not trusted', async () => {
    const { doc, view, editor, pastes } = page();
    installClipboard(view);
    installCommand(doc, () => true);
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      lexicalApply(editor, view, event.clipboardData?.getData('text/plain') ?? '');
    });
    await facebook.insertText(editor, 'Hello');
    expect(pastes).toEqual(['Hello']);
    expect(editor.textContent).toBe('Hello');
  });

  it('appends after what is already typed', async () => {
    const { doc, view, editor } = page(
      '<div id="editor" contenteditable="true" role="textbox" data-lexical-editor="true"><p><span data-lexical-text="true">Hi Jane,</span></p></div>',
    );
    installCommand(doc, (_name, value) => {
      lexicalApply(editor, view, value ?? '');
      return true;
    });
    await facebook.insertText(editor, ' see you soon');
    expect(editor.textContent).toBe('Hi Jane, see you soon');
  });

  it('empty text: nothing happens', async () => {
    const { doc, editor, inputs } = page();
    const calls = installCommand(doc, () => true);
    await facebook.insertText(editor, '');
    expect(calls).toEqual([]);
    expect(inputs).toEqual([]);
    expect(editor.innerHTML).toBe('<p><br></p>');
  });
});

describe('facebook.insertText into the other editors', () => {
  it('classic Draft.js box: the generic path (insertText command)', async () => {
    const { doc, editor, sends } = page(
      '<div class="UFIAddCommentInput"><div id="editor" contenteditable="true" role="combobox"><div data-contents="true"><div data-block="true"><span><br data-text="true"></span></div></div></div></div>',
    );
    const calls = installCommand(doc, () => false);
    await facebook.insertText(editor, 'Thanks!');
    expect(calls).toEqual([['insertText', 'Thanks!']]);
    expect(editor.textContent).toBe('Thanks!');
    expect(sends).toEqual([]);
  });

  it('m.facebook.com textarea: value set through the native setter, input fired, never sent', async () => {
    const { doc, sends, inputs } = page('');
    const textarea = doc.getElementById('textarea') as HTMLTextAreaElement;
    await facebook.insertText(textarea, 'Great, see you!');
    expect(textarea.value).toBe('Great, see you!');
    expect(inputs).toEqual([{ inputType: 'insertText', data: 'Great, see you!' }]);
    expect(sends).toEqual([]);
  });
});
