/**
 * IBANs ("DE89 3704 0044 0532 0130 00"): two letters, two check digits and the account, in groups of
 * four or run together, accepted only when the ISO 13616 check (mod 97) holds, so that a reference
 * that merely looks like one is not taken. Reported as 'account' findings with detail 'iban'.
 */
import type { TextViews } from './sensitive-normalize';
import type { SensitiveFinding } from './sensitive-types';

const CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;

export function ibanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = `${compact.slice(4)}${compact.slice(0, 4)}`;
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function findIbans({ folded }: TextViews): SensitiveFinding[] {
  const findings: SensitiveFinding[] = [];
  const upper = folded.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
  for (const match of upper.matchAll(CANDIDATE)) {
    if (ibanValid(match[0].replace(/ /g, ''))) {
      findings.push({ kind: 'account', detail: 'iban', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
