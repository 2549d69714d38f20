import { z } from 'zod';
import {
  articleFieldsSchema,
  idSchema,
  isoDateTimeSchema,
  knowledgeArticleSchema,
  policyFieldsSchema,
  replyTemplateSchema,
  slaPolicySchema,
  templateFieldsSchema,
} from '@/lib/model';
import type { ContactColumn } from '@/lib/import/contacts-csv';
import { csvTableSchema, dataSummarySchema, importAnswerSchema, metricsFiltersSchema, metricsSchema, restoreAnswerSchema } from '@/lib/views/options';
import { route, type Protocol } from './route';

const nothing = z.object({});
const done = z.object({ ok: z.literal(true) });

// Listed here rather than imported, so that the popup and panel bundles do not carry the CSV reader;
// the Record type makes this fail to compile when lib/import/contacts-csv.ts gains or loses a column.
const listedColumns: Record<ContactColumn, true> = {
  name: true, firstName: true, lastName: true, email: true, phone: true, company: true, position: true, headline: true,
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
