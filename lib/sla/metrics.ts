/**
 * The figures a team lead reads, from stored conversations. Each figure counts what happened in the
 * range [from, to), dated by its own instant:
 * - volume (by site, by day): conversations whose customer's first message falls in it;
 * - each target kind's time, in calendar minutes, as its table entry's metric measures it:
 *   'first-reply', conversations whose first reply falls in it (as Plain charts it), from the first message
 *   to that reply (also charted per day); 'met-clocks', the kind's clocks met in it, from each clock's start
 *   to when it was met; 'resolution', conversations resolved in it, from the first message to the resolution;
 * - SLA attainment: clocks settled in it, at metAt when met, else at dueAt once breached (clocks still
 *   running on time are not settled); met on time vs breached, overall and per kind;
 * - first-contact resolution: of the conversations resolved in it, the share with exactly one reply;
 * - backlog: what is not resolved now (open, waiting, snoozed), with ages from the first message to now.
 * The site and owner filters apply to everything. Percentiles are nearest-rank: the value at rank
 * ⌈p·n⌉ of the n sorted values (so the median of an even count is the lower middle value).
 */
import type { Site } from '@/lib/model';
import type { MetricsConversation, MetricsInput } from './metrics-input';
import type { SlaTargetKind } from './types';
import { parseInstant } from './instant';
import { byTargetKind, SLA_TARGET_KINDS, slaTargetKinds, type SlaTargetKindSpec } from './target-kinds';
import { createLocalDayReader, localDateOf, MINUTE_MS } from './zone';

export type { MetricsConversation, MetricsInput, MetricsOptions } from './metrics-input';

export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface Attainment {
  met: number;
  breached: number;
  /** met / (met + breached); null when nothing settled. */
  rate: number | null;
}

export interface DayFigures {
  /** Local date in the options' zone. */
  day: string;
  volume: number;
  firstResponse: DurationStats;
  attainment: Attainment;
}

/** Each target kind's time (see its metric in the table) under the kind's name, then the other figures. */
export type Metrics = Record<SlaTargetKind, DurationStats> & OtherFigures;

interface OtherFigures {
  attainment: Attainment & { byKind: Record<SlaTargetKind, Attainment> };
  volumeBySite: Record<Site, number>;
  volumeByDay: Array<{ day: string; count: number }>;
  backlog: {
    open: number;
    waiting: number;
    snoozed: number;
    total: number;
    ageMedianMinutes: number | null;
    oldestMinutes: number | null;
  };
  firstContactResolution: { resolved: number; oneReply: number; rate: number | null };
  /** One entry per local day from the range's first to its last (or the data's, without a range). */
  series: DayFigures[];
}

/** The nearest-rank p-quantile (0 < p ≤ 1) of values sorted ascending; null for none. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

function durationStats(values: number[]): DurationStats {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, medianMinutes: nearestRank(sorted, 0.5), p90Minutes: nearestRank(sorted, 0.9) };
}

function attainmentOf(met: number, breached: number): Attainment {
  return { met, breached, rate: met + breached === 0 ? null : met / (met + breached) };
}

interface DayBucket {
  volume: number;
  firstReplyMinutes: number[];
  met: number;
  breached: number;
}

type Measure = SlaTargetKindSpec['metric']['measure'];

/** The kinds whose dashboard time is measured by `measure`. */
const kindsMeasuredBy = (measure: Measure) => slaTargetKinds.filter((kind) => SLA_TARGET_KINDS[kind].metric.measure === measure);
const firstReplyKinds = kindsMeasuredBy('first-reply');
const resolutionKinds = kindsMeasuredBy('resolution');
const metClockKinds = new Set(kindsMeasuredBy('met-clocks'));

function parse(iso: string | null | undefined): number | null {
  return iso ? parseInstant(iso) : null;
}

