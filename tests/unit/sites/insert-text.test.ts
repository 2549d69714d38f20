import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { insertTextIntoEditor } from '@/lib/sites/shared/insert-text';
import { linkedin } from '@/lib/sites/linkedin';

interface Page {
  doc: Document;
  editor: HTMLElement;
  textarea: HTMLTextAreaElement;
  events: string[];
  inputs: Array<{ target: string; inputType: string | undefined; data: string | null | undefined }>;
}

/** An editor and a textarea in a form, recording everything that would send: submit and Enter. */
function page(editorContent = '<p><br></p>'): Page {
  const { document: doc } = new JSDOM(
    `<form id="form"><div id="editor" contenteditable="true" role="textbox">${editorContent}</div>` +
      `<textarea id="textarea"></textarea><button type="submit">Send</button></form>`,
    { url: 'https://www.linkedin.com/messaging/thread/1/' },
  ).window;
  const events: string[] = [];
  const inputs: Page['inputs'] = [];
  doc.addEventListener('submit', (event) => {
    events.push('submit');
    event.preventDefault();
  }, true);
  for (const type of ['keydown', 'keypress', 'keyup']) {
    doc.addEventListener(type, (event) => events.push(`${type}:${(event as KeyboardEvent).key}`), true);
  }
  doc.addEventListener('input', (event) => {
    const input = event as InputEvent;
    inputs.push({ target: (event.target as Element).id, inputType: input.inputType, data: input.data });
  }, true);
  const editor = doc.getElementById('editor') as HTMLElement;
  const textarea = doc.getElementById('textarea') as HTMLTextAreaElement;
  return { doc, editor, textarea, events, inputs };
}

describe('insertText into a contenteditable editor', () => {
  it('puts the text in the empty editor, fires input, focuses, never sends', async () => {
    const { doc, editor, events, inputs } = page();
    await linkedin.insertText(editor, 'Thanks, Mariana!');
    expect(editor.textContent).toBe('Thanks, Mariana!');
    expect(editor.querySelector('br')).toBeNull();
    expect(editor.querySelector('p')?.textContent).toBe('Thanks, Mariana!');
    expect(inputs).toEqual([{ target: 'editor', inputType: 'insertText', data: 'Thanks, Mariana!' }]);
    expect(doc.activeElement).toBe(editor);
    expect(events).toEqual([]);
  });

  it('appends at the end of what is already there, caret after it', async () => {
    const { doc, editor } = page('<p>Hello</p>');
    await insertTextIntoEditor(editor, ' world');
    expect(editor.textContent).toBe('Hello world');
    const selection = doc.getSelection();
    expect(selection?.isCollapsed).toBe(true);
    expect(editor.contains(selection?.anchorNode ?? null)).toBe(true);
  });

  it('uses the browser editing command where there is one, without inserting twice', async () => {
    const { doc, editor, inputs } = page();
    const commands: Array<[string, string | undefined]> = [];
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- stands in for the browser's command
    doc.execCommand = (command: string, _showUi?: boolean, value?: string): boolean => {
      commands.push([command, value]);
      // What a browser does: insert at the caret, then fire input.
      doc.getSelection()?.getRangeAt(0).insertNode(doc.createTextNode(value ?? ''));
      editor.dispatchEvent(new doc.defaultView!.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value ?? null }));
      return true;
    };
    await insertTextIntoEditor(editor, 'Hi');
    expect(commands).toEqual([['insertText', 'Hi']]);
    expect(editor.textContent).toBe('Hi');
    expect(inputs).toHaveLength(1);
  });

  it('falls back when the editing command refuses', async () => {
    const { doc, editor, inputs } = page();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- stands in for the browser's command
    doc.execCommand = (): boolean => false;
    await insertTextIntoEditor(editor, 'Hi');
    expect(editor.textContent).toBe('Hi');
    expect(inputs).toHaveLength(1);
  });
});

describe('insertText into a textarea', () => {
  it('sets the value through the native setter and fires input, never sends', async () => {
    const { doc, textarea, events, inputs } = page();
    // Like React: an own `value` property that tracks assignments made through the element.
    let trackedAssignments = 0;
    const prototypeValue = Object.getOwnPropertyDescriptor(doc.defaultView!.HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get: () => prototypeValue.get!.call(textarea) as string,
      set: (value: string) => {
        trackedAssignments += 1;
        prototypeValue.set!.call(textarea, value);
      },
    });
    await linkedin.insertText(textarea, 'On my way');
    expect(textarea.value).toBe('On my way');
    expect(trackedAssignments).toBe(0);
    expect(inputs).toEqual([{ target: 'textarea', inputType: 'insertText', data: 'On my way' }]);
    expect(doc.activeElement).toBe(textarea);
    expect(textarea.selectionStart).toBe('On my way'.length);
    expect(events).toEqual([]);
  });

  it('appends to existing text', async () => {
    const { textarea } = page();
    textarea.value = 'Hello';
    await insertTextIntoEditor(textarea, ', Jane');
    expect(textarea.value).toBe('Hello, Jane');
  });

  it('does nothing for empty text', async () => {
    const { textarea, inputs } = page();
    await insertTextIntoEditor(textarea, '');
    expect(textarea.value).toBe('');
    expect(inputs).toEqual([]);
  });
});
