import type { ReplicaClock } from '@/lib/db/clock';

/**
 * Folds stamps seen from other replicas into the replica clock, so that later local writes sort
 * after them even when this machine's clock runs behind. The caller saves `clock.snapshot()` in its transaction.
 */
export function observeStamps(clock: ReplicaClock, stamps: Iterable<string>): void {
  let newest: string | undefined;
  for (const stamp of stamps) {
    if (newest === undefined || stamp > newest) newest = stamp;
  }
  if (newest !== undefined) clock.observe(newest);
}
