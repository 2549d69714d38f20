/**
 * Time-zone arithmetic through Intl alone: the UTC offset a zone has at an instant, where it changes,
 * and the local calendar day of an instant. Days are counted as whole days since 1970-01-01.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** No zone has ever been further than this from UTC (the extremes are −12:00 and +14:00). */
export const MAX_ZONE_OFFSET_MS = 15 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a name that is not an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Local wall time minus UTC at the instant, in ms (for example +9 h in Tokyo), to the second. */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - wholeSecond;
}

/** A stretch of time [fromMs, toMs) over which the zone's offset does not change. */
export interface OffsetSpan {
  fromMs: number;
  toMs: number;
  offsetMs: number;
}

/**
 * The offsets in force over [fromMs, toMs), split where they change. A change is found by bisection to the
 * second; two changes that cancel out between the ends of a stretch are not seen (no zone does that within
 * the ~2.5 days this is asked about).
 */
export function offsetSpans(timeZone: string, fromMs: number, toMs: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let start = fromMs;
  let startOffset = zoneOffsetMs(timeZone, start);
  while (start < toMs) {
    const endOffset = zoneOffsetMs(timeZone, toMs - 1);
    if (endOffset === startOffset) {
      spans.push({ fromMs: start, toMs, offsetMs: startOffset });
      break;
    }
    // Bisect on whole seconds: the offset at `low` is startOffset, at `high` it is not.
    let low = Math.floor(start / 1000);
    let high = Math.floor((toMs - 1) / 1000);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zoneOffsetMs(timeZone, middle * 1000) === startOffset) low = middle;
      else high = middle;
    }
    const change = high * 1000;
    spans.push({ fromMs: start, toMs: change, offsetMs: startOffset });
    start = change;
    startOffset = zoneOffsetMs(timeZone, start);
  }
  return spans;
}

/** The day number (days since 1970-01-01) of a 'YYYY-MM-DD' date. */
export function dayNumberOf(localDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${localDate}`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
}

/** 'YYYY-MM-DD' for a day number. */
export function localDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday, as in the design's BusinessHours. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Per zone, per UTC day: the offset when it holds all day, else the day's spans of steady offset. */
const dayOffsets = new Map<string, Map<number, number | OffsetSpan[]>>();

/**
 * Local day numbers of many instants in one zone, fast: the zone is asked once per UTC day (remembered
 * across readers), and on the days it changes its offset the change is found once by bisection.
 */
export function createLocalDayReader(timeZone: string): (instantMs: number) => number {
  assertTimeZone(timeZone);
  let byUtcDay = dayOffsets.get(timeZone);
  if (!byUtcDay) {
    byUtcDay = new Map();
    dayOffsets.set(timeZone, byUtcDay);
  }
  const cache = byUtcDay;
  return (instantMs) => {
    const utcDay = Math.floor(instantMs / DAY_MS);
    let offsets = cache.get(utcDay);
    if (offsets === undefined) {
      const spans = offsetSpans(timeZone, utcDay * DAY_MS, (utcDay + 1) * DAY_MS);
      offsets = spans.length === 1 && spans[0] ? spans[0].offsetMs : spans;
      if (cache.size >= 20_000) cache.clear();
      cache.set(utcDay, offsets);
    }
    const offsetMs =
      typeof offsets === 'number' ? offsets : (offsets.find((span) => instantMs < span.toMs) ?? offsets.at(-1))?.offsetMs ?? 0;
    return Math.floor((instantMs + offsetMs) / DAY_MS);
  };
}
