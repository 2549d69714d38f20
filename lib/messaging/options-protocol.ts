import { z } from 'zod';
import {
  idSchema,
  isoDateTimeSchema,
  knowledgeArticleSchema,
  replyTemplateSchema,
  siteSchema,
  slaPolicySchema,
  syncedStoreNameSchema,
} from '@/lib/model';
import type { ContactColumn } from '@/lib/import/contacts-csv';
import { metricsOptionsSchema } from '@/lib/sla/metrics-input';
import { route, type Protocol } from './route';

const nothing = z.object({});
const done = z.object({ ok: z.literal(true) });

/** What the editor sets of a policy; the background owns ids, times, stamps and the order. */
export const policyFieldsSchema = slaPolicySchema.pick({
  name: true,
  enabled: true,
  match: true,
  targets: true,
  warnAtPercent: true,
  businessHours: true,
  pauseOutsideBusinessHours: true,
  autoAckSatisfiesFirstResponse: true,
});
export type PolicyFields = z.infer<typeof policyFieldsSchema>;

export const templateFieldsSchema = replyTemplateSchema.pick({ title: true, body: true, lang: true, tags: true, shortcut: true });
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

export const articleFieldsSchema = knowledgeArticleSchema.pick({ title: true, body: true, url: true, tags: true, lang: true });
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

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
  firstResponse: durationStatsSchema,
  nextResponse: durationStatsSchema,
  resolution: durationStatsSchema,
  attainment: attainmentSchema.extend({
    byKind: z.object({ firstResponse: attainmentSchema, nextResponse: attainmentSchema, resolution: attainmentSchema }),
  }),
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

// Listed here rather than imported, so that the popup and panel bundles do not carry the CSV reader;
// the Record type makes this fail to compile when lib/import/contacts-csv.ts gains or loses a column.
const listedColumns: Record<ContactColumn, true> = {
  name: true, firstName: true, lastName: true, email: true, phone: true, company: true, headline: true,
  site: true, handle: true, profileUrl: true, tags: true, stage: true, notes: true,
};
const contactColumnSchema = z.enum(Object.keys(listedColumns) as [ContactColumn, ...ContactColumn[]]);

/** Column index (0-based) per contact field, for a generic contacts CSV. */
export const columnMappingSchema = z.partialRecord(contactColumnSchema, z.number().int().nonnegative());

/** Big enough for a large backup, small enough to refuse a wrong file before reading it. */
const MAX_FILE_CHARS = 60_000_000;
const file = z.string().max(MAX_FILE_CHARS);

/** Requests of the options page: SLA policies, business hours, templates, knowledge base, metrics, data. */
export const optionsProtocol = {
  /** Live policies, in matching order. */
  'policies.list': route(nothing, z.array(slaPolicySchema)),
  /** Creates (id null; placed last) or updates; the open conversations' clocks are recomputed. */
  'policies.save': route(z.object({ id: idSchema.nullable(), policy: policyFieldsSchema }), slaPolicySchema),
  'policies.delete': route(z.object({ id: idSchema }), done),
  /** The live policies' new order, first to last; must name each of them once. */
  'policies.reorder': route(z.object({ ids: z.array(idSchema) }), z.array(slaPolicySchema)),

  'templates.list': route(nothing, z.array(replyTemplateSchema)),
  'templates.save': route(z.object({ id: idSchema.nullable(), template: templateFieldsSchema }), replyTemplateSchema),
  'templates.delete': route(z.object({ id: idSchema }), done),
  'articles.list': route(nothing, z.array(knowledgeArticleSchema)),
  'articles.save': route(z.object({ id: idSchema.nullable(), article: articleFieldsSchema }), knowledgeArticleSchema),
  'articles.delete': route(z.object({ id: idSchema }), done),
  /** Adds the starter templates or articles that are not stored yet; how many were added. */
  'starter.add': route(z.object({ kind: z.enum(['templates', 'articles']) }), z.object({ added: z.number().int().nonnegative() })),

  /** The dashboard's figures for the filters, and every owner seen (for the agent filter). */
  'metrics.compute': route(
    metricsFiltersSchema,
    z.object({ metrics: metricsSchema, owners: z.array(z.string().nullable()), computedAt: isoDateTimeSchema }),
  ),

  'data.summary': route(nothing, dataSummarySchema),
  /** The whole database and the settings as the text of a .json backup. */
  'backup.export': route(nothing, z.object({ fileName: z.string(), json: z.string() })),
  /** Checks the backup first (every problem reported), then restores all of it or nothing. */
  'backup.restore': route(z.object({ json: file }), restoreAnswerSchema),
  /** LinkedIn's Connections.csv, or any contacts CSV with its column mapping: all rows or none. */
  'import.csv': route(
    z.discriminatedUnion('format', [
      z.object({ format: z.literal('linkedin'), csv: file }),
      z.object({ format: z.literal('contacts'), csv: file, mapping: columnMappingSchema }),
    ]),
    importAnswerSchema,
  ),
  'export.csv': route(z.object({ table: csvTableSchema }), z.object({ fileName: z.string(), csv: z.string() })),
  /** Clears every store and the settings; the defaults come back as on a new install. */
  'data.erase': route(z.object({ confirmed: z.literal(true) }), done),
} satisfies Protocol;
