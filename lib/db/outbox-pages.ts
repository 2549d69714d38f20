import { unwrap, type IDBPObjectStore, type StoreNames } from 'idb';
import { z } from 'zod';
import type { SyncedStoreName } from '@/lib/model';
import type { OutboxEntry } from '@/lib/sync/outbox-entry';
import type { ReplylineSchema } from './schema';

/**
 * A page of the outbox: many records' entries in one stored value, so that a bulk write (an import)
 * stores a few hundred values for its outbox instead of one per record. Each entry keeps its own seq:
 * the page reserves the key range [firstSeq, seq] (its own key is its last entry's seq), so an entry is
 * acknowledged, coalesced away or quarantined by its seq as if it were a row of its own.
 * `records` lists the page's records for the by-page-record index (one entry per record, as everywhere).
 */
export interface OutboxPage {
  seq: number;
  firstSeq: number;
  entries: OutboxEntry[];
  records: Array<[SyncedStoreName, string]>;
}

/** A stored outbox value: one record's entry, or a page of them (or, from older versions or damage, anything). */
export type OutboxRow = OutboxEntry | OutboxPage;

/** Entries per page: the push's batch, so that an imported page is usually acknowledged whole. */
export const OUTBOX_PAGE_SIZE = 500;

const pageShapeSchema = z.object({
  seq: z.number().int().positive(),
  firstSeq: z.number().int().positive(),
  entries: z.array(z.unknown()),
});

/** The page a stored value is, with its entries unchecked (each is read by the wire's schema on its own), or null. */
export function asPage(value: unknown): { seq: number; firstSeq: number; entries: unknown[] } | null {
  if (typeof value !== 'object' || value === null || !('firstSeq' in value)) return null;
  const parsed = pageShapeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type OutboxStore<Tx extends ArrayLike<StoreNames<ReplylineSchema>>> = IDBPObjectStore<ReplylineSchema, Tx, 'outbox', 'readwrite'>;

/** [firstSeq, lastSeq] of every page, from the by-page index's keys alone (pages are few: one per 500 bulk entries). */
export async function pageRanges<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(
  outbox: IDBPObjectStore<ReplylineSchema, Tx, 'outbox', 'readonly' | 'readwrite'>,
): Promise<Array<[number, number]>> {
  const ranges: Array<[number, number]> = [];
  let cursor = await outbox.index('by-page').openKeyCursor();
  while (cursor) {
    ranges.push([cursor.key, cursor.primaryKey]);
    cursor = await cursor.continue();
  }
  return ranges;
}

/** The entries as pages, under keys reserved from the outbox's key generator (so no seq is ever reused). */
export async function addPages<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // The generator's next key, taken by a placeholder: later keys (explicit or generated) are all higher.
  const base = await outbox.add({ reserving: true } as unknown as OutboxRow);
  const writes: Promise<unknown>[] = [outbox.delete(base)];
  for (let start = 0; start < entries.length; start += OUTBOX_PAGE_SIZE) {
    const chunk = entries.slice(start, start + OUTBOX_PAGE_SIZE).map((entry, index) => ({ ...entry, seq: base + start + index }));
    const page: OutboxPage = {
      seq: base + start + chunk.length - 1,
      firstSeq: base + start,
      entries: chunk,
      records: chunk.map((entry) => [entry.store, entry.recordId]),
    };
    // An explicit key above the generator moves it past the page's range.
    writes.push(outbox.put(page));
  }
  await Promise.all(writes);
}

/**
 * Pages being edited in one transaction, read once: a bulk write that coalesces many records of one
 * page edits it in memory and writes it once (`deferred`), a single write writes it at once.
 */
class PageEdits {
  private readonly pages = new Map<number, Promise<OutboxPage | undefined>>();
  private readonly dirty = new Set<number>();

