import { useId, useState } from 'react';
import { useLocalisation } from '../i18n';

type Unit = 'minutes' | 'hours';

function unitFor(minutes: number | undefined): Unit {
  return minutes !== undefined && minutes >= 60 && minutes % 60 === 0 ? 'hours' : 'minutes';
}

/** A target in minutes, typed in minutes or hours; empty means no target (when `optional`). */
export function TargetInput({
  label,
  minutes,
  optional,
  error,
  testId,
  onChange,
}: {
  label: string;
  minutes: number | undefined;
  optional: boolean;
  error: string | undefined;
  testId: string;
  onChange: (minutes: number | undefined) => void;
}) {
  const { t } = useLocalisation();
  const id = useId();
  const [unit, setUnit] = useState<Unit>(unitFor(minutes));
  const shown = minutes === undefined ? '' : String(unit === 'hours' ? minutes / 60 : minutes);
  const emit = (text: string, inUnit: Unit) => {
    if (text.trim() === '') return onChange(optional ? undefined : Number.NaN);
    const amount = Number(text);
    onChange(Math.round(inUnit === 'hours' ? amount * 60 : amount));
  };
  return (
    <div className="target">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        type="number"
        min={1}
        step="any"
        value={Number.isNaN(minutes) ? '' : shown}
        placeholder={optional ? t('policyNoTarget') : ''}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => emit(event.target.value, unit)}
      />
      <select
        aria-label={t('policyUnitFor', label)}
        value={unit}
        onChange={(event) => {
          const next = event.target.value === 'hours' ? 'hours' : 'minutes';
          setUnit(next);
          if (shown !== '') emit(shown, next);
        }}
      >
        <option value="minutes">{t('policyMinutes')}</option>
        <option value="hours">{t('policyHours')}</option>
      </select>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
