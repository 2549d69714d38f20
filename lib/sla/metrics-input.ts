import { z } from 'zod';
import {
  conversationStatusSchema,
  isoDateTimeSchema,
  isTimeZone,
  siteSchema,
  slaTargetStateSchema,
} from '@/lib/model';

/**
 * What the metrics read of one conversation: the stored record's clocks and times, plus how many replies
 * we sent (for first-contact resolution). The options page builds it from IndexedDB, the backend from its
 * tables; both can validate it here.
 */
export const metricsConversationSchema = z.object({
  id: z.string().min(1),
  site: siteSchema,
  status: conversationStatusSchema,
  ownerId: z.string().max(200).nullable(),
  createdAt: isoDateTimeSchema,
  /** The customer's first message; null falls back to createdAt. */
  firstInboundAt: isoDateTimeSchema.nullable(),
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  waitingSince: isoDateTimeSchema.nullable(),
  targets: z.array(slaTargetStateSchema),
  outboundCount: z.number().int().min(0),
});
export type MetricsConversation = z.output<typeof metricsConversationSchema>;

export const metricsOptionsSchema = z.object({
  /** For the backlog's ages and for deciding what counts as breached by now. */
  now: isoDateTimeSchema,
  /** The range [from, to): each figure counts what happened in it (see computeMetrics). Open ends without. */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** Only these sites; all without. */
  sites: z.array(siteSchema).optional(),
  /** Only these owners (null = unassigned); all without. */
  ownerIds: z.array(z.string().max(200).nullable()).optional(),
  /** IANA zone of the "by day" figures. */
  timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
});
export type MetricsOptions = z.output<typeof metricsOptionsSchema>;

export const metricsInputSchema = z.object({
  conversations: z.array(metricsConversationSchema),
  options: metricsOptionsSchema,
});
export type MetricsInput = z.output<typeof metricsInputSchema>;

/** What metricsConversationFromRecord reads of a stored conversation (instants as the record holds them). */
export interface MetricsRecord {
  id: string;
  site: MetricsConversation['site'];
  status: MetricsConversation['status'];
  ownerId: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  waitingSince: string | null;
  targets: MetricsConversation['targets'];
}

/**
 * A stored conversation as the metrics read it, replies counted as the response clocks they met (the
 * first response and each next response): one per turn of the customer's, which is what first-contact
 * resolution asks ("resolved with one reply") without reading every message.
 */
export function metricsConversationFromRecord(record: MetricsRecord): MetricsConversation {
  let first: MetricsConversation['targets'][number] | undefined;
  let replies = 0;
  for (const target of record.targets) {
    if (target.kind === 'firstResponse' && first === undefined) first = target;
    if (target.kind !== 'resolution' && target.metAt !== null) replies += 1;
  }
  return {
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
  };
}
