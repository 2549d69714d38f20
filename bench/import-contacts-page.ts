/**
 * The page side of import-contacts-chromium.ts: bundled by esbuild and run in Chromium, where
 * IndexedDB is the browser's own. Exposes one object on window whose phases the runner calls one at a
 * time, so that it can read Chromium's CPU time around each.
 */
import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb, type ReplylineDb } from '@/lib/db/open';
import { outboxSize } from '@/lib/db/outbox';
import { importContacts } from '@/lib/import/apply';
import { linkedInImportRows } from '@/lib/import/linkedin-rows';
import type { ImportRow } from '@/lib/import/import-row';

interface Run {
  db: ReplylineDb;
  clock: ReplicaClock;
  csv: string;
  rows: ImportRow[];
}

let current: Run | null = null;

function run(): Run {
  if (!current) throw new Error('open a run first');
  return current;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const importBench = {
  async open(csv: string, name: string): Promise<void> {
    const db = await openReplylineDb(name);
    current = { db, clock: await ReplicaClock.load(db), csv, rows: [] };
  },
  async parse(): Promise<{ ms: number; rows: number; errors: number }> {
    const { ms, value } = await timed(async () => linkedInImportRows(run().csv));
    run().rows = value.rows;
    return { ms, rows: value.rows.length, errors: value.errors.length };
  },
  async importFirst(): Promise<{ ms: number; created: number }> {
    const { ms, value } = await timed(() => importContacts(run().db, run().clock, run().rows));
    return { ms, created: value.created };
  },
  /** The same file again, parsed anew: nothing to write. */
  async importAgain(): Promise<{ ms: number; skipped: number }> {
    const { ms, value } = await timed(() => importContacts(run().db, run().clock, linkedInImportRows(run().csv).rows));
    return { ms, skipped: value.skipped };
  },
  async counts(): Promise<{ contacts: number; identities: number; outbox: number; outboxRows: number }> {
    const { db } = run();
    return { contacts: await db.count('contacts'), identities: await db.count('identities'), outbox: await outboxSize(db), outboxRows: await db.count('outbox') };
  },
  /**
   * The floor under importFirst: the same stored values the import wrote (records, and the outbox as
   * stored), put into a fresh database in one transaction with no code of ours around them.
   */
  async rawPuts(name: string): Promise<{ ms: number }> {
    const source = run().db;
    const [contacts, identities, outbox] = await Promise.all([source.getAll('contacts'), source.getAll('identities'), source.getAll('outbox')]);
    const target = await openReplylineDb(name);
    const { ms } = await timed(async () => {
      const tx = target.transaction(['contacts', 'identities', 'outbox'], 'readwrite');
      for (let index = 0; index < contacts.length; index += 1) {
        void tx.objectStore('contacts').put(contacts[index]!);
        void tx.objectStore('identities').put(identities[index]!);
      }
      for (const row of outbox) void tx.objectStore('outbox').put(row);
      await tx.done;
    });
    target.close();
    return { ms };
  },
  close(): void {
    current?.db.close();
    current = null;
  },
};

export type ImportBenchPage = typeof importBench;

Object.assign(window, { importBench });
