/**
 * The language to answer a message in, English or Japanese, from the message itself. Mixed text is
 * weighed: a Japanese character carries about as much as a short English word, so an English
 * complaint naming a shop in 東京 stays English, and a Japanese message with a product name in
 * Latin letters stays Japanese.
 */
export type MessageLanguage = 'en' | 'ja';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** How many Latin letters one Japanese character weighs as. */
const JAPANESE_WEIGHT = 3;

/** 'ja' or 'en' as the text's words weigh, undefined for text with no letters (emoji, numbers). */
export function messageLanguage(text: string): MessageLanguage | undefined {
  const japanese = text.match(JAPANESE)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (japanese === 0 && latin === 0) return undefined;
  return japanese * JAPANESE_WEIGHT >= latin ? 'ja' : 'en';
}
