import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Whether this runtime's Intl knows the IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const businessHoursIntervalSchema = z
  .object({
    day: z.literal([0, 1, 2, 3, 4, 5, 6]),
    start: clockTime,
    end: clockTime,
  })
  .refine((interval) => interval.end > interval.start, { message: 'end must be after start' });

/** The design's BusinessHours: an IANA zone, weekly intervals in local time (0 = Sunday), closed dates. */
export const businessHoursSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
  weekly: z.array(businessHoursIntervalSchema),
  holidays: z.array(localDate).optional(),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
