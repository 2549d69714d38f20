import type { MetricsView } from '@/lib/views/options';
import { toCsv, type CsvValue } from '@/lib/import/csv';
import type { Site } from '@/lib/model';

/** A day 'YYYY-MM-DD' as uPlot's x value (seconds at UTC midnight; the chart draws in UTC). */
export function daySeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

const round = (value: number | null, digits = 1): number | null => (value === null ? null : Number(value.toFixed(digits)));
const percent = (rate: number | null): number | null => (rate === null ? null : round(rate * 100));

/** The figures behind each chart, as the rows of its CSV (header first). */
export function chartTables(metrics: MetricsView, siteNames: Record<Site, string>): Record<string, CsvValue[][]> {
  return {
    'first-response': [
      ['day', 'replies', 'median_minutes', 'p90_minutes'],
      ...metrics.series.map((day) => [day.day, day.firstResponse.count, round(day.firstResponse.medianMinutes), round(day.firstResponse.p90Minutes)]),
    ],
    attainment: [
      ['day', 'met', 'breached', 'attainment_percent'],
      ...metrics.series.map((day) => [day.day, day.attainment.met, day.attainment.breached, percent(day.attainment.rate)]),
    ],
    'volume-by-day': [['day', 'conversations'], ...metrics.volumeByDay.map((day) => [day.day, day.count])],
    'volume-by-site': [
      ['site', 'conversations'],
      ...(Object.entries(metrics.volumeBySite) as Array<[Site, number]>).map(([site, count]) => [siteNames[site], count]),
    ],
    backlog: [
      ['status', 'conversations'],
      ['open', metrics.backlog.open],
      ['waiting', metrics.backlog.waiting],
      ['snoozed', metrics.backlog.snoozed],
      ['total', metrics.backlog.total],
      ['age_median_minutes', round(metrics.backlog.ageMedianMinutes)],
      ['oldest_minutes', round(metrics.backlog.oldestMinutes)],
    ],
  };
}

export function tableCsv(rows: CsvValue[][]): string {
  return toCsv(rows);
}
