/**
 * Order, ticket, case and tracking numbers: a reference after a word that says what it is
 * ("order #12345", "ticket 88231", "注文番号 12345678", "お問い合わせ番号 #A1B2C3"), and
 * Amazon's own 3-7-7 order numbers wherever they stand.
 */
import { readReference } from './sensitive-reference';
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

/** Words that are always followed by a reference when one follows at all. */
const ENGLISH_KEYWORDS =
  /\b(?:order|ticket|case|tracking|rma|invoice|booking|reservation|confirmation|reference|ref|claim|incident|transaction|shipment|parcel|waybill|consignment|(?:return|refund|package|complaint|receipt|request|po|purchase|airway\s?bill|pnr|identifier)(?=\s?(?:number|no\b|num\b|#|id\b|code\b)))(?:\s?(?:number|no\.?|num\.?|#|id|code|ref))?/g;

const JAPANESE_KEYWORDS =
  /(?:ご?注文(?:番号|ID|ＩＤ|No\.?|Ｎｏ\.?)?|オーダー(?:番号|ID|ＩＤ)|お?問い?合わ?せ(?:伝票)?番号|受付(?:番号|ID|ＩＤ)|追跡番号|(?:お問い合わせ)?伝票番号|送り状番号|配送番号|お?荷物番号|予約番号|管理番号|チケット番号|申(?:し)?込(?:み)?番号|返品番号|ケース番号)/gu;

/** "to order 20000 units", "I'll order 12345": the verb, not an order number. */
const VERB_BEFORE = /(?:\bto|\bwill|'ll|\bcan|\bplease|\bshould|\bmight|\bwant|\bwanna)\s$/;
const QUANTITY_AFTER = /^\s(?:units?|pcs|pieces?|items?|copies|boxes|packs?|more|of|times|people|tickets?)\b/i;
const AMAZON_ORDER = /(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])/g;

function referencesAfter(source: string, folded: string, keywords: RegExp, findings: SensitiveFinding[]): void {
  for (const match of source.matchAll(keywords)) {
    const keyword = match[0];
    const keywordEnd = match.index + keyword.length;
    const reference = readReference(folded, keywordEnd, keyword, /tracking|追跡|伝票|送り状|荷物|waybill|consignment/i.test(keyword));
    if (reference === undefined) continue;
    const lead = source.slice(Math.max(0, match.index - 12), match.index);
    if (!reference.marked && keyword.startsWith('order') && VERB_BEFORE.test(lead)) continue;
    if (!reference.marked && QUANTITY_AFTER.test(folded.slice(reference.end, reference.end + 12))) continue;
    findings.push({ kind: 'order', start: reference.start, end: reference.end });
  }
}

export function findOrders({ text, lower, numeric }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  referencesAfter(lower, numeric, ENGLISH_KEYWORDS, findings);
  referencesAfter(text, numeric, JAPANESE_KEYWORDS, findings);
  for (const match of numeric.matchAll(AMAZON_ORDER)) {
    findings.push({ kind: 'order', start: match.index, end: match.index + match[0].length });
  }
  return findings;
}
