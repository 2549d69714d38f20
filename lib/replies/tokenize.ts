/**
 * One tokenizer for indexing and querying replies, in English and Japanese.
 *
 * English: NFKC, lower case, stop words dropped, a light suffix stemmer (so "refunded", "refunds" and
 * "refunding" meet at "refund"); typos and word endings the stemmer misses are left to MiniSearch's
 * fuzzy and prefix matching on the query side.
 *
 * Japanese: Intl.Segmenter (word granularity) for words, plus character bigrams over each run of
 * Japanese text, because the segmenter cuts the same phrase differently in different sentences
 * (「再設定」 may come out as 再|設定 or whole) and bigrams still meet where words do not. Bigrams are
 * taken over kanji and katakana only: hiragana is mostly grammar (「して」「ます」), and bigrams across a
 * particle (「品が」) would only add noise.
 */

const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** "e-mail", "sign-in", "follow-up": also indexed joined, as customers often write them ("email", "signin"). */
const HYPHENATED = /[\p{L}]+(?:-[\p{L}]+)+/gu;
/** Kanji and katakana: the content part of Japanese text, where bigrams carry meaning. */
const CONTENT_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆]{2,}/gu;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const HAS_JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** How many terms a query keeps: a 10,000-character message must still rank in milliseconds. */
export const MAX_QUERY_TERMS = 80;

const ENGLISH_STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does doing for from had has have having he her hers him his ' +
    'how i i\'m i\'ve i\'d i\'ll if in into is it it\'s its just me my myself of on or our ours she so than that the their ' +
    'them then there these they this those to too us was we were what when where which while who whom why will with ' +
    'would you your yours yourself am im ive id u ur pls please hi hello hey dear also any some very really still ' +
    'get got go going one all about up out there\'s that\'s let let\'s here after before ever every now yet since ' +
    'being only even more most much many way thing things something anything anyone someone anybody somebody ' +
    'know want like say said tell told ask asked make made see back new same other another again ago already ' +
    'today yesterday tomorrow week weeks day days month months year years time times lol tbh ugh yo ok okay oh'
  ).split(' '),
);

/** Grammar words the segmenter returns on their own: particles, auxiliaries, fillers. */
const JAPANESE_STOP_WORDS = new Set(
  (
    'です ます でし まし ません ない なく なかっ ある あり いる い て で に を は が の も と や か へ から まで より ' +
    'けど けれど けれども ので のに ん など こと もの よう ため さん 様 さま くだ さい ください お ご する し しま ' +
    'した して され れる られ せる なっ なり なる いただ いただけ だけ だ た ね よ な わ ござい ござ これ それ あれ この その ' +
    'あの ちょっと すみ すみませ すみません について ありま あります いただき いただけ いただく したら しょう でしょう ' +
    'ている ていて 本当 本当に いつも とても すごく もう まだ また 何 思 見 聞 言 日 名 方 中 上 下 前 後 今 時 事 物 者 人 ' +
    '回 度 等 私 僕 俺 使 出 入 行 来週 今日 昨日 明日'
  ).split(' '),
);

let segmenter: Intl.Segmenter | undefined;
function japaneseSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  return segmenter;
}

/** Lower-cased, width-normalised text: full-width letters and digits become ASCII, half-width kana full-width. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function containsJapanese(text: string): boolean {
  return HAS_JAPANESE.test(text);
}

/** Terms for the index and for queries, in text order, with repeats (MiniSearch counts term frequency). */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  const terms: string[] = [];
  if (!containsJapanese(normalized)) {
    addEnglishTerms(normalized, terms);
    return terms;
  }
  // One segmenter pass over the whole text (one call per run of Japanese costs more); its Latin
  // words go through the English path so that both languages in one text are treated alike.
  let latin = '';
  for (const segment of japaneseSegmenter().segment(normalized)) {
    if (!segment.isWordLike) {
      latin += ' ';
      continue;
    }
    const word = segment.segment;
    if (!containsJapanese(word)) {
      latin += ` ${word}`;
      continue;
    }
    if (JAPANESE_STOP_WORDS.has(word) || (HIRAGANA_ONLY.test(word) && word.length < 3)) continue;
    terms.push(word);
  }
  addEnglishTerms(latin, terms);
  for (const content of normalized.matchAll(CONTENT_RUN)) {
    // Kanji and katakana are one code point each, so code points are characters here.
    const chars = Array.from(content[0]);
    for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
  return terms;
}

/** The distinct terms of a query, at most `MAX_QUERY_TERMS` of them, first seen first. */
export function queryTerms(text: string): string[] {
  const unique = new Set<string>();
  for (const term of tokenize(text)) {
    unique.add(term);
    if (unique.size >= MAX_QUERY_TERMS) break;
  }
  return [...unique];
}

export function isJapaneseTerm(term: string): boolean {
  return containsJapanese(term);
}

function addEnglishTerms(text: string, terms: string[]): void {
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0].replace(/’/g, "'");
    if (word.length < 2 || ENGLISH_STOP_WORDS.has(word)) continue;
    const base = word.endsWith("n't") ? word.slice(0, -3) : word.replace(/'s$/, '');
    if (base.length === 0 || ENGLISH_STOP_WORDS.has(base) || /^\d+$/.test(base)) continue;
    terms.push(stemEnglish(base.replace(/'/g, '')));
  }
  for (const match of text.matchAll(HYPHENATED)) terms.push(stemEnglish(match[0].replace(/-/g, '')));
}

/**
 * A light English stemmer: plural and verb endings, a few derivational suffixes, a final -y after a consonant and -e.
 * Not Porter: it only has to map the forms customers write onto the forms templates use, the same way both times.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (/ie[sd]$/.test(stem) && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  for (const suffix of ['ational', 'ation', 'ment', 'ness', 'ful', 'ing', 'ed', 'ly']) {
    const minimumStem = suffix === 'ly' ? 4 : 3;
    if (stem.endsWith(suffix) && hasVowel(stem.slice(0, -suffix.length)) && stem.length - suffix.length >= minimumStem) {
      stem = stem.slice(0, -suffix.length);
      if (/([^aeiouylsz])\1$/.test(stem)) stem = stem.slice(0, -1);
      break;
    }
  }
  if (/[^aeiou]y$/.test(stem) && stem.length > 4) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length > 3) stem = stem.slice(0, -1);
  if (stem.endsWith('ll') && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
}

function hasVowel(text: string): boolean {
  return /[aeiouy]/.test(text);
}
