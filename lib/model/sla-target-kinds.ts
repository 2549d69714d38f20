/**
 * What each SLA target kind is, in one place: the stored field of its minutes, its clock's rules (run by
 * lib/sla/evaluate.ts), its labels (locale keys) and its dashboard figures (lib/sla/metrics.ts,
 * components/options/Dashboard.tsx). The model's schemas, the policy editor, the summaries and the
 * dashboard iterate this table, so a new kind is one entry here plus its locale strings and tests.
 * It lives in the model because the stored records' schemas (a conversation's clocks, a policy's targets)
 * need the kinds, and the model imports nothing of ours.
 */
export interface SlaTargetKindSpec {
  /** Order among clocks that start at the same instant, and in the editor, the summaries and the dashboard. */
  order: number;
  /** The policy field holding its minutes (the stored shape). */
  minutesField: `${string}Minutes`;
  /** Whether a policy must set it. */
  required: boolean;
  /** Its short name in the options page's test ids (`target-<slug>`). */
  slug: string;
  /** Locale key of its name in the options page. */
  labelKey: string;
  /** How its clock starts: at the customer's first message, at a customer message after we replied, or when the conversation starts waiting on us. */
  starts: 'first-inbound' | 'inbound-after-reply' | 'waiting-on-us';
  /** Whether its clock stops counting while we wait on the customer (it resumes when they write). */
  pauses: 'never' | 'while-waiting-on-customer';
  /** What meets it: a reply that counts or marking it resolved, or only marking it resolved. */
  stops: 'counting-reply-or-resolved' | 'resolved';
  /** Whether an automatic acknowledgement meets it, where the policy says one may (autoAckSatisfiesFirstResponse). */
  autoAckMeets: boolean;
  metric: {
    /**
     * What its duration on the dashboard measures: the conversation's first message to its first reply
     * (policy or not), the start of each of its clocks to when it was met, or the first message to the resolution.
     */
    measure: 'first-reply' | 'met-clocks' | 'resolution';
    /** Its figures in the dashboard's headline, in this order. */
    headline: ReadonlyArray<{ stat: 'medianMinutes' | 'p90Minutes'; labelKey: string; testId?: string }>;
  };
}

export const SLA_TARGET_KINDS = {
  firstResponse: {
    order: 0,
    minutesField: 'firstResponseMinutes',
    required: true,
    slug: 'first',
    labelKey: 'policyFirstResponse',
    starts: 'first-inbound',
    pauses: 'never',
    stops: 'counting-reply-or-resolved',
    autoAckMeets: true,
    metric: {
      measure: 'first-reply',
      headline: [
        { stat: 'medianMinutes', labelKey: 'dashboardFrtMedian', testId: 'frt-median' },
        { stat: 'p90Minutes', labelKey: 'dashboardFrtP90' },
      ],
    },
  },
  nextResponse: {
    order: 1,
    minutesField: 'nextResponseMinutes',
    required: false,
    slug: 'next',
    labelKey: 'policyNextResponse',
    starts: 'inbound-after-reply',
    pauses: 'never',
    stops: 'counting-reply-or-resolved',
    autoAckMeets: false,
    metric: { measure: 'met-clocks', headline: [] },
  },
  resolution: {
    order: 2,
    minutesField: 'resolutionMinutes',
    required: false,
    slug: 'resolution',
    labelKey: 'policyResolution',
    starts: 'waiting-on-us',
    pauses: 'while-waiting-on-customer',
    stops: 'resolved',
    autoAckMeets: false,
    metric: { measure: 'resolution', headline: [{ stat: 'medianMinutes', labelKey: 'dashboardResolutionMedian' }] },
  },
} as const satisfies Record<string, SlaTargetKindSpec>;

export type SlaTargetKind = keyof typeof SLA_TARGET_KINDS;

/** The kinds in their display order. */
export const slaTargetKinds: readonly SlaTargetKind[] = (Object.keys(SLA_TARGET_KINDS) as SlaTargetKind[]).sort(
  (a, b) => SLA_TARGET_KINDS[a].order - SLA_TARGET_KINDS[b].order,
);

/** One value per kind, e.g. a schema or a counter for each (`Record<SlaTargetKind, T>`, built from the table). */
export function byTargetKind<T>(valueFor: (kind: SlaTargetKind) => T): Record<SlaTargetKind, T> {
  return Object.fromEntries(slaTargetKinds.map((kind) => [kind, valueFor(kind)])) as Record<SlaTargetKind, T>;
}
