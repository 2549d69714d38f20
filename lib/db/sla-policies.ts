import { slaPolicySchema } from '@/lib/model';
import { defaultSlaPolicies } from '@/lib/sla/default-policies';
import type { ReplicaClock } from './clock';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';
import { writeRecord } from './write';

export const slaPolicies = createRepository('slaPolicies', slaPolicySchema);

/**
 * The default policies get the same ids on every install, so that teammates who each start with them
 * sync into one set rather than two.
 */
export function defaultPolicyId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/** Seeds the default SLA policies into an install that has none (deleted ones count: the user chose). */
export async function ensureDefaultPolicies(db: ReplylineDb, clock: ReplicaClock): Promise<boolean> {
  if ((await db.count('slaPolicies')) > 0) return false;
  let index = 0;
  const defaults = defaultSlaPolicies(clock.nowIso(), () => defaultPolicyId(index++));
  const tx = slaPolicies.startWrite(db);
  for (const policy of defaults) await writeRecord(tx, 'slaPolicies', slaPolicies.parse(policy), undefined, clock);
  await tx.done;
  return true;
}
