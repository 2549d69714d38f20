import type { SlaPolicy } from '@/lib/model';
import { addBusinessMs, businessMsBetween } from './business-time';

/** How a policy's clocks count time: business hours only when it pauses outside them, else around the clock. */
export interface SlaClock {
  /** The instant `durationMs` of counted time after `fromMs`. */
  add(fromMs: number, durationMs: number): number;
  /** Counted time in [fromMs, toMs). */
  between(fromMs: number, toMs: number): number;
}

const aroundTheClock: SlaClock = {
  add: (fromMs, durationMs) => fromMs + Math.round(durationMs),
  between: (fromMs, toMs) => Math.max(0, toMs - fromMs),
};

export function clockOf(policy: Pick<SlaPolicy, 'businessHours' | 'pauseOutsideBusinessHours'>): SlaClock {
  const hours = policy.pauseOutsideBusinessHours ? policy.businessHours : null;
  if (!hours) return aroundTheClock;
  return {
    add: (fromMs, durationMs) => addBusinessMs(fromMs, durationMs, hours),
    between: (fromMs, toMs) => businessMsBetween(fromMs, toMs, hours),
  };
}
