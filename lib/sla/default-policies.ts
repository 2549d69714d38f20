import type { SlaPolicy } from '@/lib/model';

const HOUR = 60;
const DAY = 24 * HOUR;

type PolicyTerms = Pick<SlaPolicy, 'name' | 'match' | 'targets'>;

/**
 * From the research the product answers: 32% of people expect an answer within 30 minutes (the urgent
 * tier), 72% of those who complain on X within an hour, 79% of customers on social within 24 hours.
 */
const DEFAULT_TERMS: PolicyTerms[] = [
  {
    name: 'Urgent: 30 minutes',
    match: { sites: [], priorities: ['urgent'], tags: [] },
    targets: { firstResponseMinutes: 30, nextResponseMinutes: 30, resolutionMinutes: DAY },
  },
  {
    name: 'X: 1 hour',
    match: { sites: ['x'], priorities: [], tags: [] },
    targets: { firstResponseMinutes: HOUR, nextResponseMinutes: HOUR, resolutionMinutes: DAY },
  },
  {
    name: 'Everywhere else: 24 hours',
    match: { sites: [], priorities: [], tags: [] },
    targets: { firstResponseMinutes: DAY, nextResponseMinutes: DAY, resolutionMinutes: 3 * DAY },
  },
];

/** The names the starter policies are stored under (shown translated while they are not renamed). */
export const defaultPolicyNames = DEFAULT_TERMS.map((terms) => terms.name);

/** The policies a new install starts with, most specific first; around the clock, warning at 75%. */
export function defaultSlaPolicies(nowIso: string, makeId: () => string): SlaPolicy[] {
  return DEFAULT_TERMS.map((terms, order) => ({
    id: makeId(),
    createdAt: nowIso,
    updatedAt: nowIso,
    deletedAt: null,
    stamps: {},
    ...terms,
    match: { sites: [...terms.match.sites], priorities: [...terms.match.priorities], tags: [...terms.match.tags] },
    targets: { ...terms.targets },
    order,
    enabled: true,
    warnAtPercent: 75,
    businessHours: null,
    pauseOutsideBusinessHours: false,
    autoAckSatisfiesFirstResponse: false,
  }));
}
