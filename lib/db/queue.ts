import { z } from 'zod';
import { conversationSchema, type Conversation } from '@/lib/model';

/**
 * The pending queue as its own small store: one entry per conversation whose clock may still run
 * (waiting on us, or snoozed while waiting), written in the same transaction as the conversation
 * itself. The popup, the badge, the breach warnings and the wake-up alarm read only this store and
 * its indexes, so their cost follows the queue's length (or the page asked for), never the history's.
 *
 * Index keys are epoch milliseconds (records may carry ISO offsets, which do not sort as strings);
 * NONE_MS stands for "none" where the queue's order puts those last.
 */
export const QUEUE_STORE = 'queue';

const msSchema = z.number();
/** Later than any instant a record holds (year 287396): "no deadline" sorts last. */
export const NONE_MS = Number.MAX_SAFE_INTEGER;

export const queueEntrySchema = z.object({
  id: z.string(),
  site: conversationSchema.shape.site,
  /** Entries written before it was kept read as a conversation (a DM) until written again. */
  kind: conversationSchema.shape.kind.default('conversation'),
  url: z.string(),
  status: z.enum(['waiting', 'snoozed']),
  contactId: z.string().nullable(),
  /** The latest message's author, '' when it names none (the contact's name is looked up on read). */
  authorName: z.string(),
  excerpt: z.string(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  waitingSince: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  /** Entries written before these were kept read as normal, unowned, unlinked until the conversation is written again. */
  priority: conversationSchema.shape.priority.default('normal'),
  ownerId: z.string().nullable().default(null),
  /** The other half of a Move to DM (the public comment or the DM): the popup lists the pair as one row. */
  linkedConversationId: z.string().nullable().default(null),
  /** comparePending's order: [due, waiting since], none last. */
  order: z.tuple([msSchema, msSchema]),
  /** Waiting entries with a deadline only (absent from the index otherwise): the badge's colour. */
  waitingDueMs: msSchema.optional(),
  waitingWarnMs: msSchema.optional(),
  /** The earliest instant at which time alone changes the conversation (a snooze ends, a deadline passes unmarked). */
  staleMs: msSchema.optional(),
  /** Every instant at which what the queue shows changes (warning, deadline, snooze end): the wake-up alarm. */
  instantsMs: z.array(msSchema),
  /** Breach warnings already shown, per threshold and deadline ('warning@<dueAt>', 'overdue@<dueAt>'). */
  warned: z.array(z.string()),
  /** The next threshold not yet warned about (waiting entries with a deadline only). */
  alertMs: msSchema.optional(),
});
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** The queue list's excerpt length; the preview holds at most 280 characters. */
export const EXCERPT_CHARS = 160;

type QueueSource = Pick<
  Conversation,
  | 'id'
  | 'kind'
  | 'site'
  | 'url'
  | 'status'
  | 'contactId'
  | 'dueAt'
  | 'snoozedUntil'
  | 'waitingSince'
  | 'targets'
  | 'preview'
  | 'deletedAt'
  | 'priority'
  | 'ownerId'
  | 'linkedConversationId'
>;

function msOf(iso: string | null): number | undefined {
  if (iso === null) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function minOf(values: ReadonlyArray<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const value of values) if (value !== undefined && (min === undefined || value < min)) min = value;
  return min;
}

export function isQueued(conversation: Pick<QueueSource, 'status' | 'deletedAt'>): boolean {
  return !conversation.deletedAt && (conversation.status === 'waiting' || conversation.status === 'snoozed');
}

/** The warning instant of the deadline the conversation shows. */
function warnAtOf(conversation: QueueSource): string | null {
  return conversation.targets.find((target) => target.metAt === null && target.dueAt === conversation.dueAt)?.warnAt ?? null;
}

export function warningKey(level: 'warning' | 'overdue', dueAt: string): string {
  return `${level}@${dueAt}`;
}

/** The next threshold of a waiting entry not warned about yet: the warning, then the deadline. */
export function nextAlertMs(entry: Pick<QueueEntry, 'status' | 'dueAt' | 'warnAt' | 'warned'>): number | undefined {
  if (entry.status !== 'waiting' || entry.dueAt === null) return undefined;
  if (entry.warned.includes(warningKey('overdue', entry.dueAt))) return undefined;
  const warnMs = msOf(entry.warnAt);
  if (warnMs !== undefined && !entry.warned.includes(warningKey('warning', entry.dueAt))) return warnMs;
  return msOf(entry.dueAt);
}

/**
 * The queue entry of a conversation, or null when it is not in the queue. Warnings already shown for
 * the same deadline carry over from `previous`; a new deadline warns again.
 */
export function queueEntryOf(conversation: QueueSource, previous?: Pick<QueueEntry, 'warned'>): QueueEntry | null {
  if (!isQueued(conversation)) return null;
  const status = conversation.status === 'snoozed' ? 'snoozed' : 'waiting';
  const warnAt = warnAtOf(conversation);
  const dueAt = conversation.dueAt;
  const dueMs = msOf(dueAt);
  const snoozeEndMs = status === 'snoozed' ? msOf(conversation.snoozedUntil) : undefined;
  const unmarkedDeadlines = conversation.targets.filter((target) => target.metAt === null && !target.breached).map((target) => msOf(target.dueAt));
  const warned = dueAt === null ? [] : (previous?.warned ?? []).filter((key) => key.endsWith(`@${dueAt}`));
  const entry: QueueEntry = {
    id: conversation.id,
    site: conversation.site,
    kind: conversation.kind,
    url: conversation.url,
    status,
    contactId: conversation.contactId,
    authorName: conversation.preview?.authorName ?? '',
    excerpt: conversation.preview?.text.slice(0, EXCERPT_CHARS) ?? '',
    dueAt,
    warnAt,
    waitingSince: conversation.waitingSince,
    snoozedUntil: conversation.snoozedUntil,
    priority: conversation.priority,
    ownerId: conversation.ownerId,
    linkedConversationId: conversation.linkedConversationId,
    order: [dueMs ?? NONE_MS, msOf(conversation.waitingSince) ?? NONE_MS],
    instantsMs: [...new Set([msOf(warnAt), dueMs, msOf(conversation.snoozedUntil)].filter((ms): ms is number => ms !== undefined))],
    warned,
  };
  const staleMs = minOf([snoozeEndMs, ...unmarkedDeadlines]);
  if (staleMs !== undefined) entry.staleMs = staleMs;
  if (status === 'waiting' && dueMs !== undefined) {
    entry.waitingDueMs = dueMs;
    const warnMs = msOf(warnAt);
    if (warnMs !== undefined) entry.waitingWarnMs = warnMs;
  }
  const alertMs = nextAlertMs(entry);
  if (alertMs !== undefined) entry.alertMs = alertMs;
  return entry;
}
