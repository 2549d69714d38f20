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
