import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps } from '@/lib/db/follow-ups';
import { identitiesOf } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import { EXCERPT_CHARS, type QueueEntry } from '@/lib/db/queue';
import { queueCounts, queueHead } from '@/lib/db/queue-store';
import type { FollowUp } from '@/lib/model';
import type { PendingItem, PendingPage } from '@/lib/views/popup';
import { comparePending } from '@/lib/sla/urgency';

/** How many rows the popup lists when it does not say: the most urgent ones; the counts cover all. */
export const DEFAULT_PENDING_LIMIT = 200;

function conversationItem(entry: QueueEntry, personName: string): PendingItem {
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
  };
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
  const items = head.map((entry) => conversationItem(entry, entry.contactId ? (names.get(entry.contactId) ?? '') : ''));
  items.push(...(await Promise.all(followUps.map((followUp) => followUpItem(db, followUp)))));
  return {
    items: items.sort(comparePending).slice(0, limit),
    waitingCount: counts.waiting + followUps.length,
    snoozedCount: counts.snoozed,
  };
}
