/**
 * How long a reply may be on each site, and how the site counts it.
 *
 * Public replies: X 280 for accounts without Premium, counted as X counts (twitter-text's weighting:
 * code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, everything
 * else, CJK and emoji included, 2; a link counts 23 whatever its length); a LinkedIn comment 1,250; an
 * Instagram comment 2,200; a Facebook comment 8,000. Private messages: an X DM 10,000; Messenger about
 * 20,000; an Instagram DM 1,000 (what guides give for the web and the API; the app cuts earlier);
 * LinkedIn messages 8,000 (often cited; InMail bodies are 1,900). Sites other than X count characters.
 */
import type { Site } from '@/lib/model';
import type { ReplyChannel } from './public-safety';

export interface ReplyLimit {
  limit: number;
  /** `weighted`: X's own count; `graphemes`: what a person sees as characters. */
  counting: 'weighted' | 'graphemes';
}

const LIMITS: Record<Site, Record<ReplyChannel, ReplyLimit>> = {
  x: { public: { limit: 280, counting: 'weighted' }, private: { limit: 10_000, counting: 'graphemes' } },
  linkedin: { public: { limit: 1_250, counting: 'graphemes' }, private: { limit: 8_000, counting: 'graphemes' } },
  instagram: { public: { limit: 2_200, counting: 'graphemes' }, private: { limit: 1_000, counting: 'graphemes' } },
  facebook: { public: { limit: 8_000, counting: 'graphemes' }, private: { limit: 20_000, counting: 'graphemes' } },
};

export function replyLimit(site: Site, channel: ReplyChannel): ReplyLimit {
  return LIMITS[site][channel];
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
