import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { identitiesOf } from '@/lib/db/identities';
import { notesOf } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import { RecordNotFoundError, type Contact, type Note } from '@/lib/model';
import type { ContactDetail, HistoryEntry } from '@/lib/views/contacts';

/** The importer keeps a phone number in a note ("Phone: …") for contacts stored before they had the field. */
const IMPORTED_PHONE = /^Phone: (.+)$/m;

export function knownPhone(contact: Contact, notes: readonly Note[]): string | null {
  if (contact.phone) return contact.phone;
  for (const note of notes) {
    const found = IMPORTED_PHONE.exec(note.body);
    if (found?.[1]) return found[1].trim();
  }
  return null;
}

/** Everything known about a contact, across its sites: facts, and a timeline newest first. */
export async function contactDetail(db: ReplylineDb, contactId: string): Promise<ContactDetail> {
  const contact = await contacts.get(db, contactId);
  if (!contact) throw new RecordNotFoundError('contacts', contactId);
  const [ids, notes, convos] = await Promise.all([
    identitiesOf(db, contactId),
    notesOf(db, contactId),
    db.getAllFromIndex('conversations', 'by-contact', contactId),
  ]);
  const history: HistoryEntry[] = [
    ...notes.map((note): HistoryEntry => ({ kind: 'note', at: note.createdAt, id: note.id, body: note.body })),
    ...convos
      .map((value: unknown) => conversations.parse(value))
      .filter((conversation) => !conversation.deletedAt)
      .map(
        (conversation): HistoryEntry => ({
          kind: 'conversation',
          at: conversation.preview?.at ?? conversation.createdAt,
          id: conversation.id,
          site: conversation.site,
          conversationKind: conversation.kind,
          status: conversation.status,
          url: conversation.url,
          preview: conversation.preview?.text ?? null,
        }),
      ),
    ...(contact.stageHistory ?? []).map((change): HistoryEntry => ({ kind: 'stage', at: change.at, stage: change.stage })),
    ...ids.map(
      (identity): HistoryEntry => ({ kind: 'identity', at: identity.createdAt, site: identity.site, handle: identity.handle, profileUrl: identity.profileUrl }),
    ),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return {
    id: contact.id,
    displayName: contact.displayName,
    headline: contact.headline ?? null,
    company: contact.company ?? null,
    position: contact.position ?? null,
    email: contact.email ?? null,
    phone: knownPhone(contact, notes),
    stage: contact.stage,
    tags: contact.tags,
    identities: ids.map(({ site, handle, profileUrl }) => ({ site, handle, profileUrl })),
    firstSeenAt: contact.firstSeenAt,
    lastSeenAt: contact.lastSeenAt,
    history,
  };
}
