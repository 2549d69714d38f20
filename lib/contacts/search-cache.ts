import { onRecordsChanged } from '@/lib/db/changes';
import { contacts } from '@/lib/db/contacts';
import { identities } from '@/lib/db/identities';
import type { ReplylineDb } from '@/lib/db/open';
import { buildContactSearchIndex, type ContactSearchIndex } from './search-index';

interface Cached {
  index: Promise<ContactSearchIndex>;
  /** The stores' record counts when built: an erase or restore that notes no change still shows. */
  counts: [number, number];
}

const caches = new WeakMap<ReplylineDb, { current: Cached | null }>();

async function counts(db: ReplylineDb): Promise<[number, number]> {
  const tx = db.transaction(['contacts', 'identities']);
  return [await tx.objectStore('contacts').count(), await tx.objectStore('identities').count()];
}

/** The search index of `db`, rebuilt after any synced write to contacts or identities. */
export async function contactSearchIndex(db: ReplylineDb): Promise<ContactSearchIndex> {
  let slot = caches.get(db);
  if (!slot) {
    const created = { current: null as Cached | null };
    onRecordsChanged(db, (change) => {
      if (change.stores.includes('contacts') || change.stores.includes('identities')) created.current = null;
    });
    caches.set(db, created);
    slot = created;
  }
  const now = await counts(db);
  const cached = slot.current;
  if (cached && cached.counts[0] === now[0] && cached.counts[1] === now[1]) return cached.index;
  const index = Promise.all([db.getAll('contacts'), db.getAll('identities')]).then(([contactValues, identityValues]) =>
    buildContactSearchIndex(
      (contactValues as unknown[]).map(contacts.parse),
      (identityValues as unknown[]).map(identities.parse),
    ),
  );
  slot.current = { index, counts: now };
  index.catch(() => {
    if (slot.current?.index === index) slot.current = null;
  });
  return index;
}
