import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ContactRowView } from '@/lib/views/contacts';
import { useLocalisation } from '../../i18n';
import { siteLabelKey } from '../../site-label';

const ROW_HEIGHT = 58;

interface Props {
  rows: ContactRowView[];
  openId: string | null;
  /** Contacts ticked for a merge (at most two). */
  ticked: readonly string[];
  onOpen: (id: string) => void;
  onTick: (id: string, ticked: boolean) => void;
}

/** The matching contacts; only the rows in view are in the DOM, so 10,000 scroll as smoothly as 10. */
export function ContactList({ rows, openId, ticked, onOpen, onTick }: Props) {
  const { t } = useLocalisation();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser's functions change with every scroll; this component is simply not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="contact-list" data-testid="contact-list" role="list" aria-label={t('contactsListLabel')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const isTicked = ticked.includes(row.id);
          return (
            <div
              key={row.id}
              role="listitem"
              className={`contact-row${row.id === openId ? ' open' : ''}`}
              data-testid="contact-row"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <input
                type="checkbox"
                checked={isTicked}
                disabled={!isTicked && ticked.length >= 2}
                aria-label={t('contactsTickForMerge', row.displayName)}
                onChange={(event) => onTick(row.id, event.target.checked)}
              />
              <button type="button" className="contact-open" onClick={() => onOpen(row.id)} aria-current={row.id === openId ? 'true' : undefined}>
                <span className="contact-name">{row.displayName}</span>
                <span className="contact-meta">
                  {[row.position, row.company].filter(Boolean).join(' · ')}
                  {row.identities.map((identity) => (
                    <span key={`${identity.site}:${identity.handle}`} className="contact-site">
                      {t(siteLabelKey[identity.site])} {identity.handle}
                    </span>
                  ))}
                </span>
              </button>
              <span className="contact-stage">{t(`stage_${row.stage}`)}</span>
              {row.tags.length > 0 ? <span className="contact-tags">{row.tags.join(', ')}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
