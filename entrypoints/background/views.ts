import { contacts } from '@/lib/db/contacts';
import { identitiesOf } from '@/lib/db/identities';
import { notesOf } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import type { Contact, Note } from '@/lib/model';
import { conversationsWithStatus } from '@/lib/db/conversations';
import { lastMessageOf } from '@/lib/db/messages';
import type { ContactView, NoteView, PanelView, PendingItem } from '@/lib/messaging/views';
import type { TabState } from './tab-state';

export async function contactView(db: ReplylineDb, contact: Contact): Promise<ContactView> {
  const identities = await identitiesOf(db, contact.id);
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
  };
}

export function noteView({ id, body, createdAt, updatedAt }: Note): NoteView {
  return { id, body, createdAt, updatedAt };
}

export async function panelView(db: ReplylineDb, tab: TabState | null): Promise<PanelView> {
  if (!tab) return { page: null, person: null, contact: null, notes: [] };
  const contact = tab.contactId ? await contacts.get(db, tab.contactId) : undefined;
  return {
    page: tab.page,
    person: tab.person,
    contact: contact ? await contactView(db, contact) : null,
    notes: contact ? (await notesOf(db, contact.id)).map(noteView) : [],
  };
}

/** Conversations waiting on us, the nearest deadline first (those without one last). */
export async function pendingItems(db: ReplylineDb): Promise<PendingItem[]> {
  const waiting = await conversationsWithStatus(db, 'waiting');
  const items = await Promise.all(
    waiting.map(async (conversation): Promise<PendingItem> => {
      const contact = conversation.contactId ? await contacts.get(db, conversation.contactId) : undefined;
      const last = await lastMessageOf(db, conversation.id);
      return {
        conversationId: conversation.id,
        site: conversation.site,
        personName: contact?.displayName ?? last?.authorName ?? '',
        excerpt: last?.text.slice(0, 200) ?? '',
        url: conversation.url,
        dueAt: conversation.dueAt,
      };
    }),
  );
  return items.sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff'));
}
