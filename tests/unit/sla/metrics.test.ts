import { describe, expect, it } from 'vitest';
import { conversationSchema } from '@/lib/model';
import { computeMetrics, nearestRank, type MetricsConversation, type MetricsOptions } from '@/lib/sla/metrics';
import { metricsConversationFromRecord, metricsInputSchema } from '@/lib/sla/metrics-input';
import type { SlaTargetState } from '@/lib/sla/types';
import v1Example from '../../fixtures/db/v1-example.json';

const t = (dayAndTime: string) => `2026-${dayAndTime}:00.000Z`;

function target(kind: SlaTargetState['kind'], startedAt: string, dueAt: string, metAt: string | null, breached: boolean): SlaTargetState {
  return { kind, startedAt: t(startedAt), dueAt: t(dueAt), warnAt: null, metAt: metAt === null ? null : t(metAt), breached };
}

function conversation(id: string, fields: Partial<MetricsConversation>): MetricsConversation {
  return {
    id,
    site: 'x',
    status: 'open',
    ownerId: null,
    createdAt: t('03-01T00:00'),
    firstInboundAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    waitingSince: null,
    targets: [],
    outboundCount: 0,
    ...fields,
  };
}

// A week of conversations with answers worked out by hand (see each comment).
const dataset: MetricsConversation[] = [
  conversation('c1', {
    status: 'resolved',
    ownerId: 'ann',
    firstInboundAt: t('03-02T10:00'),
    firstResponseAt: t('03-02T10:10'), // 10 minutes
    resolvedAt: t('03-02T12:00'), // 120 minutes
    outboundCount: 1,
    targets: [target('firstResponse', '03-02T10:00', '03-02T11:00', '03-02T10:10', false), target('resolution', '03-02T10:00', '03-02T14:00', '03-02T12:00', false)],
  }),
  conversation('c2', {
    status: 'resolved',
    ownerId: 'bob',
    firstInboundAt: t('03-02T11:00'),
    firstResponseAt: t('03-02T12:30'), // 90 minutes, late
    resolvedAt: t('03-03T11:00'), // 1440 minutes
    outboundCount: 3,
    targets: [
      target('firstResponse', '03-02T11:00', '03-02T12:00', '03-02T12:30', true),
      target('nextResponse', '03-02T15:00', '03-02T16:00', '03-02T15:20', false), // 20 minutes
      target('nextResponse', '03-03T09:00', '03-03T09:30', '03-03T10:00', true), // 60 minutes
      target('resolution', '03-02T11:00', '03-04T11:00', '03-03T11:00', false),
    ],
  }),
  conversation('c3', {
    site: 'linkedin',
    status: 'waiting',
    firstInboundAt: t('03-05T08:00'),
    waitingSince: t('03-05T08:00'),
    targets: [target('firstResponse', '03-05T08:00', '03-06T08:00', null, true)], // settles at its deadline
  }),
  conversation('c4', {
    site: 'facebook',
    status: 'open',
    ownerId: 'ann',
    createdAt: t('03-06T20:00'), // no first inbound known: counted from here
    firstResponseAt: t('03-06T20:30'), // 30 minutes
  }),
  conversation('c5', {
    site: 'instagram',
    status: 'resolved',
    createdAt: t('02-20T00:00'),
    firstInboundAt: t('02-20T00:00'), // before the range: no volume, no first response
    firstResponseAt: t('02-20T01:00'),
    resolvedAt: t('03-04T00:00'), // 12 days = 17280 minutes
    outboundCount: 1,
    targets: [target('resolution', '02-20T00:00', '02-23T00:00', '03-04T00:00', true)],
  }),
  conversation('c6', {
    status: 'snoozed',
    firstInboundAt: t('03-07T23:00'),
    targets: [target('firstResponse', '03-07T23:00', '03-08T00:00', null, false)], // still running: not settled
  }),
  conversation('c7', {
    status: 'waiting',
    firstInboundAt: t('03-09T00:00'), // after the range: backlog only
    targets: [target('firstResponse', '03-09T00:00', '03-09T01:00', null, true)],
  }),
];

