import type { Contact, Conversation, Message, SlaPolicy } from '@/lib/model';
import type { CapturedThread } from '@/lib/conversations/threads-from-page';
import { excerptFingerprint, isExcerpt, messageFingerprints } from '@/lib/conversations/fingerprint';
import { blankConversation } from '@/lib/conversations/blank';
import { nextConversationState } from '@/lib/conversations/next-state';
import type { ReplicaClock } from './clock';
import { naturalId } from './natural-id';
import { contacts, ensureContactIn } from './contacts';
import { conversations } from './conversations';
import { messages } from './messages';
import type { ReplylineDb } from './open';
import { slaPolicies } from './sla-policies';
import type { WriteTransaction } from './write';

const CAPTURE_STORES = ['conversations', 'messages', 'contacts', 'identities'] as const;

interface PreparedMessage {
  fingerprint: string;
  message: CapturedThread['messages'][number];
}

/** Sites trim and re-space what was typed; the words stay. */
function sameWords(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

async function prepare(thread: CapturedThread): Promise<PreparedMessage[]> {
  if (thread.source === 'inbox-row') {
    return Promise.all(thread.messages.map(async (message) => ({ fingerprint: await excerptFingerprint(thread.threadKey, message), message })));
  }
  const fingerprints = await messageFingerprints(thread.messages);
  return thread.messages.map((message, index) => ({ fingerprint: fingerprints[index] ?? '', message }));
}

export async function messagesOfIn(tx: WriteTransaction, conversationId: string): Promise<Message[]> {
  const range = IDBKeyRange.bound([conversationId, ''], [conversationId, '\uffff']);
  const values: unknown[] = await tx.objectStore('messages').index('by-conversation').getAll(range);
  return values.map(messages.parse).filter((message) => !message.deletedAt);
}

/**
 * A private conversation that continues a public one (Move to DM) carries the customer's public
 * messages from before the hand-off: its clocks run from when they first wrote, not from the DM.
 */
async function carriedOver(tx: WriteTransaction, conversation: Conversation): Promise<Message[]> {
  if (!conversation.linkedConversationId || conversation.events.some((event) => event.type === 'handed-off')) return [];
  const value: unknown = await tx.objectStore('conversations').get(conversation.linkedConversationId);
  const origin = value === undefined ? undefined : conversations.parse(value);
  const handOff = origin?.events.findLast((event) => event.type === 'handed-off');
  if (!origin || origin.linkedConversationId !== conversation.id || !handOff) return [];
  return (await messagesOfIn(tx, origin.id)).filter((message) => message.direction === 'in' && message.at <= handOff.at);
}

/** Recomputes status and clocks inside the caller's transaction; writes only when something changed. */
export async function refreshConversationIn(
  tx: WriteTransaction,
  conversation: Conversation,
  policies: readonly SlaPolicy[],
  clock: ReplicaClock,
): Promise<Conversation> {
  const stored = [...(await carriedOver(tx, conversation)), ...(await messagesOfIn(tx, conversation.id))];
  const contactValue: unknown = conversation.contactId ? await tx.objectStore('contacts').get(conversation.contactId) : undefined;
  const contact: Contact | undefined = contactValue === undefined ? undefined : contacts.parse(contactValue);
  const derived = nextConversationState(conversation, stored, policies, contact, clock.nowIso());
  return conversations.updateIn(tx, conversation.id, derived, clock);
}

async function findThread(tx: WriteTransaction, thread: CapturedThread): Promise<Conversation | undefined> {
  const value: unknown = await tx.objectStore('conversations').index('by-thread').get([thread.site, thread.threadKey]);
  const found = value === undefined ? undefined : conversations.parse(value);
  return found && !found.deletedAt ? found : undefined;
}

/** Adds what the page shows that we have not stored; answers the new messages from them. */
async function storeNewMessages(
  tx: WriteTransaction,
  conversation: Conversation,
  thread: CapturedThread,
  prepared: readonly PreparedMessage[],
  clock: ReplicaClock,
): Promise<Message[]> {
  const existing = await messagesOfIn(tx, conversation.id);
  if (thread.source === 'thread') {
    for (const excerpt of existing.filter((message) => isExcerpt(message.fingerprint))) {
      await messages.removeIn(tx, excerpt.id, clock);
    }
  } else if (existing.at(-1)?.direction === 'in') {
    return []; // already waiting on us: the row's excerpt is that same wait
  }
  const known = new Set(existing.map((message) => message.fingerprint));
  const acknowledgements = conversation.events.filter((event) => event.type === 'acknowledged').map((event) => sameWords(event.detail ?? ''));
  const inbound: Message[] = [];
  for (const { fingerprint, message } of prepared) {
    if (known.has(fingerprint)) continue;
    const already: unknown = await tx.objectStore('messages').index('by-fingerprint').get([conversation.id, fingerprint]);
    if (already !== undefined) continue;
    const created = await messages.createIn(
      tx,
      {
        conversationId: conversation.id,
        direction: message.direction,
        authorHandle: message.author.handle.slice(0, 200),
        authorName: message.author.displayName.slice(0, 200),
        text: message.text.slice(0, 50_000),
        at: message.at ?? clock.nowIso(),
        fingerprint,
        ...(message.direction === 'out' && acknowledgements.includes(sameWords(message.text)) ? { autoAck: true } : {}),
      },
      clock,
      naturalId('message', conversation.id, fingerprint),
    );
    if (created.direction === 'in') inbound.push(created);
  }
  return inbound;
}

function latestOf(inbound: readonly Message[]): string | null {
  let latest: string | null = null;
  for (const message of inbound) if (latest === null || message.at > latest) latest = message.at;
  return latest;
}

/**
 * Priority and owner from what just arrived (issue 14.3): called with the customer's new messages and the
 * contact's tags; answers the fields to change (with their events), or null.
 */
export type CaptureRouter = (
  conversation: Conversation,
  newInbound: readonly Message[],
  contactTags: readonly string[],
) => (Pick<Conversation, 'events'> & Partial<Pick<Conversation, 'priority' | 'ownerId'>>) | null;

async function routeIn(tx: WriteTransaction, conversation: Conversation, inbound: readonly Message[], route: CaptureRouter, clock: ReplicaClock) {
  const contactValue: unknown = conversation.contactId ? await tx.objectStore('contacts').get(conversation.contactId) : undefined;
  const tags = contactValue === undefined ? [] : contacts.parse(contactValue).tags;
  const patch = route(conversation, inbound, tags);
  return patch ? conversations.updateIn(tx, conversation.id, patch, clock) : conversation;
}

/**
 * Stores the conversations a page shows: one conversation per thread (found again by site and thread
 * key), each message once, and the clocks recomputed. A new message from them ends a snooze and
 * reopens a resolved conversation.
 */
export async function captureThreads(
  db: ReplylineDb,
  threads: readonly CapturedThread[],
  clock: ReplicaClock,
  route?: CaptureRouter,
): Promise<Conversation[]> {
  if (threads.length === 0) return [];
  const policies = await slaPolicies.all(db);
  const prepared = await Promise.all(threads.map(prepare));
  const tx = conversations.startWrite(db, CAPTURE_STORES.filter((store) => store !== 'conversations'));
  const result: Conversation[] = [];
  for (const [index, thread] of threads.entries()) {
    let conversation = await findThread(tx, thread);
    if (!conversation) {
      if (thread.source === 'inbox-row' && thread.messages.length === 0) continue;
      const contact = thread.person ? await ensureContactIn(tx, thread.site, thread.person, clock) : undefined;
      const fields = blankConversation({ ...thread, contactId: contact?.id ?? null });
      conversation = await conversations.createIn(tx, fields, clock, naturalId('conversation', thread.site, thread.threadKey));
    }
    const inbound = await storeNewMessages(tx, conversation, thread, prepared[index] ?? [], clock);
    const latestInbound = latestOf(inbound);
    if (latestInbound) conversation = await afterNewInbound(tx, conversation, latestInbound, clock);
    if (route && inbound.length > 0) conversation = await routeIn(tx, conversation, inbound, route, clock);
    result.push(await refreshConversationIn(tx, conversation, policies, clock));
  }
  await tx.done;
  return result;
}

/** A message written after a snooze or a resolution (not an old one seen late) wakes the conversation. */
async function afterNewInbound(tx: WriteTransaction, conversation: Conversation, sentAt: string, clock: ReplicaClock): Promise<Conversation> {
  const at = clock.nowIso();
  const events = [...conversation.events];
  const lastSnooze = conversation.events.findLast((event) => event.type === 'snoozed');
  if (conversation.status === 'snoozed' && (!lastSnooze || sentAt > lastSnooze.at)) events.push({ type: 'unsnoozed', at, detail: 'new message' });
  if (conversation.status === 'resolved' && sentAt > (conversation.resolvedAt ?? '')) events.push({ type: 'reopened', at, detail: 'new message' });
  if (events.length === conversation.events.length) return conversation;
  return conversations.updateIn(tx, conversation.id, { events, snoozedUntil: null }, clock);
}
