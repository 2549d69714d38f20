import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PendingItem } from '@/lib/views/popup';
import { useLocalisation } from '../i18n';
import { PendingRow, type PendingActions } from './PendingRow';

const ROW_ESTIMATE_PX = 46;

/**
 * The queue, least time left first. Only the rows in view are rendered (thousands stay quick);
 * arrow keys (and j / k, as in mail clients), Home and End move between rows, and each row's buttons are in
 * the tab order.
 */
export function PendingList({ items, nowMs, actions }: { items: PendingItem[]; nowMs: number; actions: PendingActions }) {
  const { t } = useLocalisation();
  const scroller = useRef<HTMLDivElement>(null);
  const focused = useRef(-1);
  const [moveTo, setMoveTo] = useState<{ index: number } | null>(null);
  // TanStack Virtual hands back fresh functions each render; nothing here relies on memoising them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
  });

  useEffect(() => {
    if (moveTo === null) return;
    virtualizer.scrollToIndex(moveTo.index, { align: 'auto' });
    // The row may only exist once the scroll has rendered it.
    const frame = requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${moveTo.index}"] .row-open`)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [moveTo, virtualizer]);

  if (items.length === 0) return <p className="empty" data-testid="no-pending">{t('popupNoPending')}</p>;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = focused.current;
    const down = event.key === 'ArrowDown' || event.key === 'j';
    const up = event.key === 'ArrowUp' || event.key === 'k';
    const next =
      down ? Math.min(items.length - 1, current + 1)
      : up ? Math.max(0, current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? items.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    setMoveTo({ index: next });
  };

  return (
    <div ref={scroller} className="pending-scroller" data-testid="pending" onKeyDown={onKeyDown}>
      <div role="list" aria-label={t('popupPending')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <div
              key={row.key}
              role="listitem"
              data-index={row.index}
              ref={virtualizer.measureElement}
              onFocus={() => (focused.current = row.index)}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              <PendingRow item={item} nowMs={nowMs} actions={actions} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
