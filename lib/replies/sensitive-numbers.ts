/**
 * Phone numbers and card numbers, read from runs of digit groups ("+1 (415) 555-0132",
 * "4111 1111 1111 1111", "090-1234-5678"). One pass over the text, constant work per run,
 * so no input can make it backtrack. Works on the width-folded, URL-blanked copy of the text.
 */
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** The characters between this group and the previous one ('' for the first). */
  before: string;
  parenthesised: boolean;
}

interface DigitRun {
  plus: boolean;
  /** "Tel:", "Fax", "Mobile", "電話" stands right before the run. */
  cued: boolean;
  start: number;
  groups: DigitGroup[];
}

const MAX_GROUPS = 12;
const MAX_GROUP_DIGITS = 19;

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
const isAsciiWord = (char: string | undefined): boolean => char !== undefined && /[A-Za-z0-9_]/.test(char);

/** A run never starts right after these: "v2.3.1", "$49.99", "#2024", "10:30", "@user123". */
const BLOCKED_BEFORE = new Set(['#', '@', '$', '¥', '€', '£', '.', ',', ':', '/', '-', '+', '%', '&', '=', '?', '\u0001', '*']);
/** Nor is it a number the customer would call or pay with when one of these follows. */
const BLOCKED_AFTER = new Set([
  '%', '@', '\u0001', '円', '万', '億', '年', '月', '日', '時', '分', '秒', '個', '件', '人', '名', '歳', '回', '点', '位', '枚', '本', '冊', '号', '階', '番', '/',
]);
const SEPARATORS = new Set([' ', '-', '.']);

function startAllowed(text: string, index: number): boolean {
  const before = text[index - 1];
  // "call:888-800-6339", "Tel:03-…", "予約連絡先：03-…": a colon after a word introduces the number (after a digit it is a time).
  if (before === ':' && /\p{L}/u.test(text[index - 2] ?? '')) return true;
  return before === undefined || (!isAsciiWord(before) && !BLOCKED_BEFORE.has(before));
}

function endAllowed(text: string, index: number): boolean {
  const after = text[index];
  if (after === undefined) return true;
  if (isAsciiWord(after) || BLOCKED_AFTER.has(after)) return false;
  return !((after === '.' || after === ',' || after === ':') && isDigit(text[index + 1]));
}

/** Reads the digit groups from `start`; returns undefined when it is no run at all. */
function readRun(text: string, start: number): { run: DigitRun; next: number } | undefined {
  let position = start;
  const plus = text[position] === '+';
  if (plus) position += 1;
  const groups: DigitGroup[] = [];
  let before = '';
  let lastEnd = position;
  while (groups.length < MAX_GROUPS) {
    let parenthesised = false;
    if (text[position] === '(' && isDigit(text[position + 1])) {
      parenthesised = true;
      position += 1;
    }
    const groupStart = position;
    while (isDigit(text[position])) position += 1;
    if (position === groupStart) break;
    if (position - groupStart > MAX_GROUP_DIGITS) return { run: { plus, cued: false, start, groups: [] }, next: position };
    const groupEnd = position;
    if (parenthesised) {
      if (text[position] !== ')') {
        // "800-215-4490 (24 hours)": the parenthesis opens a remark, not an area code; the run ends before it.
        if (groups.length > 0) {
          position = lastEnd;
          break;
        }
        // "(1-877-451-8336)": the bracket holds the whole number; read it from its first digit.
        if (!plus) return readRun(text, groupStart);
        return { run: { plus, cued: false, start, groups: [] }, next: position };
      }
      position += 1;
    }
    groups.push({ digits: text.slice(groupStart, groupEnd), start: groupStart, end: groupEnd, before, parenthesised });
    lastEnd = position;
    const separatorStart = position;
    // "(352) 394 - 6161": a dash with a space either side is one separator.
    if (text[position] === ' ' && text[position + 1] === '-' && text[position + 2] === ' ') position += 3;
    else if (SEPARATORS.has(text[position] ?? '')) position += 1;
    const separator = text.slice(separatorStart, position);
    const nextOpens = text[position] === '(' && isDigit(text[position + 1]);
    if (!isDigit(text[position]) && !nextOpens) {
      position = separatorStart;
      break;
    }
    if (separator === '' && !nextOpens && !parenthesised) break;
    before = separator;
  }
  if (groups.length === 0) return undefined;
  return { run: { plus, cued: false, start, groups }, next: position };
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let value = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes of the card schemes people actually hold (Visa, Mastercard, Amex, JCB, Discover, Diners, UnionPay). */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|35|3[068]|6011|64[4-9]|65|62)/;

