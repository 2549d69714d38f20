import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@/lib/model';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessStart } from '@/lib/sla/business-time';
import { EVERY_DAY, hoursOn, MONDAY_TO_FRIDAY } from './helpers';

// 2026-03-02 is a Monday. New York leaves EST (−5) for EDT (−4) on Sunday 2026-03-08 at 02:00 and
// returns on Sunday 2026-11-01 at 02:00; London moves on 2026-03-29 and 2026-10-25 at 01:00 UTC;
// Lord Howe moves by 30 minutes, back on 2026-04-05 at 02:00 and forward on 2026-10-04 at 02:00.
const newYorkOffice = hoursOn('America/New_York', MONDAY_TO_FRIDAY, ['09:00', '17:00']);
const newYorkWithLunch = hoursOn('America/New_York', MONDAY_TO_FRIDAY, ['09:00', '12:00'], ['13:00', '17:00']);
const sundayOnly = (timeZone: string, start: string, end: string): BusinessHours => hoursOn(timeZone, [0], [start, end]);

describe('around the clock (null hours)', () => {
  it('adds wall-clock minutes and answers in UTC', () => {
    expect(addBusinessMinutes('2026-03-08T01:30:00-05:00', 90, null)).toBe('2026-03-08T08:00:00.000Z');
    expect(businessMinutesBetween('2026-03-08T06:00:00Z', '2026-03-08T08:30:00Z', null)).toBe(150);
  });

  it('counts nothing when the end is not after the start', () => {
    expect(businessMinutesBetween('2026-03-08T08:30:00Z', '2026-03-08T06:00:00Z', null)).toBe(0);
    expect(businessMinutesBetween('2026-03-08T08:30:00Z', '2026-03-08T08:30:00Z', newYorkOffice)).toBe(0);
  });

  it('is always business time, and opens now', () => {
    expect(isBusinessTime('2026-03-07T03:00:00Z', null)).toBe(true);
    expect(nextBusinessStart('2026-03-07T03:00:00+01:00', null)).toBe('2026-03-07T02:00:00.000Z');
  });
});

describe('a weekday office in New York', () => {
  it('starts counting at opening time when the clock starts before it', () => {
    // Monday 07:00 EST + 30 → 09:30 EST.
    expect(addBusinessMinutes('2026-03-02T12:00:00Z', 30, newYorkOffice)).toBe('2026-03-02T14:30:00.000Z');
  });

  it('skips the lunch break', () => {
    // Monday 11:30 EST: 30 minutes before lunch, 30 after it → 13:30 EST.
    expect(addBusinessMinutes('2026-03-02T16:30:00Z', 60, newYorkWithLunch)).toBe('2026-03-02T18:30:00.000Z');
    expect(businessMinutesBetween('2026-03-02T14:00:00Z', '2026-03-02T22:00:00Z', newYorkWithLunch)).toBe(7 * 60);
    expect(isBusinessTime('2026-03-02T17:30:00Z', newYorkWithLunch)).toBe(false);
  });

  it('ends at closing time exactly when the minutes run out there, not at the next opening', () => {
    // Friday 16:00 EST + 60 → Friday 17:00 EST.
    expect(addBusinessMinutes('2026-03-06T21:00:00Z', 60, newYorkOffice)).toBe('2026-03-06T22:00:00.000Z');
  });

  it('carries over the weekend, into daylight saving time', () => {
    // Friday 16:00 EST + 61 → Monday 09:01 EDT (13:01 UTC: the offset changed on Sunday).
    expect(addBusinessMinutes('2026-03-06T21:00:00Z', 61, newYorkOffice)).toBe('2026-03-09T13:01:00.000Z');
    expect(businessMinutesBetween('2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', newYorkOffice)).toBe(120);
  });

  it('treats opening as inside and closing as outside', () => {
    expect(isBusinessTime('2026-03-02T14:00:00Z', newYorkOffice)).toBe(true);
    expect(isBusinessTime('2026-03-02T21:59:59.999Z', newYorkOffice)).toBe(true);
    expect(isBusinessTime('2026-03-02T22:00:00Z', newYorkOffice)).toBe(false);
    expect(isBusinessTime('2026-03-02T13:59:59.999Z', newYorkOffice)).toBe(false);
    // From closing time, one minute lands one minute after the next opening.
    expect(addBusinessMinutes('2026-03-02T22:00:00Z', 1, newYorkOffice)).toBe('2026-03-03T14:01:00.000Z');
    // From opening time, one minute is one minute.
    expect(addBusinessMinutes('2026-03-02T14:00:00Z', 1, newYorkOffice)).toBe('2026-03-02T14:01:00.000Z');
  });

  it('returns the start itself for zero minutes, even when closed', () => {
    expect(addBusinessMinutes('2026-03-07T12:00:00+00:00', 0, newYorkOffice)).toBe('2026-03-07T12:00:00.000Z');
  });

  it('accepts fractional minutes to the millisecond', () => {
    expect(addBusinessMinutes('2026-03-02T21:59:00Z', 1.5, newYorkOffice)).toBe('2026-03-03T14:00:30.000Z');
    expect(businessMinutesBetween('2026-03-02T21:59:00Z', '2026-03-03T14:00:30Z', newYorkOffice)).toBe(1.5);
  });

  it('finds the next opening for an after-hours follow-up, or now when open', () => {
    // Friday 18:00 EST → Monday 09:00 EDT.
    expect(nextBusinessStart('2026-03-06T23:00:00Z', newYorkOffice)).toBe('2026-03-09T13:00:00.000Z');
    expect(nextBusinessStart('2026-03-02T15:00:00Z', newYorkOffice)).toBe('2026-03-02T15:00:00.000Z');
    // During lunch: the afternoon opening.
    expect(nextBusinessStart('2026-03-02T17:15:00Z', newYorkWithLunch)).toBe('2026-03-02T18:00:00.000Z');
  });

  it('walks long spans: three weeks of work, four weeks of hours', () => {
    // 120 working hours from Monday 2026-03-02 09:00 EST end on Friday 2026-03-20 at 17:00 EDT.
    expect(addBusinessMinutes('2026-03-02T14:00:00Z', 120 * 60, newYorkOffice)).toBe('2026-03-20T21:00:00.000Z');
    expect(businessMinutesBetween('2026-03-01T00:00:00Z', '2026-03-29T00:00:00Z', newYorkOffice)).toBe(160 * 60);
  });
});

