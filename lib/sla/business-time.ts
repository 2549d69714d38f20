/**
 * Business time: instants whose local date and wall time (in the schedule's zone, through that date's own
 * rules) fall inside one of the weekly intervals, on a date that is not a holiday. `null` hours mean around
 * the clock. This definition decides every odd case the same way:
 * - spring forward: wall times that never happen are simply not there (09:00–17:00 on a 23-hour day is
 *   8 hours unless the gap is inside it, in which case it is 7); an interval starting inside the gap opens
 *   at the first instant after it;
 * - fall back: wall times that happen twice count twice (00:00–24:00 is 25 hours, 01:00–02:00 is 2 hours
 *   in New York on the first Sunday of November);
 * - a night shift written as 22:00–24:00 plus 00:00–06:00 the next day is one stretch.
 * Intervals are walked, never minutes, and each local day's intervals are computed once per schedule.
 */
import type { BusinessHours } from '@/lib/model';
import { formatInstant, parseInstant } from './instant';
import { assertTimeZone, dayNumberOf, DAY_MS, MAX_ZONE_OFFSET_MS, MINUTE_MS, offsetSpans, weekdayOf } from './zone';

interface CompiledSchedule {
  timeZone: string;
  /** Per weekday (0 = Sunday): merged [startMinute, endMinute) pairs. */
  weekly: Array<Array<[number, number]>>;
  hasHours: boolean;
  holidays: Set<number>;
  /** Days in a row without business time after which a walk gives up instead of running forever. */
  maxEmptyDays: number;
  /** Per local day number: that day's business intervals as UTC ms [start, end) pairs. */
  days: Map<number, Array<[number, number]>>;
  /** The intervals of the local dates [fromDay, toDay), sorted, grown on demand. */
  timeline: Timeline | null;
}

interface Timeline {
  fromDay: number;
  toDay: number;
  starts: number[];
  ends: number[];
}

const DAY_CACHE_LIMIT = 4096;
const SCHEDULE_CACHE_LIMIT = 256;
const compiledByObject = new WeakMap<BusinessHours, CompiledSchedule>();
const compiledByKey = new Map<string, CompiledSchedule>();

