/**
 * Reads of one list item (a message, a post in a feed) kept between two reads of the same page view, so
 * that a re-read after new items arrived reads only those. The adapters stay pure functions of the
 * document and the URL: without an active memo (tests, the background, anything but the content script)
 * `memoizedReader` just reads. The content script (lib/overlay/incremental-read.ts) makes a memo per page
 * view, tells it every node that changed (from a MutationObserver), and reads with it active.
 *
 * What a memoized reader may look at: the item's own subtree and its own attributes, nothing around it
 * (no ancestors, no siblings, no document-wide query), and nothing inside shadow roots (which an
 * observer of the document does not see). The document's URL may be used: a memo lives for one page view.
 */

/** Which reads are still good: every element whose subtree changed since a given read. */
export class ItemMemo {
  private tick = 0;
  /** The tick during which an element's subtree last changed. */
  private readonly changedAt = new WeakMap<Node, number>();
  private readonly reads = new WeakMap<object, WeakMap<Element, { value: unknown; tick: number }>>();
  private kept = false;

  /** Whether some read was kept (the page has list items): only then do attribute and text changes matter. */
  keepsReads(): boolean {
    return this.kept;
  }

  /** `node` changed (a child list, an attribute, its text): it and every ancestor. */
  changed(node: Node): void {
    const tick = this.tick;
    for (let current: Node | null = node; current !== null; current = current.parentNode) {
      // Its ancestors were marked with it.
      if (this.changedAt.get(current) === tick) return;
      this.changedAt.set(current, tick);
    }
  }

  /** Runs `read` with this memo active; reads kept from before stay good unless their item changed. */
  during<T>(read: () => T): T {
    this.tick += 1;
    return withActive(this, read);
  }

  /** @internal used by `memoizedReader` */
  lookup<T>(reader: object, element: Element, read: (element: Element) => T): T {
    let byElement = this.reads.get(reader);
    if (byElement === undefined) {
      byElement = new WeakMap();
      this.reads.set(reader, byElement);
    }
    const kept = byElement.get(element);
    if (kept !== undefined && (this.changedAt.get(element) ?? -1) < kept.tick) return kept.value as T;
    const value = read(element);
    this.kept = true;
    byElement.set(element, { value, tick: this.tick });
    return value;
  }
}

let active: ItemMemo | undefined;

function withActive<T>(memo: ItemMemo, read: () => T): T {
  const previous = active;
  active = memo;
  try {
    return read();
  } finally {
    active = previous;
  }
}

/**
 * `read` for one item, kept by the active memo until the item changes. Its result is shared between
 * reads: callers must not change it (copy what they adjust).
 */
export function memoizedReader<T>(read: (element: Element) => T): (element: Element) => T {
  const reader = {};
  return (element) => (active === undefined ? read(element) : active.lookup(reader, element, read));
}