const joined = (groups: DigitGroup[]): string => groups.map((group) => group.digits).join('');

function isCard(run: DigitRun): boolean {
  const { groups } = run;
  if (run.plus || groups.some((group) => group.parenthesised)) return false;
  const digits = joined(groups);
  if (digits.length < 13 || digits.length > 19) return false;
  if (groups.length === 1) return CARD_PREFIX.test(digits) && luhnValid(digits);
  const separators = new Set(groups.slice(1).map((group) => group.before));
  if (separators.size !== 1 || separators.has('.')) return false;
  const lengths = groups.map((group) => group.digits.length).join('-');
  // Printed on the card in fours: a mistyped card number is still a card number.
  if (lengths === '4-4-4-4') return true;
  const cardShaped = groups[0]?.digits.length === 4 && groups.every((group) => group.digits.length >= 3 && group.digits.length <= 6);
  return cardShaped && luhnValid(digits);
}

function isPhone(groups: DigitGroup[], withPlus: boolean, cued: boolean): boolean {
  const digits = joined(groups);
  const lengths = groups.map((group) => group.digits.length);
  if (withPlus) return digits.length >= 8 && digits.length <= 15 && (groups[0]?.digits.length ?? 0) <= 4;
  if (digits.startsWith('00')) return digits.length >= 11 && digits.length <= 15 && groups.length >= 2;
  if (digits.startsWith('0')) {
    // "01 6188428" (Dublin), "0323 586216": nine digits are a phone number only after "Tel", "Fax" and the like.
    if (digits.length < (cued ? 9 : 10) || digits.length > 11) return false;
    // "0845 2814032", "086 6048101": area code and a subscriber number of up to eight digits.
    return groups.length === 1 || lengths.every((length) => length <= 8);
  }
  // "447801259231": a UK number with its country code and no "+", as texts from UK senders give it.
  if (/^44[1-9]\d{9}$/.test(digits)) return groups.length <= 2;
  // "Tel: 31 205241510", "+" left out: a cued run whose first group is a country code.
  if (cued && groups.length >= 2 && (groups[0]?.digits.length ?? 0) <= 3 && digits.length >= 10 && digits.length <= 13 && !/^[01]/.test(digits)) return true;
  return isNorthAmerican(groups);
}

/** 415-555-0132, (415) 555-0132, 1-800-555-0199: area code and exchange never start with 0 or 1. */
function isNorthAmerican(groups: DigitGroup[]): boolean {
  const local = groups.length === 4 && groups[0]?.digits === '1' ? groups.slice(1) : groups;
  const lengths = local.map((group) => group.digits.length).join('-');
  if (lengths !== '3-3-4') return false;
  const [area, exchange] = local;
  if (local.slice(1).some((group) => group.before === '')) return false;
  return /^[2-9]/.test(area?.digits ?? '') && /^[2-9]/.test(exchange?.digits ?? '');
}

/** Words that put a phone number next: "Tel:", "Fax ", "Mobile:", "Ph.:", "電話", "TEL：". */
const PHONE_CUE = /(?:\b(?:tel|telephone|phone|fax|mobile|mob|cell|cellular|ph|voice|call)\.?|電話(?:番号)?|連絡先)\s?[:：]?\s{0,12}$/i;

const MIN_PHONE_DIGITS = 8;
const MAX_PHONE_DIGITS = 15;

