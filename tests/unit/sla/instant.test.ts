import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '@/lib/sla/instant';

const anyInstant = fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });

describe('parseInstant and formatInstant', () => {
  it('write exactly what toISOString writes, and read it back', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const iso = formatInstant(ms);
        expect(iso).toBe(new Date(ms).toISOString());
        expect(parseInstant(iso)).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('read offsets, leap days and short forms like Date.parse does', () => {
    expect(parseInstant('2026-03-02T19:30:00+09:00')).toBe(Date.UTC(2026, 2, 2, 10, 30));
    expect(parseInstant('2024-02-29T12:00:00.000Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseInstant('2000-02-29T00:00:00.000Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseInstant('2026-03-02T10:00Z')).toBe(Date.UTC(2026, 2, 2, 10));
  });

  it('refuse what is not an instant with a zone', () => {
    for (const text of ['2026-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-03-02T24:00:00.000Z', '2026-03-02T10:00:00', 'tomorrow', '2026-03-0xT10:00:00.000Z']) {
      expect(() => parseInstant(text), text).toThrow(RangeError);
    }
  });

  it('fall back to toISOString outside four-digit years and for fractions of a millisecond', () => {
    expect(formatInstant(Date.UTC(10000, 0, 1))).toBe('+010000-01-01T00:00:00.000Z');
    expect(formatInstant(1.5)).toBe(new Date(1.5).toISOString());
  });
});
