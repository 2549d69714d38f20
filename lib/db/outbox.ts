import { checkMutation, type PushRejection } from '@/lib/sync/wire';
import { outboxEntrySchema, type OutboxEntry } from '@/lib/sync/outbox-entry';
import type { ReplylineDb } from './open';
import { asPage, pageRanges } from './outbox-pages';

/** An outbox row the server would refuse (queued by an older version, or stored damaged): it goes to quarantine, not to the server. */
export interface UnpushableRow {
  seq: number;
  value: unknown;
  rejection: PushRejection;
}

/** The oldest unpushed writes first (only those the wire's rules accept). */
export async function pendingOutbox(db: ReplylineDb, limit: number): Promise<OutboxEntry[]> {
  return (await readOutbox(db, limit)).entries;
}

/**
 * The oldest unpushed writes first (at most `limit`), with the rows among them that no longer pass the
 * wire's rules set apart. A page's entries are read each on its own, as if each were a row.
 */
export async function readOutbox(db: ReplylineDb, limit: number): Promise<{ entries: OutboxEntry[]; unpushable: UnpushableRow[] }> {
  const entries: OutboxEntry[] = [];
  const unpushable: UnpushableRow[] = [];
  const read = (value: unknown, seqOfRow: unknown) => {
    const parsed = outboxEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else unpushable.push(unpushableRow(value, seqOfRow, parsed.error.issues[0]?.message));
  };
  const tx = db.transaction('outbox');
  const pageKeys = (await pageRanges(tx.store)).map(([, last]) => last);
  // Rows up to the next page at a time, so that no more than one page is read beyond what is needed.
  let after: number | undefined;
  while (entries.length + unpushable.length < limit) {
    const nextPage = pageKeys.find((key) => after === undefined || key > after);
    const lower = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const range = nextPage === undefined ? lower : after === undefined ? IDBKeyRange.upperBound(nextPage) : IDBKeyRange.bound(after, nextPage, true);
    const values: unknown[] = await tx.store.getAll(range, limit - entries.length - unpushable.length);
    if (values.length === 0) {
      if (nextPage === undefined) break;
      after = nextPage;
      continue;
    }
    for (const value of values) {
      const page = asPage(value);
      if (page === null) read(value, seqOf(value));
      // An entry that lost its seq (damage) is known by its page's: dropping that seq drops it.
      else for (const entry of page.entries) if (entries.length + unpushable.length < limit) read(entry, seqOf(entry) ?? page.seq);
      after = seqOf(value) ?? after;
    }
  }
  await tx.done;
  return { entries, unpushable };
}

function seqOf(value: unknown): number | undefined {
  const seq = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).seq : undefined;
  return typeof seq === 'number' ? seq : undefined;
}

function unpushableRow(value: unknown, seq: unknown, problem: string | undefined): UnpushableRow {
  // The store's key path puts `seq` in every row it holds, damaged or not (and a page gives each entry its own).
  const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const mutation = Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'seq' && key !== 'createdAt'));
  // The clock-ahead rule needs the server's clock: locally only the shape and content rules apply.
  const checked = checkMutation(mutation, Number.POSITIVE_INFINITY);
  const rejection: PushRejection = checked.ok
    ? { mutationId: typeof mutation.mutationId === 'string' ? mutation.mutationId : '', status: 'rejected', reason: 'invalid', path: '', message: problem ?? 'not an outbox entry' }
    : checked.rejection;
  return { seq: Number(seq), value, rejection };
}

/** How many entries wait: rows of their own, plus the entries of every page (one index key each). */
export async function outboxSize(db: ReplylineDb): Promise<number> {
  const tx = db.transaction('outbox');
  const [rows, pages, paged] = await Promise.all([tx.store.count(), tx.store.index('by-page').count(), tx.store.index('by-page-record').count()]);
  await tx.done;
  return rows - pages + paged;
}
