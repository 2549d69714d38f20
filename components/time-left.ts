import type { Language } from '@/lib/i18n/translate';

const MINUTE = 60_000;

function unit(language: Language, value: number, unitName: 'minute' | 'hour' | 'day'): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: unitName, unitDisplay: 'short' }).format(value);
}

/** A duration as people say it: "45 min", "2 hr 10 min", "3 days 4 hr"; never "0 min" for time that remains. */
export function formatDuration(ms: number, language: Language): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
  if (minutes < 60) return unit(language, minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${unit(language, hours, 'hour')} ${unit(language, rest, 'minute')}` : unit(language, hours, 'hour');
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${unit(language, days, 'day')} ${unit(language, restHours, 'hour')}` : unit(language, days, 'day');
}

/** Milliseconds until `dueAt`; negative when overdue. */
export function msLeft(dueAt: string, nowMs: number): number {
  return Date.parse(dueAt) - nowMs;
}
