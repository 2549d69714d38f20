/**
 * What in a public text should not be discussed in public (the design's contract), whether to
 * suggest moving the conversation private, and the text with those parts masked.
 */
import { findAccountTalk } from './sensitive-account';
import { findAddresses } from './sensitive-address';
import { findIbans } from './sensitive-iban';
import { findEmails } from './sensitive-email';
import { findNegative } from './sensitive-negative';
import { textViews } from './sensitive-normalize';
import { findNumbers } from './sensitive-numbers';
import { findOrders } from './sensitive-order';
import { resolveFindings } from './sensitive-resolve';
import { SENSITIVE_KINDS, type SensitiveDetail, type SensitiveFinding, type SensitiveKind } from './sensitive-types';

export { SENSITIVE_DETAILS, SENSITIVE_KINDS, type SensitiveDetail, type SensitiveFinding, type SensitiveKind } from './sensitive-types';

/**
 * The e-mail addresses, phone numbers, order and ticket numbers, card numbers, account and
 * password talk, and strong negative sentiment in `text` (English and Japanese), sorted by start
 * and never overlapping; `text.slice(start, end)` is each finding. Postal addresses (with Japanese
 * addresses and 〒 codes), IBANs and member numbers are 'account' findings with `detail` saying
 * which. Never throws.
 */
export function findSensitive(text: string): Array<{ kind: SensitiveKind; start: number; end: number; detail?: SensitiveDetail }> {
  return detect(text, true);
}

/**
 * `findSensitive` without the sentiment detector: exactly its findings other than 'negative'
 * (sentiment has the lowest precedence, so it never takes characters from another kind). What the
 * public-safety gate reads, several times per suggestion, at a fraction of the cost.
 */
export function findPersonalData(text: string): SensitiveFinding[] {
  return detect(text, false);
}

function detect(text: string, withSentiment: boolean): SensitiveFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const views = textViews(text);
    const candidates = [
      ...findOrders(views),
      ...findIbans(views),
      ...findAddresses(views),
      ...findNumbers(views),
      ...findEmails(views),
      ...findAccountTalk(views),
      ...(withSentiment ? findNegative(views) : []),
    ];
    return resolveFindings(text, candidates);
  } catch {
    // A detector bug must not take the panel down; the panel then simply shows no warning.
    return [];
  }
}

/** Everything but sentiment is personal data or account talk: reason enough on its own. */
const PRIVATE_KINDS: ReadonlySet<SensitiveKind> = new Set(['email', 'phone', 'order', 'card', 'account']);

/**
 * Whether to suggest moving the conversation private, and why (the kinds found, most specific
 * first). Personal data or account talk always suggests it. `findSensitive` reports only strong
 * negative sentiment ("furious", "scam", "最悪"), never mild ("a bit disappointed"), so a
 * negative finding suggests it on its own too.
 */
export function shouldSuggestPrivate(findings: readonly SensitiveFinding[]): { suggest: boolean; reasons: SensitiveKind[] } {
  const found = new Set(findings.map((finding) => finding.kind));
  const reasons = SENSITIVE_KINDS.filter((kind) => found.has(kind));
  const personal = reasons.some((kind) => PRIVATE_KINDS.has(kind));
  return { suggest: personal || found.has('negative'), reasons };
}

const MASKS: Record<'en' | 'ja', Record<SensitiveKind, string>> = {
  en: {
    email: '[email]',
    phone: '[phone]',
    order: '[order number]',
    card: '[card number]',
    account: '[account details]',
    negative: '[…]',
  },
  ja: {
    email: '［メールアドレス］',
    phone: '［電話番号］',
    order: '［注文番号］',
    card: '［カード番号］',
    account: '［アカウント情報］',
    negative: '［…］',
  },
};

export interface RedactOptions {
  lang?: 'en' | 'ja';
  /** Kinds left as written; by default sentiment is kept, since it is no one's personal data. */
  keep?: readonly SensitiveKind[];
  /** One mask for every kind (e.g. '•••' in a glanceable preview), instead of the kind's label. */
  mask?: string;
}

/**
 * `text` with each finding replaced by a mask such as "[order number]", for a public reply or a
 * prompt to a reply provider. Findings may come in any order; overlapping or out-of-range ones
 * are clipped, never trusted.
 */
export function redact(text: string, findings: readonly SensitiveFinding[], options: RedactOptions = {}): string {
  const masks = MASKS[options.lang ?? 'en'];
  const keep = new Set(options.keep ?? ['negative']);
  const ordered = [...findings].filter((finding) => !keep.has(finding.kind)).sort((a, b) => a.start - b.start);
  let out = '';
  let position = 0;
  for (const finding of ordered) {
    const start = Math.max(position, Math.min(text.length, Math.trunc(finding.start)));
    const end = Math.max(start, Math.min(text.length, Math.trunc(finding.end)));
    if (end === start) continue;
    out += text.slice(position, start) + (options.mask ?? masks[finding.kind]);
    position = end;
  }
  return out + text.slice(position);
}