/** The longest stretch of groups (leftmost among equals) that reads as a phone number. */
function bestPhone(run: DigitRun, from: number): { first: number; slice: DigitGroup[] } | undefined {
  const { groups } = run;
  const digitsBefore = [0];
  let total = 0;
  for (const group of groups) digitsBefore.push((total += group.digits.length));
  for (let size = groups.length - from; size >= 1; size -= 1) {
    for (let first = from; first + size <= groups.length; first += 1) {
      // No phone number anywhere has fewer than 8 or more than 15 digits (E.164).
      const digitCount = (digitsBefore[first + size] ?? 0) - (digitsBefore[first] ?? 0);
      if (digitCount < MIN_PHONE_DIGITS || digitCount > MAX_PHONE_DIGITS) continue;
      const slice = groups.slice(first, first + size);
      if (isPhone(slice, run.plus && first === 0, run.cued && first === 0)) return { first, slice };
    }
  }
  return undefined;
}

function classifyRun(text: string, run: DigitRun, findings: SensitiveFinding[]): void {
  const { groups } = run;
  // Trailing groups glued to a word, a unit or a time ("5pm", "10:30") are not part of a number.
  for (let last = groups.at(-1); last !== undefined && !endAllowed(text, last.end); last = groups.at(-1)) groups.pop();
  const firstGroup = groups[0];
  const lastGroup = groups.at(-1);
  if (firstGroup === undefined || lastGroup === undefined) return;
  if (isCard(run)) {
    findings.push({ kind: 'card', start: firstGroup.start, end: lastGroup.end });
    return;
  }
  let from = 0;
  while (from < groups.length) {
    const found = bestPhone(run, from);
    const opening = found?.slice[0];
    const closing = found?.slice.at(-1);
    if (found === undefined || opening === undefined || closing === undefined) return;
    const start = found.first === 0 && run.plus ? run.start : opening.start - (opening.parenthesised ? 1 : 0);
    findings.push({ kind: 'phone', start, end: closing.end + (closing.parenthesised ? 1 : 0) });
    from = found.first + found.slice.length;
  }
}

/**
 * North American vanity numbers ("1-877-451-TEEN", "1-800-FLOWERS"): the number's letters are
 * capitals, three or more of them, after an area code that starts 2-9, written with dashes or brackets.
 */
const VANITY = /(?<![\w-])(?:1[-. ])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[-. ])(?:[2-9A-Z][\dA-Z]{2}[-. ][\dA-Z]{4}|[A-Z]{7})(?![\w-])/g;

function findVanity(folded: string, findings: SensitiveFinding[]): void {
  if (!/[A-Z]{3}/.test(folded)) return;
  for (const match of folded.matchAll(VANITY)) {
    const tail = match[0].slice(-7);
    if ((tail.match(/[A-Z]/g)?.length ?? 0) < 3) continue;
    // "$500 DOLLARS" is an amount: a vanity number is written with its dashes or brackets.
    if ((match[0].match(/[-.()]/g)?.length ?? 0) < 2) continue;
    findings.push({ kind: 'phone', start: match.index, end: match.index + match[0].length });
  }
}

export function findNumbers({ numeric: folded }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  findVanity(folded, findings);
  let index = 0;
  while (index < folded.length) {
    const char = folded[index];
    const opensRun =
      isDigit(char) ||
      ((char === '+' || char === '(') && isDigit(folded[index + 1]));
    if (!opensRun) {
      index += 1;
      continue;
    }
    if (!startAllowed(folded, index)) {
      index += 1;
      while (isDigit(folded[index])) index += 1;
      continue;
    }
    const read = readRun(folded, index);
    if (read === undefined) {
      index += 1;
      continue;
    }
    if (read.run.groups.length > 0) {
      read.run.cued = PHONE_CUE.test(folded.slice(Math.max(0, index - 14), index));
      classifyRun(folded, read.run, findings);
    }
    index = Math.max(read.next, index + 1);
  }
  return findings;
}
