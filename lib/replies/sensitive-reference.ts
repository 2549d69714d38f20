/**
 * Reading the reference that follows a keyword ("order #12345", "注文番号は12345678です",
 * "tracking 1Z999AA10123456784"): shared by order numbers and account numbers. Every pattern
 * here is sticky and bounded, so the work per keyword is constant.
 */

/** Words and marks between a keyword and its reference: "number", "no.", "#", "is", "は", "：". */
const FILLER = /(?:[\s:#.,()=\-（）「」]|(?:number|num|nos?\.?|id|is|was|are|were|of)(?![A-Za-z])|は|が|の|を|も|：|です)/iy;
const MARKER = /number|\bnum\b|\bno\b|\bid\b|\bref\b|\bcode\b|#|番号|:|：|ＩＤ/i;
const TOKEN = /[A-Za-z0-9]{1,40}/y;
const MAX_FILLERS = 8;

export interface Reference {
  start: number;
  end: number;
  /** A '#', "number", "no." or "番号" stood between keyword and reference: a bare number can follow. */
  marked: boolean;
}

function countDigits(text: string): number {
  let digits = 0;
  for (const char of text) if (char >= '0' && char <= '9') digits += 1;
  return digits;
}

const isDateLike = (value: string): boolean => /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}(?:-\d{2,4})?)$/.test(value);
const isYearLike = (value: string): boolean => /^(?:19|20)\d{2}$/.test(value);

/**
 * The reference that starts after `from` in the width-folded text, if any. With `spaced`, groups
 * separated by single spaces join ("9400 1000 0000 0000 0000 00"), as tracking numbers are printed.
 */
export function readReference(folded: string, from: number, keyword: string, spaced: boolean): Reference | undefined {
  let position = from;
  let marked = MARKER.test(keyword);
  for (let count = 0; count < MAX_FILLERS; count += 1) {
    FILLER.lastIndex = position;
    const filler = FILLER.exec(folded);
    if (filler === null) break;
    if (MARKER.test(filler[0])) marked = true;
    position += filler[0].length;
  }
  let start = position;
  if (folded[start - 1] === '#') start -= 1;
  TOKEN.lastIndex = position;
  const first = TOKEN.exec(folded);
  if (first === null) return undefined;
  let end = position + first[0].length;
  for (let groups = 0; groups < 8; groups += 1) {
    const separator = folded[end];
    if (separator !== '-' && separator !== '/' && !(spaced && separator === ' ')) break;
    TOKEN.lastIndex = end + 1;
    const next = TOKEN.exec(folded);
    if (next === null) break;
    if (separator === ' ' && (countDigits(next[0]) === 0 || next[0].length < 2)) break;
    end += 1 + next[0].length;
  }
  const after = folded[end];
  if (after !== undefined && (/[A-Za-z0-9_%円]/.test(after) || (/[.,:]/.test(after) && /\d/.test(folded[end + 1] ?? '')))) return undefined;
  const value = folded.slice(position, end);
  const digits = countDigits(value);
  if (digits === 0 || isDateLike(value)) return undefined;
  // "Reference: Bits2Banking": a word with a digit in it is a name, not a reference.
  if (/[a-z]{4}/.test(value) && digits <= 2) return undefined;
  // After "order #" or "予約番号", a booking code with one digit is still one ("QX4R9T").
  if (marked ? value.length < 4 && digits < 3 : value.length < 5 || digits < 3 || isYearLike(value)) return undefined;
  return { start, end, marked };
}