const options: MetricsOptions = { now: t('03-10T00:00'), from: t('03-01T00:00'), to: t('03-08T00:00'), timeZone: 'UTC' };

describe('nearestRank', () => {
  it('takes the value at rank ⌈p·n⌉', () => {
    const tenValues = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(tenValues, 0.9)).toBe(9);
    expect(nearestRank(tenValues, 0.91)).toBe(10);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3], 1)).toBe(3);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('computeMetrics on a hand-built week', () => {
  const metrics = computeMetrics({ conversations: dataset, options });

  it('gives response and resolution times in minutes, dated by when they happened', () => {
    expect(metrics.firstResponse).toEqual({ count: 3, medianMinutes: 30, p90Minutes: 90 });
    expect(metrics.nextResponse).toEqual({ count: 2, medianMinutes: 20, p90Minutes: 60 });
    expect(metrics.resolution).toEqual({ count: 3, medianMinutes: 1440, p90Minutes: 17280 });
  });

  it('counts SLA attainment over the clocks settled in the range, overall and per kind', () => {
    expect(metrics.attainment).toEqual({
      met: 4,
      breached: 4,
      rate: 0.5,
      byKind: {
        firstResponse: { met: 1, breached: 2, rate: 1 / 3 },
        nextResponse: { met: 1, breached: 1, rate: 0.5 },
        resolution: { met: 2, breached: 1, rate: 2 / 3 },
      },
    });
  });

  it('counts volume by site and by day, every day of the range included', () => {
    expect(metrics.volumeBySite).toEqual({ x: 3, linkedin: 1, facebook: 1, instagram: 0 });
    expect(metrics.volumeByDay).toEqual([
      { day: '2026-03-01', count: 0 },
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-03', count: 0 },
      { day: '2026-03-04', count: 0 },
      { day: '2026-03-05', count: 1 },
      { day: '2026-03-06', count: 1 },
      { day: '2026-03-07', count: 1 },
    ]);
  });

  it('reports the backlog now, whatever the range', () => {
    // Ages at 03-10 00:00: c3 6720, c4 4560, c6 2940, c7 1440 minutes.
    expect(metrics.backlog).toEqual({ open: 1, waiting: 2, snoozed: 1, total: 4, ageMedianMinutes: 2940, oldestMinutes: 6720 });
  });

  it('reports first-contact resolution: resolved with exactly one reply', () => {
    expect(metrics.firstContactResolution).toEqual({ resolved: 3, oneReply: 2, rate: 2 / 3 });
  });

  it('gives per-day series for the charts', () => {
    const byDay = new Map(metrics.series.map((day) => [day.day, day]));
    expect(metrics.series).toHaveLength(7);
    expect(byDay.get('2026-03-02')).toEqual({
      day: '2026-03-02',
      volume: 2,
      firstResponse: { count: 2, medianMinutes: 10, p90Minutes: 90 },
      attainment: { met: 3, breached: 1, rate: 0.75 },
    });
    expect(byDay.get('2026-03-03')?.attainment).toEqual({ met: 1, breached: 1, rate: 0.5 });
    expect(byDay.get('2026-03-04')?.attainment).toEqual({ met: 0, breached: 1, rate: 0 });
    expect(byDay.get('2026-03-06')).toMatchObject({ volume: 1, firstResponse: { count: 1, medianMinutes: 30 }, attainment: { breached: 1 } });
    expect(byDay.get('2026-03-01')).toEqual({
      day: '2026-03-01',
      volume: 0,
      firstResponse: { count: 0, medianMinutes: null, p90Minutes: null },
      attainment: { met: 0, breached: 0, rate: null },
    });
  });
});

