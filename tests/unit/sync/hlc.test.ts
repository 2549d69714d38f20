import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick } from '@/lib/sync/hlc';

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
