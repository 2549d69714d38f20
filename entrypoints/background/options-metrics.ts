import { z } from 'zod';
import type { ReplylineDb } from '@/lib/db/open';
import { conversationStatusSchema, siteSchema, slaTargetKindSchema } from '@/lib/model';
import type { MetricsConversation } from '@/lib/sla/metrics';

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

/** Every stored conversation as the metrics read it (see metricsConversationsOf). */
export async function metricsConversations(db: ReplylineDb): Promise<MetricsConversation[]> {
  const values: unknown[] = await db.getAll('conversations');
  return metricsConversationsOf(values);
}

/**
 * Stored conversation records (as read from IndexedDB) as the metrics read them; tombstones left out.
 * Replies are counted as the response clocks they met (the first response and each next response):
 * one per turn of the customer's, which is what first-contact resolution asks ("resolved with one
 * reply") without reading every message.
 */
export function metricsConversationsOf(values: readonly unknown[]): MetricsConversation[] {
  const result: MetricsConversation[] = [];
  for (const value of values) {
    const record = metricsRecordSchema.parse(value);
    if (record.deletedAt !== null) continue;
    let first: (typeof record.targets)[number] | undefined;
    let replies = 0;
    for (const target of record.targets) {
      if (target.kind === 'firstResponse' && first === undefined) first = target;
      if (target.kind !== 'resolution' && target.metAt !== null) replies += 1;
    }
    result.push({
      id: record.id,
      site: record.site,
      status: record.status,
      ownerId: record.ownerId,
      createdAt: record.createdAt,
      firstInboundAt: first?.startedAt ?? null,
      firstResponseAt: record.firstResponseAt,
      resolvedAt: record.resolvedAt,
      waitingSince: record.waitingSince,
      targets: record.targets,
      outboundCount: record.firstResponseAt !== null && replies === 0 ? 1 : replies,
    });
  }
  return result;
}
