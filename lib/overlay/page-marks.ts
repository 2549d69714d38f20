/**
 * The names of the elements Replyline puts into a site's page. A site can list every element in its
 * DOM, so a fixed tag name (or attribute, or global) would tell it that this visitor runs Replyline:
 * the names are drawn at random once per content-script run, look like any web component's, and are
 * never written down anywhere the page can read.
 */
export interface PageMarks {
  /** The shadow host of the panel and its launcher. */
  panelHost: string;
  /** The shadow hosts of the inbox-row badges. */
  rowBadge: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function randomWord(random: () => number, length: number): string {
  let word = '';
  for (let index = 0; index < length; index += 1) word += LETTERS.charAt(Math.floor(random() * LETTERS.length));
  return word;
}

function cryptoRandom(): number {
  const values = crypto.getRandomValues(new Uint32Array(1));
  return (values[0] ?? 0) / 2 ** 32;
}

/** A valid custom element name (lower-case letters, one hyphen), 4–7 letters each side. */
export function randomElementName(random: () => number = cryptoRandom): string {
  const length = () => 4 + Math.floor(random() * 4);
  let name: string;
  do name = `${randomWord(random, length())}-${randomWord(random, length())}`;
  while (/wxt|replyline/.test(name));
  return name;
}

/** Two different random names for this run. */
export function drawPageMarks(random: () => number = cryptoRandom): PageMarks {
  const panelHost = randomElementName(random);
  let rowBadge = randomElementName(random);
  while (rowBadge === panelHost) rowBadge = randomElementName(random);
  return { panelHost, rowBadge };
}

/** This content-script run's names. */
export const pageMarks: PageMarks = drawPageMarks();
