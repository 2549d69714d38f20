/**
 * Contacts, notes and conversations as CSV for spreadsheets and other tools: one row per live
 * record (tombstones left out), columns in a fixed order, oldest record first.
 */
import type { ReplylineDb } from '@/lib/db/open';
import type { Contact, Conversation, Identity, Note, RecordBase, Site } from '@/lib/model';
import { siteSchema } from '@/lib/model';
import { toCsv, type CsvValue } from '@/lib/import/csv';

const sites: readonly Site[] = siteSchema.options;

export const contactColumns = [
  'id',
  'displayName',
  'email',
  'phone',
  'company',
  'position',
  'headline',
  'stage',
  'tags',
  ...sites.flatMap((site) => [`${site}_handle`, `${site}_url`]),
  'firstSeenAt',
  'lastSeenAt',
  'createdAt',
  'updatedAt',
] as const;

export const noteColumns = ['id', 'contactId', 'contactName', 'body', 'createdAt', 'updatedAt'] as const;

export const conversationColumns = [
  'id',
  'site',
  'kind',
  'threadKey',
  'url',
  'contactId',
  'contactName',
  'status',
  'priority',
  'dueAt',
  'waitingSince',
  'firstResponseAt',
  'resolvedAt',
  'snoozedUntil',
  'ownerId',
  'createdAt',
  'updatedAt',
] as const;

/** Several values in one cell (tags, two accounts on one site). */
const LIST_SEPARATOR = '; ';

export async function contactsCsv(db: ReplylineDb): Promise<string> {
  const tx = db.transaction(['contacts', 'identities']);
  const [contacts, identities] = await Promise.all([tx.objectStore('contacts').getAll(), tx.objectStore('identities').getAll()]);
  await tx.done;
  return contactsToCsv(contacts, identities);
}

export async function notesCsv(db: ReplylineDb): Promise<string> {
  const tx = db.transaction(['notes', 'contacts']);
  const [notes, contacts] = await Promise.all([tx.objectStore('notes').getAll(), tx.objectStore('contacts').getAll()]);
  await tx.done;
  return notesToCsv(notes, contacts);
}

export async function conversationsCsv(db: ReplylineDb): Promise<string> {
  const tx = db.transaction(['conversations', 'contacts']);
  const [conversations, contacts] = await Promise.all([
    tx.objectStore('conversations').getAll(),
    tx.objectStore('contacts').getAll(),
  ]);
  await tx.done;
  return conversationsToCsv(conversations, contacts);
}

export function contactsToCsv(contacts: readonly Contact[], identities: readonly Identity[]): string {
  const bySite = new Map<string, Identity[]>();
  for (const identity of live(identities)) {
    const key = `${identity.contactId}/${identity.site}`;
    bySite.set(key, [...(bySite.get(key) ?? []), identity]);
  }
  const rows = live(contacts).map((contact): CsvValue[] => [
    contact.id,
    contact.displayName,
    contact.email,
    contact.phone,
    contact.company,
    contact.position,
    contact.headline,
    contact.stage,
    contact.tags.join(LIST_SEPARATOR),
    ...sites.flatMap((site) => {
      const accounts = bySite.get(`${contact.id}/${site}`) ?? [];
      return [accounts.map((account) => account.handle).join(LIST_SEPARATOR), accounts.map((account) => account.profileUrl).join(LIST_SEPARATOR)];
    }),
    contact.firstSeenAt,
    contact.lastSeenAt,
    contact.createdAt,
    contact.updatedAt,
  ]);
  return toCsv([contactColumns, ...rows]);
}

export function notesToCsv(notes: readonly Note[], contacts: readonly Contact[]): string {
  const names = namesById(contacts);
  const rows = live(notes).map((note): CsvValue[] => [
    note.id,
    note.contactId,
    names.get(note.contactId),
    note.body,
    note.createdAt,
    note.updatedAt,
  ]);
  return toCsv([noteColumns, ...rows]);
}

export function conversationsToCsv(conversations: readonly Conversation[], contacts: readonly Contact[]): string {
  const names = namesById(contacts);
  const rows = live(conversations).map((conversation): CsvValue[] => [
    conversation.id,
    conversation.site,
    conversation.kind,
    conversation.threadKey,
    conversation.url,
    conversation.contactId,
    conversation.contactId === null ? undefined : names.get(conversation.contactId),
    conversation.status,
    conversation.priority,
    conversation.dueAt,
    conversation.waitingSince,
    conversation.firstResponseAt,
    conversation.resolvedAt,
    conversation.snoozedUntil,
    conversation.ownerId,
    conversation.createdAt,
    conversation.updatedAt,
  ]);
  return toCsv([conversationColumns, ...rows]);
}

/** Without tombstones, oldest first (ties by id), so that two exports of the same data are the same file. */
function live<T extends RecordBase>(records: readonly T[]): T[] {
  return records
    .filter((record) => record.deletedAt === null)
    .sort((a, b) => (a.createdAt === b.createdAt ? compare(a.id, b.id) : compare(a.createdAt, b.createdAt)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function namesById(contacts: readonly Contact[]): Map<string, string> {
  return new Map(contacts.filter((contact) => contact.deletedAt === null).map((contact) => [contact.id, contact.displayName]));
}
