/**
 * The safety gate every reply passes before it reaches a composer: suggestions, generated replies,
 * the Move-to-DM acknowledgement and the background's insert path all call `gateReply`.
 *
 * In a public place (a post, a comment thread) no value that `findSensitive` finds goes in: not one
 * the customer wrote (their order number, e-mail, phone, card, account talk) repeated back, however it
 * is spaced or punctuated, and not one the candidate text itself holds. A private channel (a DM) takes
 * any text: that is where such details belong. The gate says why it refused, so the panel can show it.
 */
import { findPersonalData, type SensitiveKind } from './sensitive';

export type ReplyChannel = 'public' | 'private';

/** Personal data and account talk; sentiment is nobody's personal data and never blocks a reply. */
export const GATED_KINDS: readonly SensitiveKind[] = ['order', 'email', 'phone', 'card', 'account'];

export interface GateReason {
  /** `customer-value`: the text repeats what the customer wrote; `own-value`: the text itself holds it. */
  code: 'customer-value' | 'own-value';
  kind: SensitiveKind;
}

export interface GateResult {
  allowed: boolean;
  /** Each kind once per code, in the order found. */
  reasons: GateReason[];
}

/** A value the customer wrote, ready to be recognised again in other text. */
export interface SensitiveValue {
  kind: SensitiveKind;
  /** Letters and digits only, lower-cased: "#A-1042 8841" → "a10428841". */
  key: string;
  /** The longest run of digits where it has at least `MIN_DIGIT_CORE` ("10428841"), else null. */
  digitCore: string | null;
}

/** Shorter keys ("ab", "12") would match innocent text; the detectors find nothing that short anyway. */
const MIN_KEY_LENGTH = 4;
const MIN_DIGIT_CORE = 5;
/** What people put between the digits of one number: spaces, dashes, dots, slashes, brackets. */
const DIGIT_SEPARATORS = /(?<=\p{N})[\s\-‐‑‒–—.,/()（）・]+(?=\p{N})/gu;

/** Lower-cased letters and digits only, full-width forms folded, digits joined across separators. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(DIGIT_SEPARATORS, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function digitCoreOf(key: string): string | null {
  let longest = '';
  for (const run of key.match(/\p{N}+/gu) ?? []) if (run.length > longest.length) longest = run;
  return longest.length >= MIN_DIGIT_CORE ? longest : null;
}

/** The gated values `findSensitive` finds in the customer's texts, each once. */
export function sensitiveValuesOf(customerTexts: readonly string[]): SensitiveValue[] {
  const byKey = new Map<string, SensitiveValue>();
  for (const text of customerTexts) {
    for (const finding of findPersonalData(text)) {
      if (!GATED_KINDS.includes(finding.kind)) continue;
      const key = compactText(text.slice(finding.start, finding.end));
      if (key.length < MIN_KEY_LENGTH || byKey.has(key)) continue;
      byKey.set(key, { kind: finding.kind, key, digitCore: digitCoreOf(key) });
    }
  }
  return [...byKey.values()];
}

/** Whether `text` holds `value` again, however it is spaced, cased or punctuated. */
export function containsValue(text: string, value: SensitiveValue): boolean {
  const compact = compactText(text);
  return compact.includes(value.key) || (value.digitCore !== null && compact.includes(value.digitCore));
}

function addReason(reasons: GateReason[], reason: GateReason): void {
  if (!reasons.some((known) => known.code === reason.code && known.kind === reason.kind)) reasons.push(reason);
}

/** What in `text` would reach the public if it went into a public composer (empty for a private one). */
export function gateReasons(text: string, channel: ReplyChannel, values: readonly SensitiveValue[]): GateReason[] {
  if (channel === 'private') return [];
  const reasons: GateReason[] = [];
  for (const value of values) if (containsValue(text, value)) addReason(reasons, { code: 'customer-value', kind: value.kind });
  for (const finding of findPersonalData(text)) {
    if (GATED_KINDS.includes(finding.kind)) addReason(reasons, { code: 'own-value', kind: finding.kind });
  }
  return reasons;
}

/** The gate: may `text` go into a composer of this channel, given what the customer wrote? */
export function gateReply(text: string, channel: ReplyChannel, values: readonly SensitiveValue[]): GateResult {
  const reasons = gateReasons(text, channel, values);
  return { allowed: reasons.length === 0, reasons };
}

/** A variable value that must not be filled into public text: it is, or holds, a gated value. */
export function isSensitiveValue(value: string, values: readonly SensitiveValue[]): boolean {
  return values.some((known) => containsValue(value, known)) || findPersonalData(value).some((finding) => GATED_KINDS.includes(finding.kind));
}

/** The refusal an insert path answers with, in words the agent can act on. */
export function refusalMessage(reasons: readonly GateReason[]): string {
  const kinds = [...new Set(reasons.map((reason) => KIND_WORDS[reason.kind]))].join(', ');
  return `Refused: this reply would put ${kinds} in public. Leave it out, or move the conversation to a private message.`;
}

const KIND_WORDS: Record<SensitiveKind, string> = {
  order: 'an order or ticket number',
  email: 'an e-mail address',
  phone: 'a phone number',
  card: 'a card number',
  account: 'account details',
  negative: 'strong words',
};