describe('computeMetrics filters and zones', () => {
  it('keeps only the chosen sites, everywhere including the backlog', () => {
    const onX = computeMetrics({ conversations: dataset, options: { ...options, sites: ['x'] } });
    expect(onX.volumeBySite).toEqual({ x: 3, linkedin: 0, facebook: 0, instagram: 0 });
    expect(onX.firstResponse).toEqual({ count: 2, medianMinutes: 10, p90Minutes: 90 });
    expect(onX.backlog.total).toBe(2);
  });

  it('keeps only the chosen owners, null meaning unassigned', () => {
    const ann = computeMetrics({ conversations: dataset, options: { ...options, ownerIds: ['ann'] } });
    expect(ann.firstResponse).toEqual({ count: 2, medianMinutes: 10, p90Minutes: 30 });
    const unassigned = computeMetrics({ conversations: dataset, options: { ...options, ownerIds: [null] } });
    // c3 and c6 start in the range; c5 and c7 do not.
    expect(unassigned.volumeBySite).toEqual({ x: 1, linkedin: 1, facebook: 0, instagram: 0 });
    expect(unassigned.backlog.total).toBe(3);
  });

  it('dates by local day in the chosen zone', () => {
    // In Tokyo (+9) the range runs from 03-01 09:00 to 03-08 09:00 local; c4 (20:00 UTC) falls on 03-07, c6 on 03-08.
    const tokyo = computeMetrics({ conversations: dataset, options: { ...options, timeZone: 'Asia/Tokyo' } });
    expect(tokyo.volumeByDay.filter((day) => day.count > 0)).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-05', count: 1 },
      { day: '2026-03-07', count: 1 },
      { day: '2026-03-08', count: 1 },
    ]);
    expect(tokyo.series[0]?.day).toBe('2026-03-01');
    expect(tokyo.series.at(-1)?.day).toBe('2026-03-08');
  });

  it('spans the data when no range is given', () => {
    const everything = computeMetrics({ conversations: dataset, options: { now: options.now, timeZone: 'UTC' } });
    expect(everything.series[0]?.day).toBe('2026-02-20');
    expect(everything.series.at(-1)?.day).toBe('2026-03-09');
    expect(everything.volumeBySite.instagram).toBe(1);
    expect(everything.firstResponse.count).toBe(4);
  });

  it('gives nulls, not zeros or NaN, when there is nothing to measure', () => {
    const none = computeMetrics({ conversations: [], options });
    expect(none.firstResponse).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(none.attainment.rate).toBeNull();
    expect(none.firstContactResolution.rate).toBeNull();
    expect(none.backlog).toEqual({ open: 0, waiting: 0, snoozed: 0, total: 0, ageMedianMinutes: null, oldestMinutes: null });
    expect(none.series).toHaveLength(7);
  });
});

describe('metrics input', () => {
  it('validates at the boundary', () => {
    expect(metricsInputSchema.parse({ conversations: dataset, options })).toEqual({ conversations: dataset, options });
    expect(metricsInputSchema.safeParse({ conversations: [{ ...dataset[0], site: 'myspace' }], options }).success).toBe(false);
    expect(metricsInputSchema.safeParse({ conversations: [], options: { ...options, timeZone: 'Mars/Olympus' } }).success).toBe(false);
    expect(metricsInputSchema.safeParse({ conversations: [{ ...dataset[0], outboundCount: -1 }], options }).success).toBe(false);
  });

  it('is built from a stored conversation, old records included', () => {
    const stored = conversationSchema.parse(v1Example.stores.conversations[0]);
    const input = metricsConversationFromRecord(stored);
    expect(input).toMatchObject({ site: 'x', status: 'waiting', firstInboundAt: null, createdAt: stored.createdAt, outboundCount: 0 });
    expect(input.targets[0]).toMatchObject({ startedAt: null, warnAt: null });
    const withStart = metricsConversationFromRecord({ ...stored, targets: [{ ...stored.targets[0]!, startedAt: '2026-03-02T08:30:00.000Z' }] });
    expect(withStart.firstInboundAt).toBe('2026-03-02T08:30:00.000Z');
  });
});
