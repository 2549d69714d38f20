/**
 * The SLA clocks of one conversation, recomputed from its timeline (modelled on Intercom's, Plain's and
 * Kustomer's SLAs):
 * - first response: from the customer's first message to our first reply that counts;
 * - next response: from each customer message that arrives when nothing of theirs is waiting for a reply
 *   (after we answered, or after a reopening) to our next reply that counts;
 * - resolution: one clock per open stretch (first message or reopening → resolved) that counts only while
 *   the conversation waits on us, so it pauses while we wait on the customer.
 * An automatic acknowledgement counts as a reply only where the policy says so, and then only as the
 * first response. Marking the conversation resolved meets whatever response clock runs. A customer
 * message after 'resolved' reopens it. Events later than `now` (a page's clock ahead of ours) count as
 * happening now.
 *
 * dueAt of a clock: while it runs, its deadline. When it ran out while running, the instant it did (so
 * it is breached). When it stopped while paused with time left (resolved while waiting on the customer, or
 * still paused), where the deadline would fall if it resumed at that moment (metAt, or `now`). So a met
 * target is breached exactly when metAt > dueAt, and a running one exactly when now ≥ dueAt.
 */
import type { SlaPolicy } from '@/lib/model';
import { formatInstant, parseInstant } from './instant';
import { clockOf, type SlaClock } from './clock';
import type { SlaEvent, SlaTargetKind, SlaTargetState } from './types';

export type { SlaEvent } from './types';
import { MINUTE_MS } from './zone';
import { kindsStartingOn, SLA_TARGET_KINDS, targetMinutes, type SlaTargetKindSpec } from './target-kinds';

export interface SlaEvaluation {
  /** Every clock so far, oldest first: one first response, a next response per exchange, a resolution per open stretch. */
  targets: SlaTargetState[];
  /** The nearest deadline of a running clock; null when none runs. */
  dueAt: string | null;
  /** The nearest warning instant of a running clock; null when none runs. */
  warnAt: string | null;
  /** Whether any clock, past or present, breached. */
  breached: boolean;
  waitingOnUs: boolean;
  waitingSince: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

/** A stretch during which a clock counted: [fromMs, toMs), open while toMs is null. */
interface Stretch {
  fromMs: number;
  toMs: number | null;
}

interface Tracker {
  kind: SlaTargetKind;
  minutes: number;
  startedAtMs: number;
  stretches: Stretch[];
  metAtMs: number | null;
}


function sortedEvents(events: readonly SlaEvent[], nowMs: number): Array<{ event: SlaEvent; atMs: number }> {
  return events
    .map((event) => ({ event, atMs: Math.min(parseInstant(event.at), nowMs) }))
    .sort((a, b) => a.atMs - b.atMs);
}

function startTracker(kind: SlaTargetKind, minutes: number, atMs: number): Tracker {
  return { kind, minutes, startedAtMs: atMs, stretches: [{ fromMs: atMs, toMs: null }], metAtMs: null };
}

function stopStretch(tracker: Tracker, atMs: number): void {
  const last = tracker.stretches.at(-1);
  if (last?.toMs === null) last.toMs = atMs;
}

function isRunning(tracker: Tracker): boolean {
  return tracker.metAtMs === null && tracker.stretches.at(-1)?.toMs === null;
}

/** The deadline for `limitMs` of counted time over the tracker's stretches, and whether it passed while counting. */
function deadline(tracker: Tracker, limitMs: number, clock: SlaClock, nowMs: number): { atMs: number; passed: boolean } {
  let remaining = limitMs;
  for (const stretch of tracker.stretches) {
    const candidate = clock.add(stretch.fromMs, remaining);
    if (stretch.toMs === null) return { atMs: candidate, passed: nowMs >= candidate };
    if (candidate < stretch.toMs) return { atMs: candidate, passed: true };
    remaining -= clock.between(stretch.fromMs, stretch.toMs);
  }
  return { atMs: clock.add(tracker.metAtMs ?? nowMs, remaining), passed: false };
}

function toState(tracker: Tracker, policy: SlaPolicy, clock: SlaClock, nowMs: number): SlaTargetState {
  const limitMs = tracker.minutes * MINUTE_MS;
  const due = deadline(tracker, limitMs, clock, nowMs);
  const warn = deadline(tracker, (limitMs * policy.warnAtPercent) / 100, clock, nowMs);
  return {
    kind: tracker.kind,
    startedAt: formatInstant(tracker.startedAtMs),
    dueAt: formatInstant(due.atMs),
    warnAt: formatInstant(warn.atMs),
    metAt: tracker.metAtMs === null ? null : formatInstant(tracker.metAtMs),
    breached: due.passed,
  };
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : formatInstant(ms);
}

/**
 * Walks the timeline once, starting, pausing and stopping each kind's clock by its rules in the table
 * (target-kinds.ts): the timeline says when the customer writes first or again, when the conversation
 * starts or stops waiting on us, which replies count and when it is resolved; the kinds say what that does.
 */
class Timeline {
  readonly trackers: Tracker[] = [];
  firstResponseAtMs: number | null = null;
  resolvedAtMs: number | null = null;
  waitingSinceMs: number | null = null;
  private firstInboundSeen = false;
  /** A customer message waits for a reply (as opposed to waiting on us because someone reopened it). */
  private awaitingReply = false;
  /** Each kind's clock that is not met yet, running or paused. */
  private readonly unmet = new Map<SlaTargetKind, Tracker>();

