/**
 * Postal addresses: a street line ("427-3 Amherst Street, Suite 319") with the city line that follows
 * it ("Nashua, NH 03063"), a US city-state-ZIP line, a PO box, a UK postcode, a Japanese 〒 code and
 * a Japanese address from prefecture or city down to the block number ("東京都千代田区千代田1-1").
 * Reported as 'account' findings with detail 'address'. Every pattern is bounded, so no input can
 * make it backtrack far. Works on the width-folded view (full-width digits and dashes are ASCII there).
 */
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Crescent|Close|Quay|Row|Mews|Gardens|Grove|Wharf|Parade';
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const CITY_LINE = `[A-Z][A-Za-z.'-]{1,20}(?: [A-Z][A-Za-z.'-]{1,20}){0,2},? (?:${STATES}) \\d{5}(?:-\\d{4})?\\b`;
const STREET_LINE =
  // Street names are capitalised words or ordinals ("5 East 19th Street").
  `\\b\\d{1,6}(?:-\\d{1,4})?[A-Za-z]? (?:(?:[A-Z][A-Za-z0-9.'-]{0,20}|\\d{1,3}(?:st|nd|rd|th)) ){1,4}(?:${STREET_TYPES})\\b\\.?` +
  `(?:,? (?:Suite|Ste|Apt|Unit|Floor|Fl|#)\\.? ?[A-Za-z0-9-]{1,6})?`;

/** A UK postcode as SMS senders write it, with or without its space ("CW25WX", "M26 3UZ"). */
const POSTCODE_TAIL = '[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z\\d]{2}';
/** Dublin's postal districts ("Dublin 4"): the city line of an Irish address. */
const DUBLIN = 'Dublin \\d{1,2}\\b';

const ENGLISH: readonly RegExp[] = [
  // A street line, with the city line after a comma or a line break when there is one.
  new RegExp(`${STREET_LINE}(?:(?:, ?|\\s*\\n\\s*)(?:${CITY_LINE}|${DUBLIN}))?`, 'g'),
  // "Kevin Street, Dublin 8": a street without a number is an address when its city line follows.
  new RegExp(`\\b(?:[A-Z][a-z]{1,20} ){1,3}(?:${STREET_TYPES}),? ${DUBLIN}`, 'g'),
  // PO boxes the way UK text messages print them: "PO Box1146 MK45 2WT", "Box326 CW25WX", "BOX95QU",
  // a London monomark "BCM4284 Ldn WC1N3XX". A box glued to its number, or in capitals, is no ordinary box.
  new RegExp(`\\b(?:P\\.? ?O\\.? ?(?:Box|BOX|box) ?\\d{1,6}|(?:Box|BOX|box)\\d{1,6}|BOX \\d{1,6}|BCM ?\\d{3,5})(?:[A-Z]{1,3}\\b)?(?:,? (?:Ldn|London),?)?(?:,? ${POSTCODE_TAIL}\\b)?`, 'g'),
  new RegExp(`\\b${CITY_LINE}`, 'g'),
  /\bP\.? ?O\.? Box \d{1,6}\b/gi,
  // UK postcodes, written in capitals as the Royal Mail prints them ("SW1A 1AA", "M1 1AE").
  /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) \d[ABD-HJLNP-UW-Z]{2}\b/g,
];

/** What an English pattern needs in the text, by position in ENGLISH (none: always run). */
const ENGLISH_NEEDS: ReadonlyArray<((folded: string, lower: string) => boolean) | undefined> = [
  undefined,
  (folded) => folded.includes('Dublin'),
  (folded, lower) => lower.includes('box') || folded.includes('BCM'),
];

