/**
 * How a reply to a comment opens on sites that address people by name (LinkedIn, Facebook).
 *
 * Where the site's reply box already holds the commenter as a mention, the mention is the greeting:
 * a text that opens by greeting the same person ("Hi Phil, sorry…") loses that opening, so the box
 * reads "Phil B. Sorry…" rather than "Phil B. Hi Phil, sorry…". Where we write into a box without a
 * mention, a text that greets the person goes in as it is, and one that does not is given a greeting
 * ("Hi Tracey! Thanks for this.", "山田さん、…"), not a bare name in front of an English sentence.
 */
import { messageLanguage } from '@/lib/replies/language';
import { deriveFirstName } from '@/lib/replies/template-fill';

const GREETING_WORDS = '(?:hi|hello|hey|dear|good\\s+(?:morning|afternoon|evening))';
const ENGLISH_WORDS = /(?<![\p{L}])(?:the|a|you|your|we|our|us|i|i'm|i'll|i've|thanks|thank|sorry|please|is|are|to|for|and|of|this|it|on|in|an|at|by|be|with|within|from|will|can|have|has|here|that|what|when|how|if|not|all)(?![\p{L}])/iu;
const HONORIFICS = '(?:さん|様|さま|殿)';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name a reply calls the person by: the one the templates' {{first_name}} greets ("Dr. Jane Doe" → "Jane", "山田 太郎" → "山田"). */
export function calledBy(name: string): string {
  return deriveFirstName(name) ?? '';
}

const isJapanese = (text: string): boolean => messageLanguage(text) === 'ja';

/** The opening of `text` that greets `name` ("Hi Phil, ", "Phil, ", "山田さん、"), or '' when it does not open so. */
function greetingOf(text: string, name: string): string {
  const called = calledBy(name);
  if (called === '') return '';
  const names = [name.trim(), called].map(escaped).join('|');
  const latin = new RegExp(`^(?:${GREETING_WORDS}\\s+)?(?:${names})(?![\\p{L}])\\s*[,!.:—–-]?\\s*`, 'iu');
  const japanese = new RegExp(`^(?:${names})\\s*${HONORIFICS}?[、,，]\\s*`, 'u');
  return (isJapanese(called) ? japanese : latin).exec(text)?.[0] ?? '';
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The text to put after the site's own mention of `name` already in the box. */
export function afterSiteMention(text: string, name: string): string {
  const greeting = greetingOf(text, name);
  return greeting === '' ? text : capitalised(text.slice(greeting.length));
}

function namesAnywhere(text: string, called: string): boolean {
  return isJapanese(called) ? text.includes(called) : new RegExp(`(?<![\\p{L}])${escaped(called)}(?![\\p{L}])`, 'iu').test(text);
}

/** The text to put into a box without a mention, greeting `name` once. */
export function greetingByName(text: string, name: string): string {
  const called = calledBy(name);
  if (called === '' || greetingOf(text, name) !== '' || namesAnywhere(text, called)) return text;
  if (isJapanese(called) || isJapanese(text)) return `${called}さん、${text}`;
  // messageLanguage tells Japanese from Latin script only: a greeting word goes only where the reply reads as
  // English; in any other language the name leads, as the site's mention would.
  return ENGLISH_WORDS.test(text) ? `Hi ${called}! ${text}` : `${name.trim()} ${text}`;
}
