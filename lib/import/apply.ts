/**
 * Writes imported rows as contacts, identities and notes in ONE transaction: the import lands
 * whole or not at all. A person already known (by site and handle, else by e-mail address) is
 * updated where the file says something new; a second import of the same file writes nothing.
 */
import { z } from 'zod';
import type { ReplicaClock } from '@/lib/db/clock';
import { contacts } from '@/lib/db/contacts';
import { identities } from '@/lib/db/identities';
import { naturalId } from '@/lib/db/natural-id';
import { notes } from '@/lib/db/notes';
import { abortWrite } from '@/lib/db/abort-write';
import type { ReplylineDb } from '@/lib/db/open';
import type { NewRecord } from '@/lib/db/repository';
import type { WriteTransaction } from '@/lib/db/write';
import { WriteBatch } from '@/lib/db/write-batch';
import { contactStageSchema, tagListSchema, type Contact, type Identity } from '@/lib/model';
import { uniqueTags } from '@/lib/tags/tags';
import type { CsvProblem } from './csv';
import { importRowProblem, importRowSchema, type ImportIdentity, type ImportRow } from './import-row';

export const importOptionsSchema = z.object({
  /** The stage of contacts the import creates when the row names none. */
  stage: contactStageSchema.optional(),
  /** Added to every imported contact, e.g. ['linkedin-import']. */
  tags: tagListSchema.optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export interface ImportResult {
  /** New contacts. */
  created: number;
  /** Known contacts the file changed (a field, a new identity or a new note). */
  updated: number;
  /** Known contacts the file had nothing new about. */
  skipped: number;
  /** Rows that were not imported, with their line and why. */
  errors: CsvProblem[];
}

/**
 * Imports `rows` (validated here: bad rows go to `errors`). Throws only when the database fails,
 * and then nothing of the import is left behind.
 */
export async function importContacts(
  db: ReplylineDb,
  clock: ReplicaClock,
  rows: readonly unknown[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const settings = importOptionsSchema.parse(options);
  const result: ImportResult = { created: 0, updated: 0, skipped: 0, errors: [] };
  const valid: ImportRow[] = [];
  rows.forEach((row, index) => {
    const parsed = importRowSchema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else result.errors.push({ line: lineOf(row) ?? index + 1, reason: importRowProblem(parsed.error) });
  });

  const tx = contacts.startWrite(db, ['identities', 'notes']);
  try {
    const known = await KnownPeople.load(tx);
    const batch = new WriteBatch(tx, clock);
    for (const row of valid) {
      const outcome = await importRow(tx, batch, clock, known, row, settings);
      if (typeof outcome === 'string') result[outcome] += 1;
      else result.errors.push({ line: row.line, reason: outcome.reason });
      if (batch.queued >= SETTLE_EVERY) await batch.settle();
    }
    result.errors.sort((a, b) => a.line - b.line);
    await batch.flush();
    await tx.done;
  } catch (error) {
    abortWrite(tx);
    throw error;
  }
  return result;
}

/** Queued requests waited for at a time: short queues keep every IndexedDB implementation fast. */
const SETTLE_EVERY = 256;

type Outcome = 'created' | 'updated' | 'skipped' | { reason: string };

async function importRow(
  tx: WriteTransaction,
  batch: WriteBatch,
  clock: ReplicaClock,
  known: KnownPeople,
  row: ImportRow,
  options: ImportOptions,
): Promise<Outcome> {
  const identity = row.identity === undefined ? undefined : known.identity(row.identity);
  const match =
    (identity === undefined ? undefined : known.contact(identity.contactId)) ??
    (row.email === undefined ? undefined : known.contactByEmail(row.email));

  // Checked before any write, so that a refused row leaves nothing half-written.
  const problem = rowProblem(match, row, options);
  if (problem !== undefined) return { reason: problem };

  if (match === undefined || match.deletedAt !== null) {
    const contact = createOrRevive(batch, clock, match ?? known.contact(newContactId(row)), row, options);
    known.remember(contact);
    if (row.identity !== undefined) known.rememberIdentity(linkIdentity(batch, clock, identity, contact, row.identity));
    await addNote(tx, batch, clock, contact, row);
    return 'created';
  }

  let changed = false;
  const contact = batch.write('contacts', contacts.parse({ ...match, ...contactFacts(row), tags: mergeTags(match.tags, row, options) }), match);
  if (contact !== match) {
    known.remember(contact);
    changed = true;
  }
  if (row.identity !== undefined) {
    const linked = linkIdentity(batch, clock, identity, contact, row.identity);
    if (linked !== identity) {
      known.rememberIdentity(linked);
      changed = true;
    }
  }
  if (await addNote(tx, batch, clock, contact, row)) changed = true;
  return changed ? 'updated' : 'skipped';
}

const MAX_TAGS = 50;

/** What a valid row may still break once combined with what is stored. */
function rowProblem(match: Contact | undefined, row: ImportRow, options: ImportOptions): string | undefined {
  if (mergeTags(match?.deletedAt === null ? match.tags : [], row, options).length > MAX_TAGS) {
    return `tags: a contact holds at most ${MAX_TAGS} tags`;
  }
  return undefined;
}

/** What a row says about a contact; what it leaves empty keeps its stored value. */
function contactFacts(row: ImportRow): Partial<Contact> {
  return {
    displayName: row.displayName,
    ...(row.email === undefined ? {} : { email: row.email }),
    ...(row.phone === undefined ? {} : { phone: row.phone }),
    ...(row.company === undefined ? {} : { company: row.company }),
    ...(row.position === undefined ? {} : { position: row.position }),
    ...(row.headline === undefined ? {} : { headline: row.headline }),
    ...(row.stage === undefined ? {} : { stage: row.stage }),
  };
}

function mergeTags(stored: readonly string[], row: ImportRow, options: ImportOptions): string[] {
  return uniqueTags([...stored, ...(row.tags ?? []), ...(options.tags ?? [])]);
}

function createOrRevive(
  batch: WriteBatch,
  clock: ReplicaClock,
  existing: Contact | undefined,
  row: ImportRow,
  options: ImportOptions,
): Contact {
  const now = clock.nowIso();
  const seenAt = row.firstSeenAt ?? now;
  const fields: NewRecord<Contact> = {
    displayName: row.displayName,
    stage: row.stage ?? options.stage ?? 'new',
    tags: mergeTags([], row, options),
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    ...contactFacts(row),
  };
  if (existing !== undefined) {
    // Deleted earlier (or left without its identity) and imported again: back under the same id.
    return batch.write('contacts', contacts.parse({ ...existing, ...fields, deletedAt: null }), existing);
  }
  const draft = { ...fields, id: newContactId(row), createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
  return batch.write('contacts', contacts.parse(draft), undefined);
}

/**
 * A person met on a site gets the id every replica derives from (site, handle), as recordSighting
 * gives it, so that a teammate who imports or meets the same person makes the same record.
 */
function newContactId(row: ImportRow): string {
  return row.identity === undefined ? crypto.randomUUID() : naturalId('contact', row.identity.site, row.identity.handle);
}

/** The row's identity attached to `contact`: created, revived from a tombstone, or refreshed. */
function linkIdentity(
  batch: WriteBatch,
  clock: ReplicaClock,
  stored: Identity | undefined,
  contact: Contact,
  wanted: ImportIdentity,
): Identity {
  if (stored === undefined) {
    const now = clock.nowIso();
    const draft = {
      ...wanted,
      contactId: contact.id,
      displayName: contact.displayName,
      id: naturalId('identity', wanted.site, wanted.handle),
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      stamps: {},
    };
    return batch.write('identities', identities.parse(draft), undefined);
  }
  const next = { ...stored, contactId: contact.id, profileUrl: wanted.profileUrl, displayName: contact.displayName, deletedAt: null };
  return batch.write('identities', identities.parse(next), stored);
}

/** The row's note, unless the contact already has it. */
async function addNote(tx: WriteTransaction, batch: WriteBatch, clock: ReplicaClock, contact: Contact, row: ImportRow): Promise<boolean> {
  const body = row.note;
  if (body === undefined) return false;
  const range = IDBKeyRange.bound([contact.id, ''], [contact.id, '\uffff']);
  const existing: unknown[] = await tx.objectStore('notes').index('by-contact').getAll(range);
  if (existing.map(notes.parse).some((note) => note.deletedAt === null && note.body === body)) return false;
  const now = clock.nowIso();
  const draft = { contactId: contact.id, body, id: crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };
  batch.write('notes', notes.parse(draft), undefined);
  return true;
}

/**
 * Everyone the database knows, read once at the start of the import (two requests instead of
 * two per row) and kept current as the import writes.
 */
class KnownPeople {
  private readonly identitiesByKey = new Map<string, Identity>();
  private readonly contactsById = new Map<string, Contact>();
  private readonly contactsByEmail = new Map<string, Contact>();

  static async load(tx: WriteTransaction): Promise<KnownPeople> {
    const [storedIdentities, storedContacts] = await Promise.all([
      tx.objectStore('identities').getAll() as Promise<unknown[]>,
      tx.objectStore('contacts').getAll() as Promise<unknown[]>,
    ]);
    const known = new KnownPeople();
    for (const value of storedContacts) known.remember(contacts.parse(value));
    for (const value of storedIdentities) known.rememberIdentity(identities.parse(value));
    return known;
  }

  identity(wanted: ImportIdentity): Identity | undefined {
    return this.identitiesByKey.get(identityKey(wanted.site, wanted.handle));
  }

  contact(id: string): Contact | undefined {
    return this.contactsById.get(id);
  }

  contactByEmail(email: string): Contact | undefined {
    return this.contactsByEmail.get(email.toLowerCase());
  }

  remember(contact: Contact): void {
    this.contactsById.set(contact.id, contact);
    if (contact.email !== undefined && contact.deletedAt === null) this.contactsByEmail.set(contact.email.toLowerCase(), contact);
  }

  rememberIdentity(identity: Identity): void {
    this.identitiesByKey.set(identityKey(identity.site, identity.handle), identity);
  }
}

function identityKey(site: string, handle: string): string {
  return `${site}\u0000${handle}`;
}

function lineOf(row: unknown): number | undefined {
  if (typeof row !== 'object' || row === null || !('line' in row)) return undefined;
  return typeof row.line === 'number' && Number.isInteger(row.line) && row.line > 0 ? row.line : undefined;
}

