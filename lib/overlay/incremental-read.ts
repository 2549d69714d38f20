import { ItemMemo } from '@/lib/sites/shared/item-memo';
import type { BodyWatch } from './body-watch';

/**
 * Reads of one page view that re-read only what changed: the site readers keep what they read of each
 * list item (lib/sites/shared/item-memo.ts), and every change the page makes under the body marks the
 * item it falls in as to be read again. The first read is a full read; so is every read of an item
 * that changed. Attribute and text changes are watched (as well as child lists) only once a read kept
 * some item, so pages without lists (profiles) cost the observer no more than before.
 */
export function incrementalReads(watch: BodyWatch, signal: AbortSignal): <T>(read: () => T) => T {
  const memo = new ItemMemo();
  let detailed = false;
  watch.subscribe((records) => {
    for (const record of records) memo.changed(record.target);
  }, signal);
  return (read) => {
    // Records not yet delivered name changes the memo must know of before it answers.
    watch.flush();
    const result = memo.during(read);
    if (!detailed && memo.keepsReads()) {
      detailed = true;
      // Synchronously after the read: no change of the page can fall between the two.
      watch.withDetail(signal);
    }
    return result;
  };
}
