import type { SlaPolicy } from '@/lib/model';
import type { SlaTargetKind } from './types';

type MinutesField = keyof SlaPolicy['targets'];

/** What one SLA target kind is, in one place: its clock's rules (run by evaluate.ts), its field, its label, its metric. */
export interface SlaTargetKindSpec {
  /** Order among clocks that start at the same instant. */
  order: number;
  /** The policy field holding its minutes. */
  minutesField: MinutesField;
  /** Whether a policy must set it. */
  required: boolean;
  /** Locale key of its label in the options page. */
  labelKey: 'policyFirstResponse' | 'policyNextResponse' | 'policyResolution';
  /** How its clock starts, pauses and stops (evaluate.ts's Timeline applies these). */
  starts: 'first-inbound' | 'inbound-after-reply' | 'waiting-on-us';
  pauses: 'never' | 'while-waiting-on-customer';
  stops: 'counting-reply-or-resolved' | 'resolved';
  /** The dashboard figure it is counted under (metrics.ts's attainment by kind). */
  metric: SlaTargetKind;
}

export const SLA_TARGET_KINDS = {
  firstResponse: {
    order: 0,
    minutesField: 'firstResponseMinutes',
    required: true,
    labelKey: 'policyFirstResponse',
    starts: 'first-inbound',
    pauses: 'never',
    stops: 'counting-reply-or-resolved',
    metric: 'firstResponse',
  },
  nextResponse: {
    order: 1,
    minutesField: 'nextResponseMinutes',
    required: false,
    labelKey: 'policyNextResponse',
    starts: 'inbound-after-reply',
    pauses: 'never',
    stops: 'counting-reply-or-resolved',
    metric: 'nextResponse',
  },
  resolution: {
    order: 2,
    minutesField: 'resolutionMinutes',
    required: false,
    labelKey: 'policyResolution',
    starts: 'waiting-on-us',
    pauses: 'while-waiting-on-customer',
    stops: 'resolved',
    metric: 'resolution',
  },
} as const satisfies Record<SlaTargetKind, SlaTargetKindSpec>;

/** The kinds in their display order. */
export const slaTargetKinds = (Object.keys(SLA_TARGET_KINDS) as SlaTargetKind[]).sort((a, b) => SLA_TARGET_KINDS[a].order - SLA_TARGET_KINDS[b].order);

/** A policy's minutes for a kind; undefined when the policy sets none. */
export function targetMinutes(policy: Pick<SlaPolicy, 'targets'>, kind: SlaTargetKind): number | undefined {
  return policy.targets[SLA_TARGET_KINDS[kind].minutesField];
}
