import { useId, useMemo, useState } from 'react';
import type { BusinessHours } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { errorsUnder, type FieldErrors } from './field-errors';
import { FieldError } from './FieldError';

type Day = BusinessHours['weekly'][number]['day'];
/** Monday first, as most business calendars show the week. */
const WEEK: readonly Day[] = [1, 2, 3, 4, 5, 6, 0];

export function defaultBusinessHours(): BusinessHours {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as Day, start: '09:00', end: '17:00' })),
    holidays: [],
  };
}

function dayName(day: Day, language: string): string {
  // 2023-01-01 was a Sunday, so day d is 2023-01-(1+d).
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}

function zones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

/** A time zone, weekly hours (several intervals a day) and holidays; `errors` are keyed under `businessHours`. */
export function BusinessHoursEditor({
  value,
  errors,
  onChange,
}: {
  value: BusinessHours;
  errors: FieldErrors;
  onChange: (next: BusinessHours) => void;
}) {
  const { t, language } = useLocalisation();
  const id = useId();
  const [holiday, setHoliday] = useState('');
  const zoneList = useMemo(() => {
    const list = zones();
    return list.includes(value.timeZone) ? list : [value.timeZone, ...list];
  }, [value.timeZone]);

  const setInterval = (index: number, patch: Partial<BusinessHours['weekly'][number]>) =>
    onChange({ ...value, weekly: value.weekly.map((interval, at) => (at === index ? { ...interval, ...patch } : interval)) });
  const addInterval = (day: Day) => {
    const sameDay = value.weekly.filter((interval) => interval.day === day);
    const last = sameDay.at(-1);
    const next = last ? { day, start: last.end < '23:00' ? last.end : '23:00', end: '24:00' } : { day, start: '09:00', end: '17:00' };
    onChange({ ...value, weekly: [...value.weekly, next] });
  };
  const holidays = value.holidays ?? [];

  return (
    <fieldset className="business-hours" data-testid="business-hours">
      <legend>{t('policyBusinessHours')}</legend>
      <label>
        {t('policyTimeZone')}
        <select data-testid="time-zone" value={value.timeZone} onChange={(event) => onChange({ ...value, timeZone: event.target.value })}>
          {zoneList.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={`${id}-zone`} messages={errorsUnder(errors, 'businessHours.timeZone')} />
      <table className="week">
        <caption className="visually-hidden">{t('policyWeeklyHours')}</caption>
        <tbody>
          {WEEK.map((day) => {
            const name = dayName(day, language);
            const intervals = value.weekly.map((interval, index) => ({ interval, index })).filter(({ interval }) => interval.day === day);
            return (
              <tr key={day} data-testid={`day-${day}`}>
                <th scope="row">{name}</th>
                <td>
                  {intervals.length === 0 && <span className="muted">{t('policyClosed')}</span>}
                  {intervals.map(({ interval, index }) => {
                    const problems = errorsUnder(errors, `businessHours.weekly.${index}`);
                    return (
                      <span key={index} className="interval">
                        <input
                          type="text"
                          inputMode="numeric"
                          pattern="[0-2][0-9]:[0-5][0-9]"
                          size={5}
                          aria-label={t('policyOpensAt', name)}
                          value={interval.start}
                          onChange={(event) => setInterval(index, { start: event.target.value })}
                          aria-invalid={problems.length > 0}
                          aria-describedby={problems.length > 0 ? `${id}-interval-${index}` : undefined}
                        />
                        –
                        <input
                          type="text"
                          inputMode="numeric"
                          pattern="[0-2][0-9]:[0-5][0-9]"
                          size={5}
                          aria-label={t('policyClosesAt', name)}
                          value={interval.end}
                          onChange={(event) => setInterval(index, { end: event.target.value })}
                          aria-invalid={problems.length > 0}
                        />
                        <button
                          type="button"
                          aria-label={t('policyRemoveHours', name, `${interval.start}–${interval.end}`)}
                          onClick={() => onChange({ ...value, weekly: value.weekly.filter((_, at) => at !== index) })}
                        >
                          ×
                        </button>
                        <FieldError id={`${id}-interval-${index}`} messages={problems} />
                      </span>
                    );
                  })}
                  <button type="button" onClick={() => addInterval(day)} aria-label={t('policyAddHoursFor', name)}>
                    {t('policyAddHours')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="holidays">
        <label>
          {t('policyHoliday')}
          <input type="date" data-testid="holiday-date" value={holiday} onChange={(event) => setHoliday(event.target.value)} />
        </label>
        <button
          type="button"
          disabled={holiday === '' || holidays.includes(holiday)}
          onClick={() => {
            onChange({ ...value, holidays: [...holidays, holiday].sort() });
            setHoliday('');
          }}
        >
          {t('policyAddHoliday')}
        </button>
        <ul className="chips" aria-label={t('policyHolidays')}>
          {holidays.map((date) => (
            <li key={date}>
              {date}
              <button type="button" aria-label={t('policyRemoveHoliday', date)} onClick={() => onChange({ ...value, holidays: holidays.filter((other) => other !== date) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-holidays`} messages={errorsUnder(errors, 'businessHours.holidays')} />
      </div>
    </fieldset>
  );
}
