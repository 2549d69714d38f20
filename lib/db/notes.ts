import { noteSchema, type Note } from '@/lib/model';
import type { ReplylineDb } from './open';
import { createRepository } from './repository';

export const notes = createRepository('notes', noteSchema);

/** A contact's notes, newest first, without tombstones. */
export async function notesOf(db: ReplylineDb, contactId: string): Promise<Note[]> {
  const range = IDBKeyRange.bound([contactId, ''], [contactId, '\uffff']);
  const values: unknown[] = await db.getAllFromIndex('notes', 'by-contact', range);
  return values
    .map(notes.parse)
    .filter((note) => !note.deletedAt)
    .reverse();
}
