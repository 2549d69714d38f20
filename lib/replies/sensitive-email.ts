/**
 * E-mail addresses, found from each '@' outwards rather than by a regular expression over the
 * whole text (a long run of address characters with no '@' would make a regex quadratic).
 * Works on the width-folded copy, so "jane＠example．com" is found too.
 */
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

const LOCAL_CHAR = /[A-Za-z0-9._%+'-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const TOP_LEVEL = /^[A-Za-z]{2,24}$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function addressAt(text: string, at: number): SensitiveFinding | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1] ?? '')) start -= 1;
  while (start < at && (text[start] === '.' || text[start] === "'")) start += 1;
  if (start === at) return undefined;
  let end = at + 1;
  while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end] ?? '')) end += 1;
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
  const labels = text.slice(at + 1, end).split('.');
  if (labels.length < 2 || !TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return undefined;
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  return { kind: 'email', start, end };
}

/** "jane [at] example [dot] com": people who know better still post their address, just spelled out. */
const SPELLED_AT = /[[(]at[\])]/g;
const SPELLED_DOMAIN = / ?[a-z0-9-]{1,63}(?: ?[[(]dot[\])] ?[a-z0-9-]{1,63}){1,4}/y;

function spelledOutAt(lower: string, at: number, atLength: number): SensitiveFinding | undefined {
  let localEnd = at;
  if (lower[localEnd - 1] === ' ') localEnd -= 1;
  let start = localEnd;
  while (start > 0 && localEnd - start < MAX_LOCAL && LOCAL_CHAR.test(lower[start - 1] ?? '')) start -= 1;
  if (start === localEnd) return undefined;
  SPELLED_DOMAIN.lastIndex = at + atLength;
  const domain = SPELLED_DOMAIN.exec(lower);
  if (domain === null) return undefined;
  return { kind: 'email', start, end: at + atLength + domain[0].length };
}

/**
 * "chris.higgins at hts.horizon.ie", "hostyle AT csn.ul.ie": the word "at" between a handle and a
 * dotted domain. Since "available at amazon.co.uk" reads the same, the handle must look like one
 * (a dot, an underscore or a digit in it) or the "AT" be written in capitals.
 */
function wordAtIndex(folded: string, at: number, word: string): SensitiveFinding | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(folded[start - 1] ?? '')) start -= 1;
  const local = folded.slice(start, at);
  const handle = local.length >= 3 && /^[A-Za-z0-9]/.test(local) && /[A-Za-z]/.test(local) && (/[._\d]/.test(local) || (word === 'AT' && /[a-z]/.test(local)));
  if (!handle) return undefined;
  const domainStart = at + word.length + 2;
  let end = domainStart;
  while (end < folded.length && end - domainStart < MAX_DOMAIN && DOMAIN_CHAR.test(folded[end] ?? '')) end += 1;
  while (end > domainStart && (folded[end - 1] === '.' || folded[end - 1] === '-')) end -= 1;
  const labels = folded.slice(domainStart, end).split('.');
  if (labels.length < 2 || !TOP_LEVEL.test(labels.at(-1) ?? '') || !labels.every((label) => LABEL.test(label))) return undefined;
  return { kind: 'email', start, end };
}

function wordAt(folded: string, findings: SensitiveFinding[]): void {
  for (const word of ['at', 'AT']) {
    const needle = ` ${word} `;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const found = wordAtIndex(folded, at, word);
      if (found !== undefined) findings.push(found);
    }
  }
}

export function findEmails({ folded }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  for (let at = folded.indexOf('@'); at !== -1; at = folded.indexOf('@', at + 1)) {
    const found = addressAt(folded, at);
    if (found !== undefined) findings.push(found);
  }
  wordAt(folded, findings);
  const lower = folded.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  for (const match of lower.matchAll(SPELLED_AT)) {
    const found = spelledOutAt(lower, match.index, match[0].length);
    if (found !== undefined) findings.push(found);
  }
  return findings;
}