export function computeMetrics(input: MetricsInput): Metrics {
  const { options } = input;
  const nowMs = parseInstant(options.now);
  const fromMs = parse(options.from) ?? Number.NEGATIVE_INFINITY;
  const toMs = parse(options.to) ?? Number.POSITIVE_INFINITY;
  const inRange = (ms: number) => ms >= fromMs && ms < toMs;
  const sites = options.sites ? new Set(options.sites) : null;
  const owners = options.ownerIds ? new Set(options.ownerIds) : null;
  const localDay = createLocalDayReader(options.timeZone);

  const days = new Map<number, DayBucket>();
  const bucket = (ms: number): DayBucket => {
    const day = localDay(ms);
    let found = days.get(day);
    if (!found) {
      found = { volume: 0, firstReplyMinutes: [], met: 0, breached: 0 };
      days.set(day, found);
    }
    return found;
  };

  const durations = byTargetKind<number[]>(() => []);
  const settled = byTargetKind(() => ({ met: 0, breached: 0 }));
  const volumeBySite: Record<Site, number> = { linkedin: 0, x: 0, facebook: 0, instagram: 0 };
  const backlog = { open: 0, waiting: 0, snoozed: 0 };
  const backlogAges: number[] = [];
  let resolvedCount = 0;
  let oneReplyCount = 0;

  const include = (conversation: MetricsConversation) =>
    (sites === null || sites.has(conversation.site)) && (owners === null || owners.has(conversation.ownerId));

  for (const conversation of input.conversations) {
    if (!include(conversation)) continue;
    const startMs = parse(conversation.firstInboundAt) ?? parseInstant(conversation.createdAt);

    if (inRange(startMs)) {
      volumeBySite[conversation.site] += 1;
      bucket(startMs).volume += 1;
    }

    const firstResponseMs = parse(conversation.firstResponseAt);
    if (firstResponseMs !== null && inRange(firstResponseMs)) {
      const minutes = Math.max(0, firstResponseMs - startMs) / MINUTE_MS;
      for (const kind of firstReplyKinds) durations[kind].push(minutes);
      bucket(firstResponseMs).firstReplyMinutes.push(minutes);
    }

    const resolvedMs = parse(conversation.resolvedAt);
    if (resolvedMs !== null && inRange(resolvedMs)) {
      const minutes = Math.max(0, resolvedMs - startMs) / MINUTE_MS;
      for (const kind of resolutionKinds) durations[kind].push(minutes);
      resolvedCount += 1;
      if (conversation.outboundCount === 1) oneReplyCount += 1;
    }

    if (conversation.status !== 'resolved') {
      backlog[conversation.status] += 1;
      backlogAges.push(Math.max(0, nowMs - startMs) / MINUTE_MS);
    }

    for (const target of conversation.targets) {
      const metMs = parse(target.metAt);
      if (metClockKinds.has(target.kind) && metMs !== null && inRange(metMs)) {
        const startedMs = parse(target.startedAt);
        if (startedMs !== null) durations[target.kind].push(Math.max(0, metMs - startedMs) / MINUTE_MS);
      }
      const settledMs = metMs ?? (target.breached ? parseInstant(target.dueAt) : null);
      if (settledMs === null || !inRange(settledMs)) continue;
      const day = bucket(settledMs);
      if (target.breached) {
        settled[target.kind].breached += 1;
        day.breached += 1;
      } else {
        settled[target.kind].met += 1;
        day.met += 1;
      }
    }
  }

  const byKind = byTargetKind((kind) => attainmentOf(settled[kind].met, settled[kind].breached));
  const total = (count: 'met' | 'breached') => slaTargetKinds.reduce((sum, kind) => sum + settled[kind][count], 0);
  const series = seriesOf(days, options.from ? localDay(fromMs) : null, options.to ? localDay(toMs - 1) : null);
  const ages = durationStats(backlogAges);

  return {
    ...byTargetKind((kind) => durationStats(durations[kind])),
    attainment: { ...attainmentOf(total('met'), total('breached')), byKind },
    volumeBySite,
    volumeByDay: series.map(({ day, volume }) => ({ day, count: volume })),
    backlog: {
      ...backlog,
      total: backlogAges.length,
      ageMedianMinutes: ages.medianMinutes,
      oldestMinutes: nearestRank(Float64Array.from(backlogAges).sort(), 1),
    },
    firstContactResolution: {
      resolved: resolvedCount,
      oneReply: oneReplyCount,
      rate: resolvedCount === 0 ? null : oneReplyCount / resolvedCount,
    },
    series,
  };
}

/** Every day from first to last (defaulting to the data's), empty days included, for charts. */
function seriesOf(days: Map<number, DayBucket>, firstDay: number | null, lastDay: number | null): DayFigures[] {
  const known = [...days.keys()];
  const first = firstDay ?? (known.length > 0 ? Math.min(...known) : null);
  const last = lastDay ?? (known.length > 0 ? Math.max(...known) : null);
  if (first === null || last === null) return [];
  const series: DayFigures[] = [];
  for (let day = first; day <= last; day += 1) {
    const figures = days.get(day);
    series.push({
      day: localDateOf(day),
      volume: figures?.volume ?? 0,
      firstResponse: durationStats(figures?.firstReplyMinutes ?? []),
      attainment: attainmentOf(figures?.met ?? 0, figures?.breached ?? 0),
    });
  }
  return series;
}
