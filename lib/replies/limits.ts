/**
 * How long a reply may be on each site (the limits are in lib/sites/site-specs.ts), and how the
 * site counts it: X counts as twitter-text weighs (code points in U+0000–U+10FF, U+2000–U+200D,
 * U+2010–U+201F and U+2032–U+2037 weigh 1, everything else, CJK and emoji included, 2; a link
 * counts 23 whatever its length); the other sites count characters.
 */
import type { Site } from '@/lib/model';
import { siteSpecs, type ReplyLimit } from '@/lib/sites/site-specs';
import type { ReplyChannel } from './public-safety';

export type { ReplyLimit } from '@/lib/sites/site-specs';

export function replyLimit(site: Site, channel: ReplyChannel): ReplyLimit {
  return siteSpecs[site].replyLimits[channel];
}

const X_URL_LENGTH = 23;
const URL = /\bhttps?:\/\/[^\s<>"]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|jp|dev|app|me|ly)(?:\/[^\s<>"]*)?/gi;
const LIGHT_RANGES: ReadonlyArray<[number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function xWeight(grapheme: string): number {
  // An emoji sequence counts once, as 2; other text by its code points.
  if (/\p{Extended_Pictographic}/u.test(grapheme)) return 2;
  let weight = 0;
  for (const char of grapheme) {
    const code = char.codePointAt(0) ?? 0;
    weight += LIGHT_RANGES.some(([start, end]) => code >= start && code <= end) ? 1 : 2;
  }
  return weight;
}

/** The length of `text` as the site counts it. */
export function replyLength(text: string, limit: ReplyLimit): number {
  const normalized = text.normalize('NFC');
  if (limit.counting === 'graphemes') return graphemes(normalized).length;
  let length = 0;
  let rest = normalized;
  for (const match of normalized.matchAll(URL)) {
    length += X_URL_LENGTH;
    rest = rest.replace(match[0], ' ');
    length -= 1;
  }
  for (const grapheme of graphemes(rest)) length += xWeight(grapheme);
  return length;
}
