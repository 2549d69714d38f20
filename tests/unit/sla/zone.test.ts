import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalDayReader, dayNumberOf, localDateOf, offsetSpans, weekdayOf, zoneOffsetMs } from '@/lib/sla/zone';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Kathmandu'];

function localDateByIntl(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

describe('zone arithmetic', () => {
  it('reads offsets, including half and three-quarter hours', () => {
    expect(zoneOffsetMs('Asia/Tokyo', Date.UTC(2026, 0, 1))).toBe(9 * 3_600_000);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2026, 6, 1))).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs('Asia/Kathmandu', Date.UTC(2026, 0, 1))).toBe(5.75 * 3_600_000);
    expect(zoneOffsetMs('Australia/Lord_Howe', Date.UTC(2026, 0, 1))).toBe(11 * 3_600_000);
  });

  it('finds where the offset changes, to the second', () => {
    // New York springs forward at 07:00 UTC on 2026-03-08.
    expect(offsetSpans('America/New_York', Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 9))).toEqual([
      { fromMs: Date.UTC(2026, 2, 8), toMs: Date.UTC(2026, 2, 8, 7), offsetMs: -5 * 3_600_000 },
      { fromMs: Date.UTC(2026, 2, 8, 7), toMs: Date.UTC(2026, 2, 9), offsetMs: -4 * 3_600_000 },
    ]);
    expect(offsetSpans('Asia/Tokyo', Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 9))).toHaveLength(1);
  });

  it('numbers days from 1970-01-01, Sunday = 0', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(localDateOf(dayNumberOf('2026-03-02'))).toBe('2026-03-02');
    expect(weekdayOf(dayNumberOf('2026-03-01'))).toBe(0);
    expect(weekdayOf(dayNumberOf('1969-12-31'))).toBe(3);
    expect(() => dayNumberOf('2026-3-2')).toThrow(RangeError);
  });

  it('reads the local date of any instant as Intl does, on DST change days too', () => {
    const nearChanges = [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 5, 3), Date.UTC(2026, 8, 6, 4), Date.UTC(2026, 3, 4, 15)];
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
      fc.record({ change: fc.constantFrom(...nearChanges), shift: fc.integer({ min: -36 * 3_600_000, max: 36 * 3_600_000 }) }).map(({ change, shift }) => change + shift),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(instant, { minLength: 1, maxLength: 20 }), (timeZone, instants) => {
        const localDay = createLocalDayReader(timeZone);
        for (const ms of instants) expect(localDateOf(localDay(ms))).toBe(localDateByIntl(ms, timeZone));
      }),
      { numRuns: 300 },
    );
  });
});
