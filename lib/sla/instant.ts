/**
 * ISO 8601 instants to epoch milliseconds and back, fast for the canonical UTC form that toISOString
 * writes ('2026-03-02T10:00:00.000Z'), which is what every record holds: the pending queue parses and
 * formats a few hundred thousand of them per recomputation.
 */
import { DAY_MS } from './zone';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The canonical form's digits, read in place; NaN when any of them is not a digit. */
function parseCanonical(iso: string): number {
  let bad = 0;
  const digit = (index: number) => {
    const value = iso.charCodeAt(index) - 48;
    bad |= value >>> 0 > 9 ? 1 : 0;
    return value;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  const hour = digit(11) * 10 + digit(12);
  const minute = digit(14) * 10 + digit(15);
  const second = digit(17) * 10 + digit(18);
  const milli = digit(20) * 100 + digit(21) * 10 + digit(22);
  if (bad !== 0) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (!(day >= 1 && day <= monthDays && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
}

function isCanonical(iso: string): boolean {
  return (
    iso.length === 24 &&
    iso.charCodeAt(23) === 90 && // Z
    iso.charCodeAt(10) === 84 && // T
    iso.charCodeAt(4) === 45 &&
    iso.charCodeAt(7) === 45 &&
    iso.charCodeAt(13) === 58 &&
    iso.charCodeAt(16) === 58 &&
    iso.charCodeAt(19) === 46
  );
}

/** Milliseconds since the epoch of an ISO 8601 date-time with a zone designator; RangeError otherwise. */
export function parseInstant(iso: string): number {
  const ms = isCanonical(iso) ? parseCanonical(iso) : ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant with a zone: ${iso}`);
  return ms;
}

const PAD2 = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));
const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;
const datePrefixes = new Map<number, string>();

/** The same text as `new Date(ms).toISOString()`, several times faster. */
export function formatInstant(ms: number): string {
  if (!(ms >= YEAR_0_MS && ms < YEAR_10000_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    if (datePrefixes.size >= 4096) datePrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${prefix}${PAD2[hour] ?? ''}:${PAD2[minute] ?? ''}:${PAD2[second] ?? ''}.${PAD3[milli] ?? ''}Z`;
}
