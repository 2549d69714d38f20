export type RecordsListener = (records: readonly MutationRecord[]) => void;

/**
 * One MutationObserver over the page for everything the content script watches (the page reader's
 * re-reads, the incremental reader, the panel's placement), instead of one each.
 */
export interface BodyWatch {
  /** Calls `listener` with each batch of records until `signal` aborts. */
  subscribe(listener: RecordsListener, signal: AbortSignal): void;
  /**
   * Attribute and text changes too, while `signal` lasts (only child lists otherwise): the incremental
   * reader must know of every change inside an item it keeps.
   */
  withDetail(signal: AbortSignal): void;
  /** Hands the records not yet delivered to the listeners now (before a read that must know them all). */
  flush(): void;
}

/** `Observer`: the page's MutationObserver (another window's in tests, whose documents come from their own jsdom). */
export function createBodyWatch(root: Node, Observer: typeof MutationObserver = MutationObserver): BodyWatch {
  const listeners = new Set<RecordsListener>();
  let detailed = 0;
  let observing: 'none' | 'children' | 'detail' = 'none';
  const deliver = (records: readonly MutationRecord[]) => {
    if (records.length === 0) return;
    for (const listener of listeners) listener(records);
  };
  const observer = new Observer(deliver);

  const update = () => {
    const wanted = listeners.size === 0 ? 'none' : detailed > 0 ? 'detail' : 'children';
    if (wanted === observing) return;
    // Records of the old options still count: deliver them before the options change.
    deliver(observer.takeRecords());
    observer.disconnect();
    observing = wanted;
    if (wanted === 'children') observer.observe(root, { childList: true, subtree: true });
    if (wanted === 'detail') observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  };

  return {
    subscribe(listener, signal) {
      if (signal.aborted) return;
      // A listener of its own: the same function subscribed twice is two subscriptions.
      const own: RecordsListener = (records) => listener(records);
      listeners.add(own);
      update();
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(own);
          update();
        },
        { once: true },
      );
    },
    withDetail(signal) {
      if (signal.aborted) return;
      detailed += 1;
      update();
      signal.addEventListener(
        'abort',
        () => {
          detailed -= 1;
          update();
        },
        { once: true },
      );
    },
    flush: () => deliver(observer.takeRecords()),
  };
}
