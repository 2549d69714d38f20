import { contacts } from '@/lib/db/contacts';
import { identitiesOf } from '@/lib/db/identities';
import { notesOf } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import type { Contact, Conversation, Note, SlaPolicy } from '@/lib/model';
import { isBusinessTime, nextBusinessStart } from '@/lib/sla/business-time';
import { conversations } from '@/lib/db/conversations';
import { slaPolicies } from '@/lib/db/sla-policies';
import type { ContactView, ConversationTeam, ConversationView, NoteView, PanelView } from '@/lib/views/panel';
import type { PresenceEntry } from '@/lib/sync/presence';
import { uniqueTags } from '@/lib/tags/tags';
import type { TabState } from './tab-state';
import { knownPhone } from '@/lib/contacts/history';

export async function contactView(db: ReplylineDb, contact: Contact): Promise<ContactView> {
  const [identities, notes] = await Promise.all([identitiesOf(db, contact.id), notesOf(db, contact.id)]);
  return {
    id: contact.id,
    displayName: contact.displayName,
    headline: contact.headline,
    avatarUrl: contact.avatarUrl,
    stage: contact.stage,
    tags: contact.tags,
    firstSeenAt: contact.firstSeenAt,
    lastSeenAt: contact.lastSeenAt,
    identities: identities.map(({ site, handle, profileUrl }) => ({ site, handle, profileUrl })),
    facts: {
      company: contact.company ?? null,
      // LinkedIn's position arrives as the headline from an import; the agent's own entry wins.
      position: contact.position ?? null,
      email: contact.email ?? null,
      phone: knownPhone(contact, notes),
    },
  };
}

export function noteView({ id, body, createdAt, updatedAt }: Note): NoteView {
  return { id, body, createdAt, updatedAt };
}

function afterHoursOf(policy: SlaPolicy | undefined, nowIso: string): ConversationView['afterHours'] {
  const hours = policy?.businessHours;
  if (!hours || isBusinessTime(nowIso, hours)) return null;
  return { opensAt: nextBusinessStart(nowIso, hours) };
}

/** How the team's presence names a conversation: the same on every replica, since thread keys are. */
export function conversationKeyOf({ site, threadKey }: Pick<Conversation, 'site' | 'threadKey'>): string {
  return `${site}:${threadKey}`;
}

/** What this replica knows of its team, while a backend is connected. */
export interface TeamDirectory {
  me: { id: string; name: string } | null;
  /** An agent's name as presence told it, if heard. */
  nameOf(agentId: string): string | null;
  /** The other agents present in a conversation, replying ones first. */
  presentIn(conversationKey: string, exceptAgentId?: string): PresenceEntry[];
}

const teams = new WeakMap<ReplylineDb, () => TeamDirectory | null>();

/** The sync service tells the views of this database where its team is; null while disconnected. */
export function attachTeam(db: ReplylineDb, team: () => TeamDirectory | null): void {
  teams.set(db, team);
}

/**
 * The owner and the others in a conversation. The owner's name comes from us, presence, or the
 * assignment itself (whoever assigns records their name), since agents cannot list each other.
 */
export function conversationTeam(conversation: Pick<Conversation, 'site' | 'threadKey' | 'ownerId' | 'events'>, team: TeamDirectory): ConversationTeam {
  const meId = team.me?.id;
  const ownerId = conversation.ownerId;
  const assignedBy = ownerId
    ? conversation.events.findLast((event) => event.type === 'assigned' && event.detail === ownerId)?.by
    : undefined;
  return {
    owner: ownerId
      ? { id: ownerId, name: ownerId === meId ? (team.me?.name ?? null) : (team.nameOf(ownerId) ?? assignedBy ?? null), isMe: ownerId === meId }
      : null,
    others: team.presentIn(conversationKeyOf(conversation), meId).map((entry) => ({
      agentId: entry.agentId,
      name: entry.agentName,
      activity: entry.activity,
      until: new Date(entry.expiresAtMs).toISOString(),
    })),
  };
}

export async function conversationView(db: ReplylineDb, conversation: Conversation, nowIso: string): Promise<ConversationView> {
  const policy = conversation.policyId ? await slaPolicies.get(db, conversation.policyId) : undefined;
  const contact = conversation.contactId ? await contacts.get(db, conversation.contactId) : undefined;
  const running = conversation.targets.find((target) => target.metAt === null && target.dueAt === conversation.dueAt);
  return {
    id: conversation.id,
    kind: conversation.kind,
    status: conversation.status,
    priority: conversation.priority,
    dueAt: conversation.dueAt,
    waitingSince: conversation.waitingSince,
    firstResponseAt: conversation.firstResponseAt,
    resolvedAt: conversation.resolvedAt,
    snoozedUntil: conversation.snoozedUntil,
    targets: conversation.targets,
    personName: contact?.displayName ?? conversation.preview?.authorName ?? '',
    warnAt: running?.warnAt ?? null,
    policyName: policy?.name ?? null,
    afterHours: afterHoursOf(policy, nowIso),
    team: teamOf(db, conversation),
  };
}

function teamOf(db: ReplylineDb, conversation: Conversation): ConversationTeam | null {
  const team = teams.get(db)?.() ?? null;
  return team ? conversationTeam(conversation, team) : null;
}

/** The tab's conversations, those waiting on us first; a busy inbox page shows at most a few. */
async function conversationsOf(db: ReplylineDb, tab: TabState, nowIso: string): Promise<ConversationView[]> {
  const found = await Promise.all(tab.conversationIds.map((id) => conversations.get(db, id)));
  const rank = { waiting: 0, snoozed: 1, open: 2, resolved: 3 } as const;
  const present = found.filter((conversation): conversation is Conversation => conversation !== undefined);
  present.sort((a, b) => rank[a.status] - rank[b.status] || (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
  return Promise.all(present.slice(0, PANEL_CONVERSATIONS).map((conversation) => conversationView(db, conversation, nowIso)));
}

const PANEL_CONVERSATIONS = 5;

/** Every tag in use, once per spelling-without-case, under the spelling first given (oldest contact first). */
/** The tags in use, each once: the distinct keys of the contacts' tag index (no contact is read). */
export async function knownTags(db: ReplylineDb): Promise<string[]> {
  const tags: string[] = [];
  let cursor = await db.transaction('contacts').store.index('by-tag').openKeyCursor(null, 'nextunique');
  while (cursor) {
    tags.push(cursor.key);
    cursor = await cursor.continue();
  }
  return uniqueTags(tags);
}

export async function panelView(db: ReplylineDb, tab: TabState | null, nowIso: string): Promise<PanelView> {
  if (!tab) return { page: null, person: null, self: null, contact: null, notes: [], conversations: [], canTrack: false, knownTags: [] };
  const contact = tab.contactId ? await contacts.get(db, tab.contactId) : undefined;
  return {
    page: tab.page,
    person: tab.person,
    self: tab.self,
    contact: contact ? await contactView(db, contact) : null,
    notes: contact ? (await notesOf(db, contact.id)).map(noteView) : [],
    conversations: await conversationsOf(db, tab, nowIso),
    canTrack: tab.trackable !== null,
    knownTags: contact ? await knownTags(db) : [],
  };
}
