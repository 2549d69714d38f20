import type { PageMessage } from '@/lib/model/page-context';

const EXCERPT_PREFIX = 'excerpt:';

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Stable names for a thread's messages across re-reads of the page: by author, time and the start of
 * the text (a "See more" may later show the rest); without a time, by author, text and how many
 * identical messages came before it.
 */
export async function messageFingerprints(messages: readonly PageMessage[]): Promise<string[]> {
  const seen = new Map<string, number>();
  return Promise.all(
    messages.map((message) => {
      const text = normalised(message.text);
      const base = message.at
        ? `${message.direction}|${message.author.handle.toLowerCase()}|${message.at}|${text.slice(0, 64)}`
        : `${message.direction}|${message.author.handle.toLowerCase()}|${text}`;
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      return sha256Hex(`${base}#${occurrence}`);
    }),
  );
}

/** An inbox row's excerpt stands in for the message until the thread itself is read. */
export async function excerptFingerprint(threadKey: string, message: PageMessage): Promise<string> {
  return EXCERPT_PREFIX + (await sha256Hex(`${threadKey}|${message.at ?? ''}|${normalised(message.text)}`));
}

export function isExcerpt(fingerprint: string): boolean {
  return fingerprint.startsWith(EXCERPT_PREFIX);
}
