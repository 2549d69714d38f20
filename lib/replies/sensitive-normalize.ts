/**
 * The views of one text that the detectors read. Every view has the text's length, character
 * for character, so an offset found in any view is an offset in the text as written.
 */

export interface TextViews {
  /** As written: Japanese phrases, case-sensitive checks. */
  text: string;
  /** ASCII letters lower-cased: English phrases, matched without the slow case-insensitive flag. */
  lower: string;
  /** Full-width ASCII, dashes and the ideographic space folded to ASCII: addresses and numbers. */
  folded: string;
  /** `folded` with web addresses blanked: digits in a URL are no one's phone or order number. */
  numeric: string;
}

const FOLDABLE = /[\u2010-\u2015\u2212\u3000\u30fc\ufe63\uff01-\uff5e\uff70\uffe5]/g;
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d', '\u30fc', '\uff70']);
const FULL_WIDTH_OFFSET = 0xff01 - 0x21;

function foldChar(char: string): string {
  if (DASHES.has(char)) return '-';
  if (char === '\u3000') return ' ';
  if (char === '\uffe5') return '¥';
  return String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET);
}

/** Japanese input writes "０９０−１２３４" and "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"; people also put any dash, even "ー", between digits. */
export function foldWidth(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'「」（）()]{1,2000}/gi;

export function blankUrls(text: string): string {
  return text.replace(URL_PATTERN, (match: string) => '\u0001'.repeat(match.length));
}

export function textViews(text: string): TextViews {
  const folded = foldWidth(text);
  return { text, lower: text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()), folded, numeric: blankUrls(folded) };
}