function clockMinutes(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Not an HH:MM clock time: ${clock}`);
  }
  return hours * 60 + minutes;
}

/** Sorts [start, end) pairs and joins the ones that overlap or touch. */
function mergePairs(pairs: Array<[number, number]>): Array<[number, number]> {
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of pairs) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function scheduleKey(hours: BusinessHours): string {
  const weekly = hours.weekly.map((interval) => `${interval.day}${interval.start}${interval.end}`).join(',');
  return `${hours.timeZone}|${weekly}|${(hours.holidays ?? []).join(',')}`;
}

function compile(hours: BusinessHours): CompiledSchedule {
  const known = compiledByObject.get(hours);
  if (known) return known;
  const key = scheduleKey(hours);
  let schedule = compiledByKey.get(key);
  if (!schedule) {
    assertTimeZone(hours.timeZone);
    const pairsByDay: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
    for (const interval of hours.weekly) {
      const start = clockMinutes(interval.start);
      const end = clockMinutes(interval.end);
      if (end <= start) throw new RangeError(`Business interval ends before it starts: ${interval.start}–${interval.end}`);
      const pairs = pairsByDay[interval.day];
      if (!pairs) throw new RangeError(`Not a weekday (0 = Sunday … 6): ${interval.day}`);
      pairs.push([start, end]);
    }
    const holidays = new Set((hours.holidays ?? []).map(dayNumberOf));
    schedule = {
      timeZone: hours.timeZone,
      weekly: pairsByDay.map(mergePairs),
      hasHours: hours.weekly.length > 0,
      holidays,
      maxEmptyDays: 7 * (holidays.size + 2) + 7,
      days: new Map(),
      timeline: null,
    };
    if (compiledByKey.size >= SCHEDULE_CACHE_LIMIT) compiledByKey.clear();
    compiledByKey.set(key, schedule);
  }
  compiledByObject.set(hours, schedule);
  return schedule;
}

/**
 * The business intervals of one local date, in UTC ms: for each weekly interval, the instants whose wall
 * time lies in it, found separately under each offset in force around that date.
 */
function dayIntervals(schedule: CompiledSchedule, day: number): Array<[number, number]> {
  const cached = schedule.days.get(day);
  if (cached) return cached;
  const weekly = schedule.weekly[weekdayOf(day)] ?? [];
  let intervals: Array<[number, number]> = [];
  if (weekly.length > 0 && !schedule.holidays.has(day)) {
    const midnight = day * DAY_MS;
    const spans = offsetSpans(schedule.timeZone, midnight - MAX_ZONE_OFFSET_MS, midnight + DAY_MS + MAX_ZONE_OFFSET_MS);
    const pairs: Array<[number, number]> = [];
    for (const [startMinute, endMinute] of weekly) {
      const wallStart = midnight + startMinute * MINUTE_MS;
      const wallEnd = midnight + endMinute * MINUTE_MS;
      for (const span of spans) {
        const start = Math.max(wallStart - span.offsetMs, span.fromMs);
        const end = Math.min(wallEnd - span.offsetMs, span.toMs);
        if (start < end) pairs.push([start, end]);
      }
    }
    intervals = mergePairs(pairs);
  }
  if (schedule.days.size >= DAY_CACHE_LIMIT) schedule.days.clear();
  schedule.days.set(day, intervals);
  return intervals;
}

/** Days added to a timeline at a time, and the most it holds before it starts afresh. */
const TIMELINE_CHUNK_DAYS = 28;
const TIMELINE_DAY_LIMIT = 3 * 366;

function firstDayHolding(ms: number): number {
  return Math.floor((ms - MAX_ZONE_OFFSET_MS) / DAY_MS);
}

function extendTimeline(schedule: CompiledSchedule, timeline: Timeline, days: number): void {
  let lastStart = timeline.starts.at(-1) ?? Number.NEGATIVE_INFINITY;
  let ordered = true;
  for (let day = timeline.toDay; day < timeline.toDay + days; day += 1) {
    for (const [start, end] of dayIntervals(schedule, day)) {
      if (start < lastStart) ordered = false;
      lastStart = start;
      timeline.starts.push(start);
      timeline.ends.push(end);
    }
  }
  timeline.toDay += days;
  if (ordered) return;
  // Only around a fall-back across midnight do a later date's hours come before an earlier date's.
  const order = timeline.starts.map((_, index) => index).sort((a, b) => (timeline.starts[a] ?? 0) - (timeline.starts[b] ?? 0));
  const starts = order.map((index) => timeline.starts[index] ?? 0);
  const ends = order.map((index) => timeline.ends[index] ?? 0);
  timeline.starts = starts;
  timeline.ends = ends;
}

/** The schedule's timeline, covering every interval that ends after `fromMs` up to some days on. */
function timelineFor(schedule: CompiledSchedule, fromMs: number): Timeline {
  const day = firstDayHolding(fromMs);
  let timeline = schedule.timeline;
  const unusable =
    !timeline || day < timeline.fromDay || day > timeline.toDay + 366 || timeline.toDay - timeline.fromDay > TIMELINE_DAY_LIMIT;
  if (!timeline || unusable) {
    timeline = { fromDay: day - 7, toDay: day - 7, starts: [], ends: [] };
    schedule.timeline = timeline;
  }
  if (timeline.toDay < day + 7) extendTimeline(schedule, timeline, day + TIMELINE_CHUNK_DAYS - timeline.toDay);
  return timeline;
}

/**
 * Walks the business intervals that end after `fromMs`, in time order, over the schedule's timeline (all
 * intervals of a run of local dates, sorted), extending it as the walk goes on.
 */
class IntervalCursor {
  /** The current interval, after advance() returned true. */
  start = 0;
  end = 0;
  private readonly timeline: Timeline;
  private index: number;
  private lastFoundDay: number;

  constructor(
    private readonly schedule: CompiledSchedule,
    private readonly fromMs: number,
  ) {
    this.timeline = timelineFor(schedule, fromMs);
    this.lastFoundDay = firstDayHolding(fromMs);
    // Intervals are disjoint and sorted by start, so their ends are sorted too: bisect for the first end after fromMs.
    const { ends } = this.timeline;
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ends[middle] ?? Number.POSITIVE_INFINITY) > fromMs) high = middle;
      else low = middle + 1;
    }
    this.index = low;
  }

  /** Moves to the next interval; false when none starts before `untilMs`. */
  advance(untilMs = Number.POSITIVE_INFINITY): boolean {
    for (;;) {
      const { starts, ends, toDay } = this.timeline;
      // Every interval starting before this is in the timeline; later dates may still add ones after it.
      const complete = toDay * DAY_MS - MAX_ZONE_OFFSET_MS;
      const start = starts[this.index];
      if (start !== undefined && start < complete) {
        if (start >= untilMs) return false;
        this.start = start;
        this.end = ends[this.index] ?? start;
        this.index += 1;
        this.lastFoundDay = firstDayHolding(this.end);
        return true;
      }
      if (complete >= untilMs) return false;
      if (toDay - this.lastFoundDay > this.schedule.maxEmptyDays + TIMELINE_CHUNK_DAYS) {
        throw new RangeError(`No business hours in ${toDay - this.lastFoundDay} days after ${formatInstant(this.fromMs)}`);
      }
      extendTimeline(this.schedule, this.timeline, TIMELINE_CHUNK_DAYS);
    }
  }

  /** Moves to the next interval; business hours that never come again end the walk with a RangeError. */
  advanceOrThrow(): void {
    if (!this.advance()) throw new RangeError(`No business hours after ${formatInstant(this.fromMs)}`);
  }
}

function checkedSchedule(hours: BusinessHours, purpose: string): CompiledSchedule {
  const schedule = compile(hours);
  if (!schedule.hasHours) throw new RangeError(`Business hours without any interval: cannot ${purpose}`);
  return schedule;
}

/** The earliest instant t ≥ start with exactly `minutes` business minutes in [start, t), as ISO 8601 UTC. */
export function addBusinessMinutes(startIso: string, minutes: number, hours: BusinessHours | null): string {
  return formatInstant(addBusinessMs(parseInstant(startIso), minutes * MINUTE_MS, hours));
}

/** addBusinessMinutes on epoch milliseconds (`durationMs` rounded to the millisecond). */
export function addBusinessMs(startMs: number, durationMs: number, hours: BusinessHours | null): number {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`Not a duration: ${durationMs / MINUTE_MS} minutes`);
  let remaining = Math.round(durationMs);
  if (remaining === 0 || hours === null) return startMs + remaining;
  const cursor = new IntervalCursor(checkedSchedule(hours, 'add business time'), startMs);
  for (;;) {
    cursor.advanceOrThrow();
    const from = Math.max(cursor.start, startMs);
    if (remaining <= cursor.end - from) return from + remaining;
    remaining -= cursor.end - from;
  }
}

/** Business minutes in [start, end); 0 when end ≤ start. */
export function businessMinutesBetween(startIso: string, endIso: string, hours: BusinessHours | null): number {
  return businessMsBetween(parseInstant(startIso), parseInstant(endIso), hours) / MINUTE_MS;
}

/** businessMinutesBetween on epoch milliseconds, in milliseconds. */
export function businessMsBetween(startMs: number, endMs: number, hours: BusinessHours | null): number {
  if (endMs <= startMs) return 0;
  if (hours === null) return endMs - startMs;
  const schedule = compile(hours);
  if (!schedule.hasHours) return 0;
  const cursor = new IntervalCursor(schedule, startMs);
  let total = 0;
  while (cursor.advance(endMs)) total += Math.min(cursor.end, endMs) - Math.max(cursor.start, startMs);
  return total;
}

/** Whether the instant lies in business hours (always, for `null`). */
export function isBusinessTime(iso: string, hours: BusinessHours | null): boolean {
  if (hours === null) return true;
  const schedule = compile(hours);
  if (!schedule.hasHours) return false;
  const ms = parseInstant(iso);
  return new IntervalCursor(schedule, ms).advance(ms + 1);
}

/**
 * The earliest business instant at or after `iso`: `iso` itself inside business hours (or with `null`
 * hours), else the opening of the next business interval. For setting an after-hours follow-up.
 */
export function nextBusinessStart(iso: string, hours: BusinessHours | null): string {
  const ms = parseInstant(iso);
  if (hours === null) return formatInstant(ms);
  const cursor = new IntervalCursor(checkedSchedule(hours, 'find the next opening'), ms);
  cursor.advanceOrThrow();
  return formatInstant(Math.max(cursor.start, ms));
}
