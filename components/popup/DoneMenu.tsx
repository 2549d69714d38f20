import type { MessageKey } from '@/lib/i18n/translate';
import { useLocalisation } from '../i18n';

const DAY = 24 * 60 * 60_000;
const CHECK_INS: ReadonlyArray<{ label: MessageKey; days: number | null }> = [
  { label: 'popupCheckInNo', days: null },
  { label: 'popupCheckInTomorrow', days: 1 },
  { label: 'popupCheckInThreeDays', days: 3 },
  { label: 'popupCheckInWeek', days: 7 },
];

/** Marking done offers a check-in later ("is it working now?"), which comes back with its own clock. */
export function DoneMenu({ onDone, onCancel }: { onDone: (checkInAt: Date | null) => void; onCancel: () => void }) {
  const { t } = useLocalisation();
  return (
    <div
      className="row-menu"
      role="group"
      aria-label={t('popupCheckIn')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <span className="menu-label">{t('popupCheckIn')}</span>
      {CHECK_INS.map(({ label, days }, index) => (
        <button key={label} type="button" autoFocus={index === 0} onClick={() => onDone(days === null ? null : new Date(Date.now() + days * DAY))}>
          {t(label)}
        </button>
      ))}
      <button type="button" className="quiet" onClick={onCancel}>
        {t('panelCancel')}
      </button>
    </div>
  );
}
