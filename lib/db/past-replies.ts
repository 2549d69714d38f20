/**
 * The replies we sent before (our outbound messages as read from the pages), as suggestion sources,
 * and which templates already went to a person.
 */
import type { ReplyTemplate } from '@/lib/model';
import type { PastReply } from '@/lib/replies/suggest';
import { conversations } from './conversations';
import { messages } from './messages';
import type { ReplylineDb } from './open';

/** The newest this many distinct replies are searched; older ones rarely fit today's questions. */
export const PAST_REPLY_LIMIT = 2_000;
const MIN_REPLY_CHARS = 12;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Our outbound messages, newest first, one per distinct text, each with the contact it went to. */
export async function pastReplies(db: ReplylineDb, limit = PAST_REPLY_LIMIT): Promise<PastReply[]> {
  const contactOf = new Map((await conversations.all(db)).map((conversation) => [conversation.id, conversation.contactId]));
  const outbound = (await messages.all(db))
    .filter((message) => message.direction === 'out' && message.text.trim().length >= MIN_REPLY_CHARS)
    .sort((a, b) => b.at.localeCompare(a.at));
  const seen = new Set<string>();
  const replies: PastReply[] = [];
  for (const message of outbound) {
    const key = normalise(message.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const sentTo = contactOf.get(message.conversationId);
    replies.push({ id: message.id, text: message.text, ...(sentTo ? { sentTo } : {}) });
    if (replies.length >= limit) break;
  }
  return replies;
}

/** The texts we sent to one contact, in any of their conversations. */
export async function textsSentTo(db: ReplylineDb, contactId: string): Promise<string[]> {
  const theirs = await db.getAllFromIndex('conversations', 'by-contact', contactId);
  const texts: string[] = [];
  for (const conversation of theirs) {
    const range = IDBKeyRange.bound([conversation.id, ''], [conversation.id, '\uffff']);
    for (const raw of await db.getAllFromIndex('messages', 'by-conversation', range)) {
      const message = messages.parse(raw);
      if (message.direction === 'out' && !message.deletedAt) texts.push(message.text);
    }
  }
  return texts;
}

/** The longest stretch of a template's own words between its variables: what any filled copy of it contains. */
export function templateFingerprint(body: string): string {
  const pieces = body.split(/\{\{[^}]*\}\}/).map(normalise);
  return pieces.reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

const MIN_FINGERPRINT_CHARS = 24;

/**
 * The templates whose text already went to this person: a sent message contains the template's
 * longest fixed stretch (whatever the variables were filled with). Templates too short to tell are left out.
 */
export function templatesAlreadySent(templates: readonly ReplyTemplate[], sentTexts: readonly string[]): string[] {
  const sent = sentTexts.map(normalise);
  return templates
    .filter((template) => {
      const fingerprint = templateFingerprint(template.body);
      return fingerprint.length >= MIN_FINGERPRINT_CHARS && sent.some((text) => text.includes(fingerprint));
    })
    .map((template) => template.id);
}
