// Runs in the test page: the real Lexical editor on the composer, as Facebook and Messenger use it.
import { $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';

const root = document.querySelector<HTMLElement>('[data-lexical-editor="true"]');
const send = document.querySelector<HTMLElement>('[data-testid="send"]');
if (!root || !send) throw new Error('The test page has no composer or send button');

const editor = createEditor({ namespace: 'composer', onError: (error) => console.error(error) });
editor.setRootElement(root);
registerPlainText(editor);

// What the site does: the send button is enabled only when the editor's own state holds text.
editor.registerUpdateListener(({ editorState }) => {
  const text = editorState.read(() => $getRoot().getTextContent());
  send.setAttribute('aria-disabled', String(text.trim() === ''));
  send.dataset.editorText = text;
});
send.addEventListener('click', () => {
  send.dataset.sent = 'true';
});
