import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WALL_MS, formatHlc, parseHlc, receive, receiveWallTime, tick } from '@/lib/sync/hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tick({ wallMs: 1000, counter: 7 }, 2000)).toEqual({ wallMs: 2000, counter: 0 });
  });

  it('never goes backwards when the wall clock does', () => {
    expect(tick({ wallMs: 5000, counter: 2 }, 1000)).toEqual({ wallMs: 5000, counter: 3 });
  });

  it('orders stamps as strings in causal order, ties broken by client id', () => {
    const stamps = [
      formatHlc({ wallMs: 10, counter: 1 }, 'b'),
      formatHlc({ wallMs: 9, counter: 99 }, 'z'),
      formatHlc({ wallMs: 10, counter: 1 }, 'a'),
      formatHlc({ wallMs: 100, counter: 0 }, 'a'),
    ];
    expect([...stamps].sort()).toEqual([stamps[1], stamps[2], stamps[0], stamps[3]]);
  });

  it('moves past a remote stamp from a clock that runs ahead', () => {
    const remote = formatHlc({ wallMs: 9000, counter: 4 }, 'other');
    const local = receive({ wallMs: 1000, counter: 0 }, remote, 1500);
    expect(local).toEqual({ wallMs: 9000, counter: 5 });
    expect(formatHlc(tick(local, 1600), 'me') > remote).toBe(true);
  });

  it('carries the counter into the wall time instead of overflowing its digits', () => {
    expect(tick({ wallMs: 10, counter: 999_999 }, 5)).toEqual({ wallMs: 11, counter: 0 });
  });

  it('round-trips through its string form and rejects anything else', () => {
    const stamp = formatHlc({ wallMs: 1_772_442_000_000, counter: 12 }, 'client-1');
    expect(parseHlc(stamp)).toEqual({ wallMs: 1_772_442_000_000, counter: 12, clientId: 'client-1' });
    expect(() => parseHlc('12:3:x')).toThrow(/Not an HLC stamp/);
  });
});

describe('hybrid logical clock: the server’s clock reading', () => {
  it('moves up to a server time ahead of it, the next stamp at or after that time', () => {
    const adopted = receiveWallTime({ wallMs: 1000, counter: 3 }, 9000, 1500);
    expect(adopted).toEqual({ wallMs: 9000, counter: 0 });
    expect(parseHlc(formatHlc(tick(adopted, 1600), 'me')).wallMs).toBe(9000);
  });

  it('follows its own wall clock when that is ahead of both', () => {
    expect(receiveWallTime({ wallMs: 1000, counter: 3 }, 900, 5000)).toEqual({ wallMs: 5000, counter: 0 });
  });

  it('stays as it is when the server is behind it', () => {
    expect(receiveWallTime({ wallMs: 9000, counter: 3 }, 5000, 4000)).toEqual({ wallMs: 9000, counter: 3 });
  });

  it('ignores readings no stamp can hold (negative, fractional, past year 9999)', () => {
    const last = { wallMs: 1000, counter: 2 };
    for (const reading of [-1, 1.5, Number.NaN, MAX_WALL_MS + 1, 999_999_999_999_999]) {
      expect(receiveWallTime(last, reading, 500)).toEqual(last);
    }
  });

  it('never goes backwards and is never behind the server after an answer, whatever the clocks (fast-check)', () => {
    const ms = fc.integer({ min: 0, max: MAX_WALL_MS });
    fc.assert(
      fc.property(ms, fc.integer({ min: 0, max: 999_999 }), ms, ms, (wallMs, counter, serverMs, nowMs) => {
        const last = { wallMs, counter };
        const next = receiveWallTime(last, serverMs, nowMs);
        const before = formatHlc(last, 'me');
        const after = formatHlc(tick(next, nowMs), 'me');
        expect(after > before).toBe(true);
        expect(next.wallMs).toBeGreaterThanOrEqual(Math.max(serverMs, nowMs));
      }),
      { numRuns: 500 },
    );
  });
});