  read<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>, key: number): Promise<OutboxPage | undefined> {
    let page = this.pages.get(key);
    if (!page) {
      page = outbox.get(key).then((value) => (asPage(value) === null ? undefined : (value as OutboxPage)));
      this.pages.set(key, page);
    }
    return page;
  }

  async takeRecord<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(
    outbox: OutboxStore<Tx>,
    key: number,
    store: SyncedStoreName,
    recordId: string,
    deferred: boolean,
  ): Promise<OutboxEntry[]> {
    const page = await this.read(outbox, key);
    if (!page) return [];
    const taken = page.entries.filter((entry) => entry.store === store && entry.recordId === recordId);
    if (taken.length === 0) return [];
    page.entries = page.entries.filter((entry) => !(entry.store === store && entry.recordId === recordId));
    page.records = page.records.filter(([pageStore, pageRecord]) => !(pageStore === store && pageRecord === recordId));
    if (deferred) this.dirty.add(key);
    else await this.write(outbox, key, page);
    return taken;
  }

  async dropSeqs<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>, key: number, seqs: ReadonlySet<number>): Promise<void> {
    const page = await this.read(outbox, key);
    if (!page) {
      // A damaged page (reported by its own seq) goes whole.
      if (seqs.has(key)) await outbox.delete(key);
      return;
    }
    page.entries = page.entries.filter((entry) => !seqs.has(typeof entry.seq === 'number' ? entry.seq : key));
    const left = new Set(page.entries.map((entry) => `${entry.store}\u0000${entry.recordId}`));
    page.records = page.records.filter(([store, recordId]) => left.has(`${store}\u0000${recordId}`));
    await this.write(outbox, key, page);
  }

  async flush<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>): Promise<void> {
    const keys = [...this.dirty];
    this.dirty.clear();
    await Promise.all(
      keys.map(async (key) => {
        const page = await this.read(outbox, key);
        if (page) await this.write(outbox, key, page);
      }),
    );
  }

  private write<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>, key: number, page: OutboxPage): Promise<unknown> {
    this.dirty.delete(key);
    // A page keeps its reserved range while it holds an entry; an empty one goes.
    return page.entries.length === 0 ? outbox.delete(key) : outbox.put({ ...page, entries: [...page.entries], records: [...page.records] });
  }
}

const editsByTx = new WeakMap<IDBTransaction, PageEdits>();

/** The page edits of the outbox store's transaction. */
export function pageEditsOf<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>): PageEdits {
  const transaction = unwrap(outbox).transaction;
  let edits = editsByTx.get(transaction);
  if (!edits) {
    edits = new PageEdits();
    editsByTx.set(transaction, edits);
  }
  return edits;
}

/**
 * Takes every entry waiting for a record out of the outbox (its own row, and its place in any page),
 * oldest first, for the caller to merge into one new entry in the same transaction.
 */
export async function takeWaiting<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(
  outbox: OutboxStore<Tx>,
  store: SyncedStoreName,
  recordId: string,
  deferred = false,
): Promise<OutboxEntry[]> {
  const [rows, pageKeys] = await Promise.all([
    outbox.index('by-record').getAll([store, recordId]),
    outbox.index('by-page-record').getAllKeys([store, recordId]),
  ]);
  const edits = pageEditsOf(outbox);
  const fromPages = (await Promise.all(pageKeys.map((key) => edits.takeRecord(outbox, key, store, recordId, deferred)))).flat();
  await Promise.all(rows.flatMap((row) => (row.seq === undefined ? [] : [outbox.delete(row.seq)])));
  return [...fromPages, ...(rows as OutboxEntry[])].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Removes the entries with these seqs (acknowledged or quarantined), whether each is a row of its own or
 * sits in a page; a seq already gone (coalesced into a newer entry meanwhile) is left alone.
 */
export async function dropFromOutbox<Tx extends ArrayLike<StoreNames<ReplylineSchema>>>(outbox: OutboxStore<Tx>, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  const ranges = await pageRanges(outbox);
  const byPage = new Map<number, Set<number>>();
  const rows: number[] = [];
  for (const seq of seqs) {
    const range = ranges.find(([first, last]) => first <= seq && seq <= last);
    if (range === undefined) rows.push(seq);
    else byPage.set(range[1], (byPage.get(range[1]) ?? new Set()).add(seq));
  }
  const edits = pageEditsOf(outbox);
  await Promise.all([...rows.map((seq) => outbox.delete(seq)), ...[...byPage].map(([key, dropped]) => edits.dropSeqs(outbox, key, dropped))]);
}
