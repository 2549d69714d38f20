import { z } from 'zod';
import { conversationStatusSchema, siteSchema, slaTargetKindSchema, type Conversation } from '@/lib/model';
import { metricsConversationFromRecord, type MetricsConversation } from '@/lib/sla/metrics-input';
import type { ReplylineDb } from './open';

/**
 * Derived, local only: one small row per live conversation holding exactly what the dashboard's
 * metrics read (lib/sla/metrics-input.ts), written in the conversation's own transaction. The dashboard
 * reads these rows instead of whole conversations (preview, events, stamps left behind), and for a date
 * range only the rows whose latest instant falls on or after its start (`lastMs`, by the by-last index);
 * a conversation still open has no latest instant yet (it counts in the backlog whatever the range).
 */
export const METRICS_STORE = 'metrics';

/** Later than any instant: rows of conversations not resolved are read for every range. */
const OPEN_MS = Number.MAX_SAFE_INTEGER;

export type MetricsRow = MetricsConversation & { lastMs: number };

/** What keeping the metrics rows needs of the object store, in whichever transaction writes the conversation. */
export interface MetricsStoreView {
  put(value: MetricsRow): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

type MetricsSource = Pick<
  Conversation,
  'id' | 'site' | 'status' | 'ownerId' | 'createdAt' | 'deletedAt' | 'firstResponseAt' | 'resolvedAt' | 'waitingSince' | 'targets'
>;

/** The row of a stored conversation, or null for a tombstone (the metrics leave those out). */
export function metricsRowOf(conversation: MetricsSource): MetricsRow | null {
  if (conversation.deletedAt !== null) return null;
  const metrics = metricsConversationFromRecord(conversation);
  return { ...metrics, lastMs: conversation.status === 'resolved' ? latestInstantMs(metrics) : OPEN_MS };
}

/** The latest instant any figure dates this conversation by (first message, replies, resolution, settled clocks). */
function latestInstantMs(metrics: MetricsConversation): number {
  // The first message dates the volume; createdAt (when tracking began) only stands in without one.
  const instants = [metrics.firstInboundAt ?? metrics.createdAt, metrics.firstResponseAt, metrics.resolvedAt];
  for (const target of metrics.targets) instants.push(target.metAt, target.breached ? target.dueAt : null, target.startedAt);
  let latest = Number.NEGATIVE_INFINITY;
  for (const instant of instants) {
    const ms = instant === null ? Number.NaN : Date.parse(instant);
    if (ms > latest) latest = ms;
  }
  // An instant that does not parse must not hide the row from a range: read it always.
  return Number.isFinite(latest) && instants.every((instant) => instant === null || !Number.isNaN(Date.parse(instant))) ? latest : OPEN_MS;
}

/** Brings the conversation's metrics row in line with the conversation just stored in the same transaction. */
export function indexMetricsIn(store: MetricsStoreView, conversation: MetricsSource): Promise<unknown> {
  const row = metricsRowOf(conversation);
  return row ? store.put(row) : store.delete(conversation.id);
}

/**
 * Instants are read as strings: computeMetrics reads each one it uses with parseInstant, which throws on
 * anything but an ISO 8601 instant with a zone, so checking them twice would only double the cost (the
 * model's `z.iso.datetime` runs a large regular expression; a year of history holds millions).
 */
const instant = z.string();

/** Only what the metrics read of a stored conversation (the rest of the record is not looked at). */
const storedConversationSchema = z.object({
  id: z.string().min(1),
  site: siteSchema,
  status: conversationStatusSchema,
  ownerId: z.string().max(200).nullable(),
  createdAt: instant,
  deletedAt: instant.nullable(),
  firstResponseAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  waitingSince: instant.nullable(),
  targets: z.array(
    z.object({
      kind: slaTargetKindSchema,
      dueAt: instant,
      metAt: instant.nullable(),
      breached: z.boolean(),
      startedAt: instant.nullable().default(null),
      warnAt: instant.nullable().default(null),
    }),
  ),
});

const rowSchema = storedConversationSchema
  .omit({ deletedAt: true })
  .extend({ firstInboundAt: instant.nullable(), outboundCount: z.number().int().min(0) });

/**
 * Stored conversation records (as read from IndexedDB) as the metrics read them, tombstones left out:
 * what the rows are derived from, and what the dashboard read before there were rows.
 */
export function metricsOfStoredConversations(values: readonly unknown[]): MetricsConversation[] {
  return values.flatMap((value) => {
    const record = storedConversationSchema.parse(value);
    return record.deletedAt === null ? [metricsConversationFromRecord(record)] : [];
  });
}

/**
 * The metrics rows of every live conversation that can count in a range starting at `fromIso` (every
 * row without one): resolved ones with an instant on or after it, and every one not resolved.
 */
export async function readMetricsRows(db: ReplylineDb, fromIso?: string): Promise<MetricsConversation[]> {
  const fromMs = fromIso === undefined ? Number.NaN : Date.parse(fromIso);
  const values: unknown[] = Number.isNaN(fromMs)
    ? await db.getAll(METRICS_STORE)
    : await db.getAllFromIndex(METRICS_STORE, 'by-last', IDBKeyRange.lowerBound(fromMs));
  return values.map((value) => rowSchema.parse(value));
}

