import { followUpSchema, type FollowUp } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';

export const followUps = createRepository('followUps', followUpSchema);

/** Check-ins not done yet that are due at or before `nowIso`, the oldest first. */
export async function dueFollowUps(db: ReplylineDb, nowIso: string): Promise<FollowUp[]> {
  const values: unknown[] = await db.getAllFromIndex('followUps', 'by-due', IDBKeyRange.upperBound(nowIso));
  return values.map(followUps.parse).filter((followUp) => !followUp.deletedAt && !followUp.doneAt);
}

/** The next check-in that is not due yet, if any: the background wakes for it. */
export async function nextFollowUpDue(db: ReplylineDb, nowIso: string): Promise<string | null> {
  let cursor = await db.transaction('followUps').store.index('by-due').openCursor(IDBKeyRange.lowerBound(nowIso, true));
  while (cursor) {
    const followUp = followUps.parse(cursor.value);
    if (!followUp.deletedAt && !followUp.doneAt) return followUp.dueAt;
    cursor = await cursor.continue();
  }
  return null;
}

export function completeFollowUp(db: ReplylineDb, id: string, clock: ReplicaClock): Promise<FollowUp> {
  return followUps.update(db, id, { doneAt: clock.nowIso() }, clock);
}
