import type { Priority } from '@/lib/model';
import { detectIntents, isEscalation, type EscalationIntent } from '@/lib/replies/intent';
import { priorityRank } from './priority-rank';

/** What each escalation raises a conversation to: danger and legal threats cannot wait; leaving and going public are close behind. */
export const ESCALATION_PRIORITY: Record<EscalationIntent, Priority> = {
  'legal-threat': 'urgent',
  safety: 'urgent',
  cancel: 'high',
  press: 'high',
};

/** One cue of these intents weighs 0.7–0.75; below this a detection is too unsure to raise anything. */
export const MIN_ESCALATION_CONFIDENCE = 0.5;

/** The highest escalation in the texts, with the intent that set it; null when none is sure enough. */
export function escalationOf(texts: readonly string[]): { priority: Priority; intent: EscalationIntent } | null {
  let best: { priority: Priority; intent: EscalationIntent } | null = null;
  for (const text of texts) {
    for (const { intent, confidence } of detectIntents(text)) {
      if (!isEscalation(intent) || confidence < MIN_ESCALATION_CONFIDENCE) continue;
      const priority = ESCALATION_PRIORITY[intent];
      if (!best || priorityRank(priority) > priorityRank(best.priority)) best = { priority, intent };
    }
  }
  return best;
}
