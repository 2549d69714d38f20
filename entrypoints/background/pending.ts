import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps } from '@/lib/db/follow-ups';
import { identitiesOf } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import { activeConversations } from '@/lib/db/pending';
import type { Conversation, FollowUp } from '@/lib/model';
import type { PendingItem } from '@/lib/messaging/views';
import { comparePending } from '@/lib/sla/urgency';

function warnAtOf(conversation: Conversation): string | null {
  const running = conversation.targets.filter((target) => target.metAt === null && target.dueAt === conversation.dueAt);
  return running[0]?.warnAt ?? null;
}

function conversationItem(conversation: Conversation, personName: string): PendingItem {
  return {
    kind: 'conversation',
    id: conversation.id,
    conversationId: conversation.id,
    site: conversation.site,
    personName: conversation.preview?.authorName || personName,
    excerpt: conversation.preview?.text ?? '',
    url: conversation.url,
    status: conversation.status === 'snoozed' ? 'snoozed' : 'waiting',
    dueAt: conversation.dueAt,
    warnAt: warnAtOf(conversation),
    waitingSince: conversation.waitingSince,
    snoozedUntil: conversation.snoozedUntil,
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
    excerpt: followUp.reason,
    url: conversation?.url ?? identity?.profileUrl ?? '',
    status: 'due',
    dueAt: followUp.dueAt,
    warnAt: null,
    waitingSince: followUp.dueAt,
    snoozedUntil: null,
  };
}

/** The queue the popup and the badge show: what waits on us and due check-ins, the least time left first. */
export async function pendingItems(db: ReplylineDb, nowIso: string): Promise<PendingItem[]> {
  const [active, followUps, everyone] = await Promise.all([activeConversations(db), dueFollowUps(db, nowIso), contacts.all(db)]);
  const names = new Map(everyone.map((contact) => [contact.id, contact.displayName]));
  const items = active.map((conversation) => conversationItem(conversation, conversation.contactId ? (names.get(conversation.contactId) ?? '') : ''));
  items.push(...(await Promise.all(followUps.map((followUp) => followUpItem(db, followUp)))));
  return items.sort(comparePending);
}
