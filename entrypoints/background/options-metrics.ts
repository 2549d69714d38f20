import type { ReplylineDb } from '@/lib/db/open';
import { conversationSchema } from '@/lib/model';
import type { MetricsConversation } from '@/lib/sla/metrics';

/** Only what the metrics read of a stored conversation, so that 50,000 of them parse quickly. */
const metricsRecordSchema = conversationSchema.pick({
  id: true,
  site: true,
  status: true,
  ownerId: true,
  createdAt: true,
  deletedAt: true,
  firstResponseAt: true,
  resolvedAt: true,
  waitingSince: true,
  targets: true,
});

/**
 * Every stored conversation as the metrics read it. Replies are counted as the response clocks they
 * met (the first response and each next response): one per turn of the customer's, which is what
 * first-contact resolution asks ("resolved with one reply") without reading every message.
 */
export async function metricsConversations(db: ReplylineDb): Promise<MetricsConversation[]> {
  const values: unknown[] = await db.getAll('conversations');
  const result: MetricsConversation[] = [];
  for (const value of values) {
    const record = metricsRecordSchema.parse(value);
    if (record.deletedAt !== null) continue;
    const first = record.targets.find((target) => target.kind === 'firstResponse');
    const replies = record.targets.filter((target) => target.kind !== 'resolution' && target.metAt !== null).length;
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