  constructor(private readonly policy: SlaPolicy | null) {}

  apply(event: SlaEvent, atMs: number): void {
    switch (event.type) {
      case 'inbound':
        this.inbound(atMs);
        break;
      case 'outbound':
        this.outbound(atMs, event.autoAck === true);
        break;
      case 'resolved':
        this.resolve(atMs);
        break;
      case 'reopened':
        if (this.resolvedAtMs === null) break;
        this.resolvedAtMs = null;
        this.startWaiting(atMs);
        break;
    }
  }

  private inbound(atMs: number): void {
    this.resolvedAtMs = null;
    if (!this.awaitingReply) this.start(this.firstInboundSeen ? 'inbound-after-reply' : 'first-inbound', atMs);
    this.firstInboundSeen = true;
    this.awaitingReply = true;
    this.startWaiting(atMs);
  }

  private outbound(atMs: number, autoAck: boolean): void {
    if (this.resolvedAtMs !== null) return;
    if (autoAck && !this.acknowledgementCounts()) return;
    if (this.awaitingReply) this.firstResponseAtMs ??= atMs;
    this.meet((spec) => spec.stops === 'counting-reply-or-resolved', atMs);
    this.stopWaiting(atMs);
  }

  private resolve(atMs: number): void {
    if (this.resolvedAtMs !== null) return;
    this.meet(() => true, atMs);
    this.stopWaiting(atMs);
    this.resolvedAtMs = atMs;
  }

  /** An automatic acknowledgement is a reply only where the policy says so, and only for a kind it may meet. */
  private acknowledgementCounts(): boolean {
    if (this.policy?.autoAckSatisfiesFirstResponse !== true) return false;
    return [...this.unmet.keys()].some((kind) => SLA_TARGET_KINDS[kind].autoAckMeets);
  }

  /** Starts the clocks of the kinds that start on `trigger`, where the policy sets them and none of theirs is unmet. */
  private start(trigger: SlaTargetKindSpec['starts'], atMs: number): void {
    if (!this.policy) return;
    for (const kind of kindsStartingOn(trigger)) {
      const minutes = targetMinutes(this.policy, kind);
      if (!minutes || this.unmet.has(kind)) continue;
      const tracker = startTracker(kind, minutes, atMs);
      this.unmet.set(kind, tracker);
      this.trackers.push(tracker);
    }
  }

  private meet(which: (spec: SlaTargetKindSpec) => boolean, atMs: number): void {
    for (const [kind, tracker] of this.unmet) {
      if (!which(SLA_TARGET_KINDS[kind])) continue;
      stopStretch(tracker, atMs);
      tracker.metAtMs = atMs;
      this.unmet.delete(kind);
    }
  }

  /** The clocks that pause while we wait on the customer, in or out of their pause. */
  private pausing(): Tracker[] {
    return [...this.unmet.values()].filter((tracker) => SLA_TARGET_KINDS[tracker.kind].pauses === 'while-waiting-on-customer');
  }

  private startWaiting(atMs: number): void {
    if (this.waitingSinceMs !== null) return;
    this.waitingSinceMs = atMs;
    for (const tracker of this.pausing()) tracker.stretches.push({ fromMs: atMs, toMs: null });
    this.start('waiting-on-us', atMs);
  }

  private stopWaiting(atMs: number): void {
    this.waitingSinceMs = null;
    this.awaitingReply = false;
    for (const tracker of this.pausing()) stopStretch(tracker, atMs);
  }
}

export function evaluateSla(policy: SlaPolicy | null, events: readonly SlaEvent[], nowIso: string): SlaEvaluation {
  const nowMs = parseInstant(nowIso);
  const timeline = new Timeline(policy);
  for (const { event, atMs } of sortedEvents(events, nowMs)) timeline.apply(event, atMs);
  const common = {
    waitingOnUs: timeline.waitingSinceMs !== null,
    waitingSince: isoOrNull(timeline.waitingSinceMs),
    firstResponseAt: isoOrNull(timeline.firstResponseAtMs),
    resolvedAt: isoOrNull(timeline.resolvedAtMs),
  };
  if (!policy) return { targets: [], dueAt: null, warnAt: null, breached: false, ...common };

  const clock = clockOf(policy);
  const ordered = timeline.trackers.sort((a, b) => a.startedAtMs - b.startedAtMs || SLA_TARGET_KINDS[a.kind].order - SLA_TARGET_KINDS[b.kind].order);
  const targets = ordered.map((tracker) => toState(tracker, policy, clock, nowMs));
  let dueAt: string | null = null;
  let warnAt: string | null = null;
  for (const [index, tracker] of ordered.entries()) {
    const target = targets[index];
    if (!target || !isRunning(tracker)) continue;
    // Both come from formatInstant, so they compare as strings.
    if (dueAt === null || target.dueAt < dueAt) dueAt = target.dueAt;
    if (target.warnAt !== null && (warnAt === null || target.warnAt < warnAt)) warnAt = target.warnAt;
  }
  return { targets, dueAt, warnAt, breached: targets.some((target) => target.breached), ...common };
}
