import type { Contact, ContactStage, StageChange } from '@/lib/model';
import { STAGE_HISTORY_MAX } from '@/lib/model';
import { uniqueTags } from '@/lib/tags/tags';

/** The fields a merge gives the contact it keeps; the one folded in is only read. */
export type MergedFields = Pick<
  Contact,
  'headline' | 'avatarUrl' | 'company' | 'email' | 'position' | 'phone' | 'stage' | 'tags' | 'firstSeenAt' | 'lastSeenAt' | 'stageHistory'
>;

const stampOf = (contact: Contact, field: string) => contact.stamps[field] ?? '';

/**
 * Conflicting stages: the one set last wins (as sync decides a field), except that "new", which only
 * says nobody chose a stage yet, never overrides a chosen one. Tags are joined, one per spelling.
 * A fact only one of them knows is kept; where both know one, the kept contact's stays.
 */
export function mergedFields(kept: Contact, folded: Contact): MergedFields {
  return {
    headline: kept.headline ?? folded.headline,
    avatarUrl: kept.avatarUrl ?? folded.avatarUrl,
    company: kept.company ?? folded.company,
    email: kept.email ?? folded.email,
    position: kept.position ?? folded.position,
    phone: kept.phone ?? folded.phone,
    stage: mergedStage(kept, folded),
    tags: uniqueTags([...kept.tags, ...folded.tags]).slice(0, 50),
    firstSeenAt: kept.firstSeenAt <= folded.firstSeenAt ? kept.firstSeenAt : folded.firstSeenAt,
    lastSeenAt: kept.lastSeenAt >= folded.lastSeenAt ? kept.lastSeenAt : folded.lastSeenAt,
    stageHistory: mergedHistory(kept.stageHistory ?? [], folded.stageHistory ?? []),
  };
}

function mergedStage(kept: Contact, folded: Contact): ContactStage {
  if (kept.stage === folded.stage || folded.stage === 'new') return kept.stage;
  if (kept.stage === 'new') return folded.stage;
  return stampOf(folded, 'stage') > stampOf(kept, 'stage') ? folded.stage : kept.stage;
}

function mergedHistory(a: readonly StageChange[], b: readonly StageChange[]): StageChange[] {
  const seen = new Map<string, StageChange>();
  for (const change of [...a, ...b]) seen.set(`${change.at}\u0000${change.stage}`, change);
  return [...seen.values()].sort((x, y) => x.at.localeCompare(y.at)).slice(-STAGE_HISTORY_MAX);
}
