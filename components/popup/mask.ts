import { findSensitive } from '@/lib/replies/sensitive';

/** What stands for a hidden value: the same for every kind, so its length tells nothing. */
export const MASK = '•••';

/**
 * The preview with card numbers, e-mail addresses, phone numbers, order and account numbers hidden
 * (the popup is glanced at beside other people; the conversation itself shows them). Angry words are
 * not data and stay.
 */
export function maskSensitive(text: string): string {
  const spans = findSensitive(text)
    .filter((span) => span.kind !== 'negative')
    .sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    masked += text.slice(at, Math.max(at, span.start)) + MASK;
    at = span.end;
  }
  return masked + text.slice(at);
}
