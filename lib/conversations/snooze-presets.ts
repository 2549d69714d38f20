/** The snooze choices offered everywhere: in an hour, in three hours, tomorrow morning, next Monday morning. */
export type SnoozePreset = 'hour' | 'three-hours' | 'tomorrow' | 'next-week';

export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['hour', 'three-hours', 'tomorrow', 'next-week'];

const MORNING_HOUR = 9;

/** When a preset ends, in the user's local time (the Date's own zone): mornings start at 9:00. */
export function snoozeUntil(preset: SnoozePreset, now: Date): Date {
  const at = new Date(now);
  switch (preset) {
    case 'hour':
      return new Date(now.getTime() + 60 * 60_000);
    case 'three-hours':
      return new Date(now.getTime() + 3 * 60 * 60_000);
    case 'tomorrow':
      at.setDate(at.getDate() + 1);
      at.setHours(MORNING_HOUR, 0, 0, 0);
      return at;
    case 'next-week': {
      const daysToMonday = ((8 - at.getDay()) % 7) || 7;
      at.setDate(at.getDate() + daysToMonday);
      at.setHours(MORNING_HOUR, 0, 0, 0);
      return at;
    }
  }
}

/** The value of a `datetime-local` input as an instant, or null when it is empty, invalid or not in the future. */
export function parseLocalDateTime(value: string, now: Date): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) || at <= now ? null : at;
}
