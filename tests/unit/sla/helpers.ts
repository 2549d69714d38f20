import type { BusinessHours, SlaPolicy } from '@/lib/model';

type Day = BusinessHours['weekly'][number]['day'];

export const MONDAY_TO_FRIDAY: Day[] = [1, 2, 3, 4, 5];
export const EVERY_DAY: Day[] = [0, 1, 2, 3, 4, 5, 6];

/** The same intervals on each of the given days, e.g. hoursOn('America/New_York', MONDAY_TO_FRIDAY, ['09:00', '17:00']). */
export function hoursOn(timeZone: string, days: Day[], ...intervals: Array<[string, string]>): BusinessHours {
  return { timeZone, weekly: days.flatMap((day) => intervals.map(([start, end]) => ({ day, start, end }))) };
}

let nextId = 0;

export function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    stamps: {},
    name: `Policy ${nextId}`,
    order: nextId,
    enabled: true,
    match: { sites: [], priorities: [], tags: [] },
    targets: { firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: 240 },
    warnAtPercent: 75,
    businessHours: null,
    pauseOutsideBusinessHours: false,
    autoAckSatisfiesFirstResponse: false,
    ...overrides,
  };
}
