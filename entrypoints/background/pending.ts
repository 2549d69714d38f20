import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps } from '@/lib/db/follow-ups';
import { identitiesOf } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import { EXCERPT_CHARS, type QueueEntry } from '@/lib/db/queue';
import { queueCounts, queueHead } from '@/lib/db/queue-store';
import type { Conversation, FollowUp } from '@/lib/model';
import type { PendingItem, PendingPage, PendingPlace } from '@/lib/views/popup';
import { pairLinkedRows, whereOf } from '@/lib/conversations/one-row-per-issue';
import { comparePending } from '@/lib/sla/urgency';

/** How many rows the popup lists when it does not say: the most urgent ones; the counts cover all. */
export const DEFAULT_PENDING_LIMIT = 200;

function placeOf(conversation: Pick<QueueEntry, 'id' | 'site' | 'kind' | 'url'>): PendingPlace {
  return { conversationId: conversation.id, site: conversation.site, where: whereOf(conversation.kind), url: conversation.url };
}

function conversationItem(entry: QueueEntry, personName: string, partner: PendingPlace | null): PendingItem {
  return {
    kind: 'conversation',
    id: entry.id,
    conversationId: entry.id,
    site: entry.site,
    personName: entry.authorName || personName,
    excerpt: entry.excerpt,
    url: entry.url,
    status: entry.status,
    dueAt: entry.dueAt,
    warnAt: entry.warnAt,
    waitingSince: entry.waitingSince,
    snoozedUntil: entry.snoozedUntil,
    priority: entry.priority,
    places: partner ? [placeOf(entry), partner] : [placeOf(entry)],
  };
}

/** The other half of a Move to DM that is not in the listed head (answered, or further down): its place still shows. */
async function partnerPlace(db: ReplylineDb, entry: QueueEntry): Promise<PendingPlace | null> {
  if (!entry.linkedConversationId) return null;
  const linked: Conversation | undefined = await conversations.get(db, entry.linkedConversationId);
  if (!linked || linked.deletedAt || linked.linkedConversationId !== entry.id) return null;
  return placeOf(linked);
}

async function followUpItem(db: ReplylineDb, followUp: FollowUp): Promise<PendingItem> {
  const contact = await contacts.get(db, followUp.contactId);
  const conversation = followUp.conversationId ? await conversations.get(db, followUp.conversationId) : undefined;
  const identity = conversation ? undefined : (await identitiesOf(db, followUp.contactId))[0];
  return {
    kind: 'follow-up',
    id: followUp.id,
    conversationId: followUp.conversationId,
    site: conversation?.site ?? identity?.site ?? null,
    personName: contact?.displayName ?? '',
    excerpt: followUp.reason.slice(0, EXCERPT_CHARS),
    url: conversation?.url ?? identity?.profileUrl ?? '',
    status: 'due',
    dueAt: followUp.dueAt,
    warnAt: null,
    waitingSince: followUp.dueAt,
    snoozedUntil: null,
    priority: conversation?.priority ?? null,
    places: conversation ? [placeOf(conversation)] : [],
  };
}

/** A name for the entries whose last message carries none (tracked by hand): only those contacts are read. */
async function namesFor(db: ReplylineDb, entries: readonly QueueEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.filter((entry) => !entry.authorName && entry.contactId).map((entry) => entry.contactId ?? ''))];
  const found = await Promise.all(ids.map((id) => contacts.get(db, id)));
  return new Map(found.flatMap((contact) => (contact ? [[contact.id, contact.displayName] as const] : [])));
}

/**
 * The queue the popup shows: due check-ins and what waits on us, the least time left first, cut at
 * `limit` rows; the counts cover the whole queue. Reads only the queue store's head, so its cost does
 * not grow with the history.
 */
export async function pendingPage(db: ReplylineDb, nowIso: string, limit: number = DEFAULT_PENDING_LIMIT): Promise<PendingPage> {
  const [head, counts, followUps] = await Promise.all([queueHead(db, limit), queueCounts(db), dueFollowUps(db, nowIso)]);
  const names = await namesFor(db, head);
  const pairs = pairLinkedRows(head.map((entry) => ({ ...entry, conversationId: entry.id })));
  const items = await Promise.all(
    pairs.map(async ({ row, partner }) =>
      conversationItem(row, row.contactId ? (names.get(row.contactId) ?? '') : '', partner ? placeOf(partner) : await partnerPlace(db, row)),
    ),
  );
  items.push(...(await Promise.all(followUps.map((followUp) => followUpItem(db, followUp)))));
  // A pair listed as one row is one issue: the kept counts hold each half, so the absorbed half comes off.
  const absorbed = pairs.flatMap(({ partner }) => (partner ? [partner.status] : []));
  const pairedWaiting = absorbed.filter((status) => status === 'waiting').length;
  const pairedSnoozed = absorbed.filter((status) => status === 'snoozed').length;
  return {
    items: items.sort(comparePending).slice(0, limit),
    waitingCount: counts.waiting - pairedWaiting + followUps.length,
    snoozedCount: counts.snoozed - pairedSnoozed,
  };
}
