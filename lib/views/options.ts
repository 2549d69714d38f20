import { z } from 'zod';
import { byTargetKind, siteSchema, syncedStoreNameSchema } from '@/lib/model';
import { metricsOptionsSchema } from '@/lib/sla/metrics-input';

const durationStatsSchema = z.object({
  count: z.number().int().nonnegative(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
const attainmentSchema = z.object({
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});

/** computeMetrics' answer (lib/sla/metrics.ts), as it crosses from the background to the page. */
export const metricsSchema = z.object({
  ...byTargetKind(() => durationStatsSchema),
  attainment: attainmentSchema.extend({ byKind: z.object(byTargetKind(() => attainmentSchema)) }),
  volumeBySite: z.record(siteSchema, z.number().int().nonnegative()),
  volumeByDay: z.array(z.object({ day: z.string(), count: z.number().int().nonnegative() })),
  backlog: z.object({
    open: z.number().int().nonnegative(),
    waiting: z.number().int().nonnegative(),
    snoozed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    ageMedianMinutes: z.number().nullable(),
    oldestMinutes: z.number().nullable(),
  }),
  firstContactResolution: z.object({
    resolved: z.number().int().nonnegative(),
    oneReply: z.number().int().nonnegative(),
    rate: z.number().min(0).max(1).nullable(),
  }),
  series: z.array(
    z.object({ day: z.string(), volume: z.number().int().nonnegative(), firstResponse: durationStatsSchema, attainment: attainmentSchema }),
  ),
});
export type MetricsView = z.infer<typeof metricsSchema>;

/** The dashboard's filters; `now` is the background's. */
export const metricsFiltersSchema = metricsOptionsSchema.omit({ now: true });
export type MetricsFilters = z.infer<typeof metricsFiltersSchema>;

export const importLineProblemSchema = z.object({ line: z.number().int().positive(), reason: z.string() });

/** What the "Data and privacy" section says is stored: records per store (tombstones included). */
export const dataSummarySchema = z.object({
  stores: z.record(syncedStoreNameSchema, z.number().int().nonnegative()),
  /** Local changes waiting for a team backend (kept even without one). */
  outbox: z.number().int().nonnegative(),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;

export const restoreAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), written: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), issues: z.array(z.string()) }),
]);
export type RestoreAnswer = z.infer<typeof restoreAnswerSchema>;

export const importAnswerSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  errors: z.array(importLineProblemSchema),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

export const csvTableSchema = z.enum(['contacts', 'notes', 'conversations']);
export type CsvTable = z.infer<typeof csvTableSchema>;
