import { findSensitive, redact } from '@/lib/replies/sensitive';

/** What stands for a hidden value: the same for every kind, so its length tells nothing. */
export const MASK = '•••';

/**
 * The preview with card numbers, e-mail addresses, phone numbers, order and account numbers hidden
 * (the popup is glanced at beside other people; the conversation itself shows them). Angry words are
 * not data and stay.
 */
export function maskSensitive(text: string): string {
  return redact(text, findSensitive(text), { mask: MASK });
}
