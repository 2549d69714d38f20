import { contactSchema, type Contact, type Identity, type Person, type Site } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { ReplylineDb } from './open';
import { identities } from './identities';
import { createRepository } from './repository';

export const contacts = createRepository('contacts', contactSchema);
/**
 * The contact behind a person seen on a site: found by (site, handle), or created with its identity.
 * What the page shows (name, headline, photo) refreshes the stored copy; the first sighting is kept.
 */
export async function recordSighting(
  db: ReplylineDb,
  site: Site,
  person: Person,
  clock: ReplicaClock,
): Promise<{ contact: Contact; identity: Identity; created: boolean }> {
  const tx = contacts.startWrite(db, ['identities']);
  const now = clock.nowIso();
  const found: unknown = await tx.objectStore('identities').index('by-site-handle').get([site, person.handle]);
  const existing = found === undefined ? undefined : identities.parse(found);

  if (existing && !existing.deletedAt) {
    const contact = await contacts.updateIn(
      tx,
      existing.contactId,
      { ...pageFacts(person), lastSeenAt: now },
      clock,
    );
    const identity = await identities.updateIn(
      tx,
      existing.id,
      { profileUrl: person.profileUrl, displayName: person.displayName },
      clock,
    );
    await tx.done;
    return { contact, identity, created: false };
  }

  const contact = await contacts.createIn(
    tx,
    {
      displayName: person.handle,
      ...pageFacts(person),
      stage: 'new',
      tags: [],
      firstSeenAt: now,
      lastSeenAt: now,
    },
    clock,
  );
  const identity = await identities.createIn(
    tx,
    { contactId: contact.id, site, handle: person.handle, profileUrl: person.profileUrl, displayName: person.displayName },
    clock,
  );
  await tx.done;
  return { contact, identity, created: true };
}

function pageFacts(person: Person): Partial<Pick<Contact, 'displayName' | 'headline' | 'avatarUrl'>> {
  return {
    ...(person.displayName ? { displayName: person.displayName } : {}),
    ...(person.headline ? { headline: person.headline } : {}),
    ...(person.avatarUrl ? { avatarUrl: person.avatarUrl } : {}),
  };
}

/** Most recently seen first. */
export async function recentContacts(db: ReplylineDb, limit: number): Promise<Contact[]> {
  const result: Contact[] = [];
  let cursor = await db.transaction('contacts').store.index('by-last-seen').openCursor(null, 'prev');
  while (cursor && result.length < limit) {
    const contact = contacts.parse(cursor.value);
    if (!contact.deletedAt) result.push(contact);
    cursor = await cursor.continue();
  }
  return result;
}
