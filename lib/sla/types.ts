import type { z } from 'zod';
import type { slaTargetKindSchema, slaTargetStateSchema } from '@/lib/model';

/** One SLA clock of a conversation as stored on it: its deadline, warning, start, when it was met, breach. */
export type SlaTargetState = z.output<typeof slaTargetStateSchema>;
export type SlaTargetKind = z.output<typeof slaTargetKindSchema>;

/** What happened in a conversation, as the clocks see it. */
export type SlaEvent =
  | { type: 'inbound'; at: string }
  | { type: 'outbound'; at: string; autoAck?: boolean }
  | { type: 'resolved'; at: string }
  | { type: 'reopened'; at: string };
