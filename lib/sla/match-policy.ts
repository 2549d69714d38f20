import type { Priority, SlaPolicy, Site } from '@/lib/model';

export interface PolicySubject {
  site: Site;
  priority: Priority;
  tags: readonly string[];
}

function normalTag(tag: string): string {
  return tag.trim().toLowerCase();
}

function matches(policy: SlaPolicy, subject: PolicySubject, subjectTags: ReadonlySet<string>): boolean {
  const { sites, priorities, tags } = policy.match;
  if (sites.length > 0 && !sites.includes(subject.site)) return false;
  if (priorities.length > 0 && !priorities.includes(subject.priority)) return false;
  return tags.length === 0 || tags.some((tag) => subjectTags.has(normalTag(tag)));
}

/**
 * The first enabled, undeleted policy in `order` whose conditions all hold: an empty list of sites,
 * priorities or tags matches anything; tags match when the subject has any of them, ignoring case.
 * Policies with the same order keep their given order.
 */
export function matchPolicy(policies: readonly SlaPolicy[], subject: PolicySubject): SlaPolicy | null {
  const subjectTags = new Set(subject.tags.map(normalTag));
  const candidates = policies.filter((policy) => policy.enabled && policy.deletedAt === null).sort((a, b) => a.order - b.order);
  return candidates.find((policy) => matches(policy, subject, subjectTags)) ?? null;
}
