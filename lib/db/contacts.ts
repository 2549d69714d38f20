import { contactSchema, type Contact, type Identity, type Person, type Site } from '@/lib/model';
import type { ReplicaClock } from './clock';
import type { WriteTransaction } from './write';
import type { ReplylineDb } from './open';
import { identities } from './identities';
import { naturalId } from './natural-id';
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

  const { contact, identity } = await createContactWithIdentity(tx, site, person, clock);
  await tx.done;
  return { contact, identity, created: true };
}

/**
 * A new contact (stage new) with its first identity. Both ids come from (site, handle), so a teammate
 * meeting the same person makes the same records and sync merges them.
 */
async function createContactWithIdentity(tx: WriteTransaction, site: Site, person: Person, clock: ReplicaClock) {
  const now = clock.nowIso();
  const contact = await contacts.createIn(
    tx,
    { displayName: person.handle, ...pageFacts(person), stage: 'new', tags: [], firstSeenAt: now, lastSeenAt: now },
    clock,
    naturalId('contact', site, person.handle),
  );
  const identity = await identities.createIn(
    tx,
    { contactId: contact.id, site, handle: person.handle, profileUrl: person.profileUrl, displayName: person.displayName },
    clock,
    naturalId('identity', site, person.handle),
  );
  return { contact, identity };
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

/**
 * The contact behind a person, created (stage new) when first met, inside the caller's transaction.
 * Unlike a sighting it does not touch a known contact: a conversation listed in an inbox is not a visit.
 */
export async function ensureContactIn(tx: WriteTransaction, site: Site, person: Person, clock: ReplicaClock): Promise<Contact> {
  const found: unknown = await tx.objectStore('identities').index('by-site-handle').get([site, person.handle]);
  const existing = found === undefined ? undefined : identities.parse(found);
  if (existing && !existing.deletedAt) {
    const contact: unknown = await tx.objectStore('contacts').get(existing.contactId);
    if (contact !== undefined) return contacts.parse(contact);
  }
  return (await createContactWithIdentity(tx, site, person, clock)).contact;
}
