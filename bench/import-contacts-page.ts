/**
 * The page side of import-contacts-chromium.ts: bundled by esbuild and run in Chromium, where
 * IndexedDB is the browser's own. Exposes one function on window.
 */
import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import { importContacts } from '@/lib/import/apply';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';

async function runImportBench(csv: string, name: string) {
  const db = await openReplylineDb(name);
  const clock = await ReplicaClock.load(db);
  let start = performance.now();
  const { rows, errors } = linkedInImportRows(csv);
  const parseMs = performance.now() - start;
  start = performance.now();
  const first = await importContacts(db, clock, rows);
  const importMs = performance.now() - start;
  start = performance.now();
  const second = await importContacts(db, clock, linkedInImportRows(csv).rows);
  const secondImportMs = performance.now() - start;
  const counts = { contacts: await db.count('contacts'), identities: await db.count('identities'), outbox: await db.count('outbox') };
  const rawPutsMs = await rawPutFloor(db, `${name}-raw`);
  db.close();
  return { parseMs, importMs, secondImportMs, rawPutsMs, rows: rows.length, errors: errors.length, created: first.created, skipped: second.skipped, counts };
}

/**
 * The floor under importMs: the same records and outbox entries the import wrote, put into a fresh
 * database in one transaction with no code of ours around them (no parsing, matching or stamping).
 */
async function rawPutFloor(source: ReplylineDb, name: string): Promise<number> {
  const [contacts, identities, outbox] = await Promise.all([source.getAll('contacts'), source.getAll('identities'), source.getAll('outbox')]);
  const target = await openReplylineDb(name);
  const start = performance.now();
  const tx = target.transaction(['contacts', 'identities', 'outbox'], 'readwrite');
  for (let index = 0; index < contacts.length; index += 1) {
    void tx.objectStore('contacts').put(contacts[index]!);
    void tx.objectStore('outbox').add(withoutSeq(outbox[2 * index]!));
    void tx.objectStore('identities').put(identities[index]!);
    void tx.objectStore('outbox').add(withoutSeq(outbox[2 * index + 1]!));
  }
  await tx.done;
  const elapsed = performance.now() - start;
  target.close();
  return elapsed;
}

function withoutSeq(entry: OutboxEntry): OutboxEntry {
  const copy = { ...entry };
  delete copy.seq;
  return copy;
}

Object.assign(window, { runImportBench });
