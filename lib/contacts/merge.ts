import type { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import { followUps } from '@/lib/db/follow-ups';
import { identities } from '@/lib/db/identities';
import { notes } from '@/lib/db/notes';
import type { ReplylineDb } from '@/lib/db/open';
import { writeRecord, type WriteTransaction } from '@/lib/db/write';
import { RecordNotFoundError, type Contact } from '@/lib/model';
import { mergedFields } from './merge-fields';

export class MergeRefusedError extends Error {}

export interface MergeOutcome {
  contact: Contact;
  /** Records written (0 when the merge had already happened). */
  written: number;
}

/**
 * Folds `foldedId` into `keptId` in one transaction: the kept contact takes both identities, the notes,
 * conversations and check-ins of the other, and the merged facts; the other is tombstoned and remembers
 * where it went. Every change is an ordinary record write, so it reaches the outbox and syncs; running
 * it again (here or on a replica that has synced it) writes nothing.
 */
export async function mergeContacts(db: ReplylineDb, clock: ReplicaClock, keptId: string, foldedId: string): Promise<MergeOutcome> {
  if (keptId === foldedId) throw new MergeRefusedError('A contact cannot be merged with itself');
  const tx = contacts.startWrite(db, ['identities', 'notes', 'conversations', 'followUps']);
  const kept = await readContact(tx, keptId);
  const folded = await readContact(tx, foldedId);
  if (!kept || kept.deletedAt) throw new RecordNotFoundError('contacts', keptId);
  if (!folded) throw new RecordNotFoundError('contacts', foldedId);
  if (folded.deletedAt) {
    await tx.done;
    if (folded.mergedInto === keptId) return { contact: kept, written: 0 };
    throw new RecordNotFoundError('contacts', foldedId);
  }

  let written = 0;
  const write = async <T extends { id: string }>(store: Parameters<typeof writeRecord>[1], next: T, previous: T) => {
    // writeRecord returns the previous record itself when nothing differs.
    const stored = await writeRecord(tx, store, next as never, previous as never, clock);
    if (stored !== (previous as unknown)) written += 1;
  };

  const now = clock.nowIso();
  const mergedContact = contacts.parse({ ...kept, ...mergedFields(kept, folded) });
  await write('contacts', mergedContact, kept);
  for (const value of await tx.objectStore('identities').index('by-contact').getAll(foldedId)) {
    const identity = identities.parse(value);
    if (!identity.deletedAt) await write('identities', { ...identity, contactId: keptId }, identity);
  }
  const noteRange = IDBKeyRange.bound([foldedId, ''], [foldedId, '\uffff']);
  for (const value of await tx.objectStore('notes').index('by-contact').getAll(noteRange)) {
    const note = notes.parse(value);
    if (!note.deletedAt) await write('notes', { ...note, contactId: keptId }, note);
  }
  for (const value of await tx.objectStore('conversations').index('by-contact').getAll(foldedId)) {
    const conversation = conversations.parse(value);
    if (!conversation.deletedAt) await write('conversations', { ...conversation, contactId: keptId }, conversation);
  }
  for (const value of await tx.objectStore('followUps').index('by-contact').getAll(foldedId)) {
    const followUp = followUps.parse(value);
    if (!followUp.deletedAt) await write('followUps', { ...followUp, contactId: keptId }, followUp);
  }
  await write('contacts', { ...folded, mergedInto: keptId, deletedAt: now }, folded);
  await tx.done;
  return { contact: mergedContact, written };
}

async function readContact(tx: WriteTransaction, id: string): Promise<Contact | undefined> {
  const value: unknown = await tx.objectStore('contacts').get(id);
  return value === undefined ? undefined : contacts.parse(value);
}