/** Names that open a street in French, Italian, Spanish and Portuguese: "Rue du Trône 100", "Via 42 Martiri". */
const STREET_FIRST = '(?:Rue|Avenue|Boulevard|Chaussée|Place|Square|Quai|Via|Viale|Piazza|Corso|Largo|Calle|Avenida|Plaza|Paseo|Carrer|Rua|Travessa)';
/** The words of the street's name: capitalised, or the particles between them ("de", "du", "della"). */
const NAME_WORD = "(?:(?:d[eiuoa]|des|del|della|dos|das|la|le|les|van|von|der)\\s|[\\p{Lu}][\\p{L}'’.-]{0,24}\\s)";
/** Dutch and German street names end in their type: "Lienaustraße 32", "Kerkstraat 5" (not "-ring": "Spring 2024"). */
const STREET_SUFFIX = '(?:straße|strasse|str\\.|weg|platz|allee|gasse|damm|ufer|straat|laan|gracht|plein|steenweg|dreef)';
/** What each continental pattern needs somewhere in the text, so that most texts skip it. */
const CONTINENTAL_NEEDS = [
  new RegExp(`${STREET_FIRST} `),
  /(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|ufer|straat|laan|gracht|plein|dreef|Straße|Strasse|Str\.|Weg|Platz|Allee) \d/,
];

const CONTINENTAL: readonly RegExp[] = [
  // The house number after the name, a Belgian box ("bte 40"), and the postcode line when it follows on the same line.
  // A name word is needed ("Place 2 eggs" is a recipe), except after "Via" and its kind ("Via 42 Martiri").
  new RegExp(
    `\\b(?:${STREET_FIRST} ${NAME_WORD}{1,4}?|(?:Via|Viale|Piazza|Corso|Calle|Rua) )\\d{1,4}[a-z]?\\b(?: (?:bte|bus) \\d{1,4})?(?:, (?:[^\\n,]{1,25}, ){0,3}\\d{4,5}\\b)?`,
    'gu',
  ),
  new RegExp(
    `(?:\\b[\\p{Lu}][\\p{Ll}-]{1,30}${STREET_SUFFIX}|\\b[\\p{Lu}][\\p{L}-]{1,30} (?:Str\\.|Straße|Strasse|Weg|Platz|Allee)) \\d{1,4}[a-z]?\\b(?:,? (?:\\d{5}|\\d{4} ?[A-Z]{2}) [\\p{Lu}][\\p{L}-]+)?`,
    'gu',
  ),
];

const PREFECTURE = '(?:東京都|北海道|(?:京都|大阪)府|[\\p{Script=Han}]{2,3}県)';
const MUNICIPALITY = '[\\p{Script=Han}\\p{Script=Katakana}ヶケ々ー]{1,8}?[市区町村郡]';
/** The rest of a Japanese address: town names, 丁目, numbers with dashes, 番地, 号, a building. */
const JAPANESE_REST = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}々ー0-9-]{0,24}?(?:\\d{1,4}(?:丁目|番地?|号|-\\d{1,4}(?:-\\d{1,4})?)|[一二三四五六七八九十]{1,3}丁目)(?:\\d{1,4}(?:番地?|号)?)*';

const JAPANESE: readonly RegExp[] = [
  /〒 ?\d{3}-?\d{4}/gu,
  // The code may stand on the next line, as in a table of contact details.
  /郵便番号(?:は|:|：)?[ \n]{0,3}\d{3}-\d{4}/gu,
  new RegExp(`${PREFECTURE}(?:${MUNICIPALITY})?${JAPANESE_REST}`, 'gu'),
  new RegExp(`${MUNICIPALITY}${JAPANESE_REST}`, 'gu'),
];

export function findAddresses({ folded, lower }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const english = ENGLISH.filter((_, index) => ENGLISH_NEEDS[index]?.(folded, lower) ?? true);
  // Every Japanese pattern needs a character outside ASCII (〒, a prefecture, 市区町村).
  const continental = CONTINENTAL.filter((_, index) => CONTINENTAL_NEEDS[index]?.test(folded));
  const patterns = /[^\p{ASCII}]/u.test(folded) ? [...english, ...continental, ...JAPANESE] : [...english, ...continental];
  for (const pattern of patterns) {
    for (const match of folded.matchAll(pattern)) {
      findings.push({ kind: 'account', detail: 'address', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
