import { describe, expect, it } from 'vitest';
import { comparePending, minutesLeft, urgencyOf } from '@/lib/sla/urgency';

const due = { dueAt: '2026-03-02T11:00:00.000Z', warnAt: '2026-03-02T10:45:00.000Z' };

describe('urgencyOf', () => {
  it('is fine before the warning, warning from it, overdue from the deadline', () => {
    expect(urgencyOf(due, '2026-03-02T10:44:59.999Z')).toBe('fine');
    expect(urgencyOf(due, '2026-03-02T10:45:00.000Z')).toBe('warning');
    expect(urgencyOf(due, '2026-03-02T11:00:00.000Z')).toBe('overdue');
    expect(urgencyOf(due, '2026-03-02T12:00:00+01:00')).toBe('overdue');
  });

  it('is fine without a deadline, and goes straight to overdue without a warning instant', () => {
    expect(urgencyOf({ dueAt: null, warnAt: null }, '2030-01-01T00:00:00Z')).toBe('fine');
    expect(urgencyOf({ dueAt: due.dueAt, warnAt: null }, '2026-03-02T10:59:00Z')).toBe('fine');
    expect(urgencyOf({ dueAt: due.dueAt, warnAt: null }, '2026-03-02T11:01:00Z')).toBe('overdue');
  });
});

describe('minutesLeft', () => {
  it('counts down, and below zero once overdue', () => {
    expect(minutesLeft(due.dueAt, '2026-03-02T10:30:00Z')).toBe(30);
    expect(minutesLeft(due.dueAt, '2026-03-02T11:00:30Z')).toBe(-0.5);
  });
});

describe('comparePending', () => {
  it('orders by deadline, no deadline last, then by how long they have waited', () => {
    const items = [
      { id: 'none-late', dueAt: null, waitingSince: '2026-03-02T09:00:00.000Z' },
      { id: 'due-12', dueAt: '2026-03-02T12:00:00.000Z', waitingSince: '2026-03-02T08:00:00.000Z' },
      { id: 'none-early', dueAt: null, waitingSince: '2026-03-02T07:00:00.000Z' },
      { id: 'due-11-b', dueAt: '2026-03-02T11:00:00.000Z', waitingSince: '2026-03-02T10:00:00.000Z' },
      { id: 'due-11-a', dueAt: '2026-03-02T11:00:00.000Z', waitingSince: '2026-03-02T09:30:00.000Z' },
      { id: 'overdue', dueAt: '2026-03-01T11:00:00.000Z', waitingSince: null },
      { id: 'nothing', dueAt: null, waitingSince: null },
    ];
    expect(items.sort(comparePending).map((item) => item.id)).toEqual(['overdue', 'due-11-a', 'due-11-b', 'due-12', 'none-early', 'none-late', 'nothing']);
  });

  it('compares instants, not text, when they carry offsets', () => {
    const tokyo = { dueAt: '2026-03-02T19:30:00+09:00', waitingSince: null }; // 10:30 UTC
    const utc = { dueAt: '2026-03-02T11:00:00.000Z', waitingSince: null };
    expect(comparePending(tokyo, utc)).toBeLessThan(0);
    expect(comparePending(utc, tokyo)).toBeGreaterThan(0);
  });
});
