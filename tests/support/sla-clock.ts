import type { SlaTargetState } from '@/lib/sla/types';

/**
 * One SLA clock as the background stores it, for generated history: started at `startMs` with `minutes`
 * to meet it, met `replyAfterMinutes` later (or still running at `nowMs` when null), warned at three
 * quarters of its time.
 */
export function slaClock(
  kind: SlaTargetState['kind'],
  startMs: number,
  minutes: number,
  replyAfterMinutes: number | null,
  nowMs: number,
): SlaTargetState {
  const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
  const dueMs = startMs + minutes * 60_000;
  const metMs = replyAfterMinutes === null ? null : startMs + replyAfterMinutes * 60_000;
  return {
    kind,
    startedAt: iso(startMs),
    dueAt: iso(dueMs),
    warnAt: iso(startMs + minutes * 45_000),
    metAt: metMs === null ? null : iso(metMs),
    breached: metMs === null ? nowMs >= dueMs : metMs > dueMs,
  };
}