describe('holidays', () => {
  const tokyo: BusinessHours = { ...hoursOn('Asia/Tokyo', MONDAY_TO_FRIDAY, ['09:00', '18:00']), holidays: ['2026-01-01'] };

  it('skip whole local dates', () => {
    // Wednesday 2025-12-31 17:00 JST + 120: an hour that evening, New Year's Day off, an hour on Friday the 2nd.
    expect(addBusinessMinutes('2025-12-31T08:00:00Z', 120, tokyo)).toBe('2026-01-02T01:00:00.000Z');
    expect(isBusinessTime('2026-01-01T03:00:00Z', tokyo)).toBe(false);
    expect(isBusinessTime('2026-01-02T03:00:00Z', tokyo)).toBe(true);
    expect(businessMinutesBetween('2025-12-31T00:00:00Z', '2026-01-03T00:00:00Z', tokyo)).toBe(2 * 9 * 60);
  });

  it('are local dates: the Tokyo holiday starts at 15:00 UTC the day before', () => {
    expect(isBusinessTime('2025-12-31T08:59:00Z', tokyo)).toBe(true);
    expect(nextBusinessStart('2025-12-31T09:00:00Z', tokyo)).toBe('2026-01-02T00:00:00.000Z');
  });
});

describe('a night shift over midnight', () => {
  // Monday to Friday evenings 22:00–24:00, and 00:00–06:00 the mornings after (Tuesday to Saturday).
  const nights: BusinessHours = {
    timeZone: 'America/New_York',
    weekly: [
      ...MONDAY_TO_FRIDAY.map((day) => ({ day, start: '22:00', end: '24:00' })),
      ...MONDAY_TO_FRIDAY.map((day) => ({ day: ((day + 1) % 7) as typeof day, start: '00:00', end: '06:00' })),
    ],
  };

  it('runs through midnight as one shift', () => {
    // Monday 23:00 EST + 180 → Tuesday 02:00 EST.
    expect(addBusinessMinutes('2026-03-03T04:00:00Z', 180, nights)).toBe('2026-03-03T07:00:00.000Z');
    expect(businessMinutesBetween('2026-03-03T02:00:00Z', '2026-03-03T12:00:00Z', nights)).toBe(8 * 60);
    expect(isBusinessTime('2026-03-03T05:00:00Z', nights)).toBe(true);
    expect(nextBusinessStart('2026-03-03T05:00:00Z', nights)).toBe('2026-03-03T05:00:00.000Z');
  });

  it('ends at 06:00 and opens again at 22:00', () => {
    // Tuesday 05:30 EST + 60 → 30 minutes, then Tuesday 22:30 EST.
    expect(addBusinessMinutes('2026-03-03T10:30:00Z', 60, nights)).toBe('2026-03-04T03:30:00.000Z');
  });
});

