const MINUTE = 60_000;

function unit(language: string, value: number, unitName: 'minute' | 'hour' | 'day'): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: unitName, unitDisplay: 'short' }).format(value);
}

/**
 * A duration as people say it: "45 min", "2 hr 10 min", "3 days 4 hr". Time that remains never reads
 * "0 min" unless `allowZero` (a measured duration can be zero).
 */
export function formatDuration(ms: number, language: string, { allowZero = false } = {}): string {
  const minutes = Math.max(allowZero ? 0 : 1, Math.round(Math.abs(ms) / MINUTE));
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
