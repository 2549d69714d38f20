/**
 * The most messages a conversation read returns: the latest ones. The panel and the reply help use
 * at most the last 60 texts (entrypoints/background/replies-subject.ts), and a 1,000-message thread
 * read whole costs the page more than everything else the content script does.
 */
export const MAX_CONVERSATION_MESSAGES = 60;

/** Where the latest `MAX_CONVERSATION_MESSAGES` of `count` items start. */
export function firstKeptIndex(count: number): number {
  return Math.max(0, count - MAX_CONVERSATION_MESSAGES);
}

/**
 * The latest `MAX_CONVERSATION_MESSAGES` messages of a thread whose `count` rows are read from the end:
 * `readFrom(from)` reads rows `from…count-1` (a fresh read each call, its own flags). Rows that are no
 * message (day separators, notices) leave fewer messages than rows, so the start moves back, doubling
 * the span, until there are enough or every row was read.
 */
export function readLatestMessages<R extends { messages: unknown[] }>(count: number, readFrom: (from: number) => R): R {
  let from = firstKeptIndex(count);
  for (;;) {
    const read = readFrom(from);
    if (read.messages.length >= MAX_CONVERSATION_MESSAGES || from === 0) {
      read.messages.splice(0, Math.max(0, read.messages.length - MAX_CONVERSATION_MESSAGES));
      return read;
    }
    from = Math.max(0, from - Math.max(MAX_CONVERSATION_MESSAGES, count - from));
  }
}