describe('daylight saving time changes', () => {
  const wholeSunday = (timeZone: string) => sundayOnly(timeZone, '00:00', '24:00');

  it.each([
    ['America/New_York', '2026-03-08', 23 * 60],
    ['America/New_York', '2026-11-01', 25 * 60],
    ['Europe/London', '2026-03-29', 23 * 60],
    ['Europe/London', '2026-10-25', 25 * 60],
    ['Australia/Lord_Howe', '2026-04-05', 24.5 * 60],
    ['Australia/Lord_Howe', '2026-10-04', 23.5 * 60],
    ['Asia/Tokyo', '2026-03-08', 24 * 60],
  ])('make the local day of %s on %s %d minutes long', (timeZone, date, minutes) => {
    // Every Sunday is open all day: a week from 15 hours before that date in UTC holds that Sunday alone.
    const from = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000;
    const week = [from, from + 7 * 86_400_000].map((ms) => new Date(ms).toISOString()) as [string, string];
    expect(businessMinutesBetween(...week, wholeSunday(timeZone))).toBe(minutes);
  });

  it('skip local times that do not exist: an interval starting in the spring-forward gap opens when it ends', () => {
    // 02:30–04:00 on 2026-03-08 in New York: the clocks jump from 02:00 EST to 03:00 EDT, so it opens at
    // 03:00 EDT (07:00 UTC) and lasts an hour.
    const hours = sundayOnly('America/New_York', '02:30', '04:00');
    expect(nextBusinessStart('2026-03-08T00:00:00Z', hours)).toBe('2026-03-08T07:00:00.000Z');
    expect(businessMinutesBetween('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', hours)).toBe(60);
    expect(addBusinessMinutes('2026-03-08T00:00:00Z', 30, hours)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('count local times that happen twice twice: 01:00–02:00 on the fall-back night is two hours', () => {
    // 01:00 EDT (05:00 UTC) to 02:00 EST (07:00 UTC), without a break.
    const hours = sundayOnly('America/New_York', '01:00', '02:00');
    expect(businessMinutesBetween('2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z', hours)).toBe(120);
    expect(addBusinessMinutes('2026-11-01T04:00:00Z', 90, hours)).toBe('2026-11-01T06:30:00.000Z');
    expect(isBusinessTime('2026-11-01T06:15:00Z', hours)).toBe(true);
  });

  it('move with Lord Howe by half an hour', () => {
    const hours = sundayOnly('Australia/Lord_Howe', '01:00', '03:00');
    // Back from +11:00 to +10:30 at 02:00 on 2026-04-05: 01:30–02:00 happens twice.
    expect(businessMinutesBetween('2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z', hours)).toBe(150);
    // Forward from +10:30 to +11:00 at 02:00 on 2026-10-04: 02:00–02:30 never happens.
    expect(businessMinutesBetween('2026-10-03T00:00:00Z', '2026-10-05T00:00:00Z', hours)).toBe(90);
    // 01:00 LHST (+10:30) on 2026-10-04 is 14:30 UTC the day before; + 60 minutes skips the gap → 02:30 +11:00.
    expect(addBusinessMinutes('2026-10-03T14:30:00Z', 60, hours)).toBe('2026-10-03T15:30:00.000Z');
  });

  it('keep a 09:00 opening at 09:00 local on both sides of the London change', () => {
    const london = hoursOn('Europe/London', MONDAY_TO_FRIDAY, ['09:00', '17:00']);
    // Friday 2026-03-27 16:00 GMT + 120 → Monday 2026-03-30 10:00 BST (09:00 UTC).
    expect(addBusinessMinutes('2026-03-27T16:00:00Z', 120, london)).toBe('2026-03-30T09:00:00.000Z');
  });
});

describe('schedules that cannot be walked', () => {
  const empty: BusinessHours = { timeZone: 'Europe/London', weekly: [] };

  it('refuses to add time to a schedule with no intervals instead of looping', () => {
    expect(() => addBusinessMinutes('2026-03-02T00:00:00Z', 1, empty)).toThrow(RangeError);
    expect(() => nextBusinessStart('2026-03-02T00:00:00Z', empty)).toThrow(RangeError);
    expect(addBusinessMinutes('2026-03-02T00:00:00Z', 0, empty)).toBe('2026-03-02T00:00:00.000Z');
    expect(businessMinutesBetween('2026-03-02T00:00:00Z', '2026-04-02T00:00:00Z', empty)).toBe(0);
    expect(isBusinessTime('2026-03-02T12:00:00Z', empty)).toBe(false);
  });

  it('skips a long run of holidays (every Monday of a year but the last)', () => {
    const mondays = Array.from({ length: 51 }, (_, week) => new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10));
    const hours: BusinessHours = { ...hoursOn('Asia/Tokyo', [1], ['09:00', '10:00']), holidays: mondays };
    // The 52nd Monday, 2026-12-28, 09:00 JST.
    expect(nextBusinessStart('2026-01-01T00:00:00Z', hours)).toBe('2026-12-28T00:00:00.000Z');
  });

  it('rejects what is not an instant, a duration, a zone or a clock time', () => {
    expect(() => addBusinessMinutes('2026-03-02 10:00', 5, null)).toThrow(RangeError);
    expect(() => addBusinessMinutes('2026-03-02T10:00:00', 5, null)).toThrow(RangeError);
    expect(() => addBusinessMinutes('2026-03-02T10:00:00Z', -1, null)).toThrow(RangeError);
    expect(() => addBusinessMinutes('2026-03-02T10:00:00Z', Number.NaN, newYorkOffice)).toThrow(RangeError);
    expect(() => isBusinessTime('2026-03-02T10:00:00Z', { timeZone: 'Mars/Olympus', weekly: [] })).toThrow(RangeError);
    expect(() => isBusinessTime('2026-03-02T10:00:00Z', hoursOn('UTC', EVERY_DAY, ['9:00', '17:00']))).toThrow(RangeError);
  });
});
