import { useState } from 'react';
import { parseLocalDateTime, SNOOZE_PRESETS, snoozeUntil, type SnoozePreset } from '@/lib/conversations/snooze-presets';
import type { MessageKey } from '@/lib/i18n/translate';
import { useLocalisation } from '../i18n';

const PRESET_LABEL: Record<SnoozePreset, MessageKey> = {
  hour: 'popupSnoozeHour',
  'three-hours': 'popupSnoozeThreeHours',
  tomorrow: 'popupSnoozeTomorrow',
  'next-week': 'popupSnoozeNextWeek',
};

export function SnoozeMenu({ onSnooze, onCancel }: { onSnooze: (until: Date) => void; onCancel: () => void }) {
  const { t } = useLocalisation();
  const [custom, setCustom] = useState('');
  const customAt = parseLocalDateTime(custom, new Date());
  return (
    <div
      className="row-menu"
      role="group"
      aria-label={t('popupSnooze')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {SNOOZE_PRESETS.map((preset, index) => (
        <button key={preset} type="button" autoFocus={index === 0} onClick={() => onSnooze(snoozeUntil(preset, new Date()))}>
          {t(PRESET_LABEL[preset])}
        </button>
      ))}
      <form
        className="custom-time"
        onSubmit={(event) => {
          event.preventDefault();
          if (customAt) onSnooze(customAt);
        }}
      >
        <label>
          {t('popupSnoozeCustom')}
          <input type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)} />
        </label>
        <button type="submit" disabled={!customAt}>
          {t('popupSnoozeSet')}
        </button>
      </form>
      <button type="button" className="quiet" onClick={onCancel}>
        {t('panelCancel')}
      </button>
    </div>
  );
}
