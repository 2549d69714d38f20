import type { Conversation, ConversationEvent, Person, Priority, Site } from '@/lib/model';
import { blankConversation } from '@/lib/conversations/blank';
import type { ReplicaClock } from './clock';
import { naturalId } from './natural-id';
import { ensureContactIn } from './contacts';
import { refreshConversationIn } from './conversation-capture';
import { conversations } from './conversations';
import type { ReplylineDb } from './open';
import { slaPolicies } from './sla-policies';
import type { WriteTransaction } from './write';

const ACTION_STORES = ['messages', 'contacts', 'identities'] as const;

type Change = (conversation: Conversation, at: string) => Partial<Conversation> & { event?: ConversationEvent };

/** Applies one action and recomputes the clocks, in one transaction. */
async function act(db: ReplylineDb, conversationId: string, clock: ReplicaClock, change: Change): Promise<Conversation> {
  const policies = await slaPolicies.all(db);
  const tx = conversations.startWrite(db, ACTION_STORES);
  try {
    const current = await getIn(tx, conversationId);
    const { event, ...patch } = change(current, clock.nowIso());
    const events = event ? [...current.events, event].slice(-500) : current.events;
    const updated = await conversations.updateIn(tx, conversationId, { ...patch, events }, clock);
    const refreshed = await refreshConversationIn(tx, updated, policies, clock);
    await tx.done;
    return refreshed;
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
}

async function getIn(tx: WriteTransaction, id: string): Promise<Conversation> {
  const value: unknown = await tx.objectStore('conversations').get(id);
  const conversation = value === undefined ? undefined : conversations.parse(value);
  if (!conversation || conversation.deletedAt) throw new ConversationNotFoundError(id);
  return conversation;
}

export class ConversationNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No conversation ${id}`);
  }
}

export interface Actor {
  by?: string;
}

/** Hidden from the queue until `until`, or until they write again. */
export function snooze(db: ReplylineDb, id: string, until: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => {
    if (until <= at) throw new RangeError('A snooze must end in the future');
    return { snoozedUntil: until, event: { type: 'snoozed', at, until, ...actor } };
  });
}

export function unsnooze(db: ReplylineDb, id: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ snoozedUntil: null, event: { type: 'unsnoozed', at, ...actor } }));
}

/** Done: off the queue until they write again. */
export function resolve(db: ReplylineDb, id: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ snoozedUntil: null, event: { type: 'resolved', at, ...actor } }));
}

export function reopen(db: ReplylineDb, id: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ event: { type: 'reopened', at, ...actor } }));
}

/** We answered somewhere the page did not show us (by phone, in another tool): the response counts now. */
export function markReplied(db: ReplylineDb, id: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ event: { type: 'replied', at, ...actor } }));
}

/** The agent's choice: automatic routing never lowers it (see lib/routing/route-conversation.ts). */
export function setPriority(db: ReplylineDb, id: string, priority: Priority, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ priority, event: { type: 'prioritized', at, detail: 'hand', ...actor } }));
}

export function assign(db: ReplylineDb, id: string, ownerId: string | null, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ ownerId, event: { type: 'assigned', at, ...(ownerId ? { detail: ownerId } : {}), ...actor } }));
}

/** The after-hours acknowledgement went into the composer: its text is remembered to recognise it once sent. */
export function acknowledge(db: ReplylineDb, id: string, text: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, id, clock, (_, at) => ({ event: { type: 'acknowledged', at, detail: text.slice(0, 2000), ...actor } }));
}

/** Logs that a public conversation was taken private (Move to DM), with the hand-off record. */
export function recordHandOff(db: ReplylineDb, publicId: string, detail: string, clock: ReplicaClock, actor: Actor = {}) {
  return act(db, publicId, clock, (_, at) => ({ event: { type: 'handed-off', at, detail: detail.slice(0, 2000), ...actor } }));
}

/**
 * Links a public conversation with its private continuation, both ways, so the history and the clock
 * carry over: the private one's clocks count from the customer's public messages up to the hand-off
 * (see capture).
 */
export async function linkConversations(db: ReplylineDb, publicId: string, privateId: string, clock: ReplicaClock) {
  const linked = await act(db, publicId, clock, () => ({ linkedConversationId: privateId }));
  await act(db, privateId, clock, () => ({ linkedConversationId: publicId }));
  return linked;
}

/**
 * "Track this": any post, comment or profile becomes a conversation waiting on us from now. Tracking
 * what is already tracked reopens it rather than making a second one.
 */
export async function track(
  db: ReplylineDb,
  subject: { site: Site; threadKey: string; kind: Conversation['kind']; url: string; person: Person | undefined },
  clock: ReplicaClock,
  actor: Actor = {},
): Promise<Conversation> {
  const tx = conversations.startWrite(db, ACTION_STORES);
  const found: unknown = await tx.objectStore('conversations').index('by-thread').get([subject.site, subject.threadKey]);
  const existing = found === undefined ? undefined : conversations.parse(found);
  let id = existing && !existing.deletedAt ? existing.id : undefined;
  if (!id) {
    const contact = subject.person ? await ensureContactIn(tx, subject.site, subject.person, clock) : undefined;
    const fields = blankConversation({ ...subject, contactId: contact?.id ?? null });
    const created = await conversations.createIn(tx, fields, clock, naturalId('conversation', subject.site, subject.threadKey));
    id = created.id;
  }
  await tx.done;
  return act(db, id, clock, (_, at) => ({
    event: { type: 'tracked', at, ...actor },
  }));
}
