import path from 'node:path';
import { rolldown } from 'rolldown';

let bundle: Promise<string> | undefined;

/** The real Lexical editor, bundled once for the test pages. */
function lexicalBundle(): Promise<string> {
  bundle ??= (async () => {
    const build = await rolldown({ input: path.resolve(import.meta.dirname, 'lexical-entry.ts'), logLevel: 'silent' });
    const { output } = await build.generate({ format: 'iife' });
    return output[0].code;
  })();
  return bundle;
}

export const MESSENGER_THREAD_URL = 'https://www.facebook.com/messages/t/100000000000444/';

/**
 * A Messenger thread in Facebook's Comet markup (no page was saved: the shape is the one the
 * Facebook adapter's synthetic Messenger page copies, see tests/unit/sites/facebook.test.ts), with a
 * real Lexical editor as the composer and a send button that, like the site's, is enabled only when
 * the editor's own state holds text.
 */
export async function messengerThreadPage(): Promise<string> {
  const row = (label: string, text: string) =>
    `<div role="row"><div><div role="gridcell" data-scope="messages_table" tabindex="0"><h5 dir="auto"><span>${label}</span></h5><div><div dir="auto">${text}</div></div></div></div></div>`;
  return `<!DOCTYPE html><html><head><title>Messenger | Facebook</title></head><body>
    <div role="main" aria-label="Conversation with Jane Doe">
      <div><a href="https://www.facebook.com/jane.doe/" role="link"><img alt="Jane Doe" src="data:,"><h2><span>Jane Doe</span></h2></a></div>
      <div role="grid" aria-label="Messages in conversation with Jane Doe">
        ${row('Jane Doe', 'Hi! My order 4411 has not arrived.')}
      </div>
      <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message"></div>
        <div role="button" data-testid="send" aria-label="Press enter to send" aria-disabled="true"></div></div>
    </div>
    <script>${await lexicalBundle()}</script></body></html>`;
}
