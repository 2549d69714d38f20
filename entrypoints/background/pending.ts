import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps } from '@/lib/db/follow-ups';
import { identitiesOf } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import { activeConversations, type QueueEntry } from '@/lib/db/pending';
import type { FollowUp } from '@/lib/model';
import type { PendingItem } from '@/lib/messaging/views';
import { comparePending } from '@/lib/sla/urgency';

const EXCERPT_CHARS = 160;

function warnAtOf(entry: QueueEntry): string | null {
  return entry.targets.find((target) => target.metAt === null && target.dueAt === entry.dueAt)?.warnAt ?? null;
}

function conversationItem(entry: QueueEntry, personName: string): PendingItem {
  return {
    kind: 'conversation',
    id: entry.id,
    conversationId: entry.id,
    site: entry.site,
    personName: entry.preview?.authorName || personName,
    excerpt: entry.preview?.text.slice(0, EXCERPT_CHARS) ?? '',
    url: entry.url,
    status: entry.status === 'snoozed' ? 'snoozed' : 'waiting',
    dueAt: entry.dueAt,
    warnAt: warnAtOf(entry),
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
  const ids = [...new Set(entries.filter((entry) => !entry.preview?.authorName && entry.contactId).map((entry) => entry.contactId ?? ''))];
  const found = await Promise.all(ids.map((id) => contacts.get(db, id)));
  return new Map(found.flatMap((contact) => (contact ? [[contact.id, contact.displayName] as const] : [])));
}

/** The queue the popup and the badge show: what waits on us and due check-ins, the least time left first. */
export async function pendingItems(db: ReplylineDb, nowIso: string, entries?: readonly QueueEntry[]): Promise<PendingItem[]> {
  const [active, followUps] = await Promise.all([entries ?? activeConversations(db), dueFollowUps(db, nowIso)]);
  const names = await namesFor(db, active);
  const items = active.map((entry) => conversationItem(entry, entry.contactId ? (names.get(entry.contactId) ?? '') : ''));
  items.push(...(await Promise.all(followUps.map((followUp) => followUpItem(db, followUp)))));
  return items.sort(comparePending);
}
