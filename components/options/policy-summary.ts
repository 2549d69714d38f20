import type { SlaPolicy } from '@/lib/model';

/** "30 min", "1 h", "1 h 30 min", "3 d" in the page's language through Intl. */
export function formatMinutes(minutes: number, language: string): string {
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
  }
  return unit(Math.round(minutes), 'minute');
}

/** The targets of a policy in one line: first / next / resolution. */
export function targetsLine(policy: Pick<SlaPolicy, 'targets'>, language: string): string {
  const { firstResponseMinutes, nextResponseMinutes, resolutionMinutes } = policy.targets;
  return [firstResponseMinutes, nextResponseMinutes, resolutionMinutes]
    .map((minutes) => (minutes === undefined ? '—' : formatMinutes(minutes, language)))
    .join(' / ');
}
