import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@/lib/model';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from '@/lib/sla/business-time';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham'];

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Intervals on 15-minute marks (24:00 included), one to three a day on a random set of days, a few holidays. */
const schedule: fc.Arbitrary<BusinessHours> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weekly: fc.array(
      fc
        .record({
          day: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const),
          a: fc.integer({ min: 0, max: 96 }),
          b: fc.integer({ min: 0, max: 96 }),
        })
        .filter(({ a, b }) => a !== b)
        .map(({ day, a, b }) => ({ day, start: clock(Math.min(a, b) * 15), end: clock(Math.max(a, b) * 15) })),
      { minLength: 1, maxLength: 8 },
    ),
    holidays: fc.array(fc.integer({ min: 0, max: 730 }), { maxLength: 6 }).map((days) =>
      days.map((day) => new Date(Date.UTC(2025, 11, 1) + day * 86_400_000).toISOString().slice(0, 10)),
    ),
  });

/** Instants from December 2025 to late 2027, to the millisecond, around every DST change in between. */
const instant = fc
  .integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 10, 30) })
  .map((ms) => new Date(ms).toISOString());

const minutes = fc.integer({ min: 0, max: 6000 });

/** An independent reading of the definition: the zone's wall clock at the instant, looked up in the schedule. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function businessByWallClock(iso: string, hours: BusinessHours): boolean {
  const format =
    wallClocks.get(hours.timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  wallClocks.set(hours.timeZone, format);
  const parts = format.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)!.value;
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  const time = `${part('hour')}:${part('minute')}`;
  if (hours.holidays?.includes(date)) return false;
  return hours.weekly.some((interval) => interval.day === day && interval.start <= time && time < interval.end);
}

/** Within three days of a DST change in one of the zones. */
const nearChange = fc
  .record({
    change: fc.constantFrom('2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', '2026-04-05T02:00:00Z', '2026-09-06T04:00:00Z'),
    shiftMinutes: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
  })
  .map(({ change, shiftMinutes }) => new Date(Date.parse(change) + shiftMinutes * 60_000).toISOString());

describe('business time, for any schedule', () => {
  it('measures back exactly what it added, and nothing less ends sooner', () => {
    fc.assert(
      fc.property(schedule, instant, minutes, (hours, start, amount) => {
        const end = addBusinessMinutes(start, amount, hours);
        expect(businessMinutesBetween(start, end, hours)).toBe(amount);
        if (amount > 0) {
          // The earliest such instant: a millisecond sooner is short, and the last millisecond is business time.
          const justBefore = new Date(Date.parse(end) - 1).toISOString();
          expect(businessMinutesBetween(start, justBefore, hours)).toBeLessThan(amount);
          expect(isBusinessTime(justBefore, hours)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the wall clock at every instant, DST changes included', () => {
    fc.assert(
      fc.property(schedule, fc.oneof(instant, nearChange), (hours, at) => {
        expect(isBusinessTime(at, hours)).toBe(businessByWallClock(at, hours));
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotonic: more minutes never end sooner, a later end never counts less', () => {
    fc.assert(
      fc.property(schedule, instant, minutes, minutes, (hours, start, m1, m2) => {
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const early = addBusinessMinutes(start, low, hours);
        const late = addBusinessMinutes(start, high, hours);
        expect(Date.parse(early)).toBeLessThanOrEqual(Date.parse(late));
        expect(Date.parse(early)).toBeGreaterThanOrEqual(Date.parse(start));
        expect(businessMinutesBetween(start, early, hours)).toBeLessThanOrEqual(businessMinutesBetween(start, late, hours));
      }),
      { numRuns: 150 },
    );
  });

  it('adds up over consecutive stretches', () => {
    fc.assert(
      fc.property(schedule, instant, instant, instant, (hours, ...instants) => {
        const [a, b, c] = instants.sort();
        const whole = businessMinutesBetween(a, c, hours);
        expect(businessMinutesBetween(a, b, hours) + businessMinutesBetween(b, c, hours)).toBeCloseTo(whole, 9);
        expect(whole).toBeLessThanOrEqual((Date.parse(c) - Date.parse(a)) / 60_000);
      }),
      { numRuns: 40 },
    );
  });
});
