import { z } from 'zod';
import type { ReplylineDb } from '@/lib/db/open';
import { conversationStatusSchema, siteSchema, slaTargetKindSchema } from '@/lib/model';
import { readMetricsRows } from '@/lib/db/metrics-store';
import type { MetricsConversation } from '@/lib/sla/metrics';
import { metricsConversationFromRecord } from '@/lib/sla/metrics-input';

/**
 * Instants are read as strings here: computeMetrics reads each one it uses with parseInstant, which
 * throws on anything but an ISO 8601 instant with a zone, so checking them twice would only double the
 * cost (the model's `z.iso.datetime` runs a large regular expression; a year of history holds millions).
 */
const instant = z.string();

const targetSchema = z.object({
  kind: slaTargetKindSchema,
  dueAt: instant,
  metAt: instant.nullable(),
  breached: z.boolean(),
  startedAt: instant.nullable().default(null),
  warnAt: instant.nullable().default(null),
});

/** Only what the metrics read of a stored conversation (the rest of the record is not looked at). */
const metricsRecordSchema = z.object({
  id: z.string().min(1),
  site: siteSchema,
  status: conversationStatusSchema,
  ownerId: z.string().max(200).nullable(),
  createdAt: instant,
  deletedAt: instant.nullable(),
  firstResponseAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  waitingSince: instant.nullable(),
  targets: z.array(targetSchema),
});

/**
 * The conversations that can count in a range starting at `from` (all without one), as the metrics
 * read them: from the metrics rows kept beside the conversations (lib/db/metrics-store.ts), not the
 * conversations themselves.
 */
export async function metricsConversations(db: ReplylineDb, from?: string): Promise<MetricsConversation[]> {
  return readMetricsRows(db, from);
}

/** Stored conversation records (as read from IndexedDB) as the metrics read them; tombstones left out. */
export function metricsConversationsOf(values: readonly unknown[]): MetricsConversation[] {
  const result: MetricsConversation[] = [];
  for (const value of values) {
    const record = metricsRecordSchema.parse(value);
    if (record.deletedAt !== null) continue;
    result.push(metricsConversationFromRecord(record));
  }
  return result;
}
