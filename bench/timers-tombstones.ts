/**
 * Why a `by-alert` read that finds nothing took 12-22 ms: a controlled test of Chromium's IndexedDB in
 * an extension page, on a database of its own (the extension's is not touched). Each case is a fresh
 * store of 8,500 queue-entry-sized records with an `alertMs` index; the same read-only reads of the
 * range up to now are timed on it:
 *   fresh     - every alertMs is in the future: the range was never filled;
 *   live      - 3,500 records have an alertMs in the past: the reads find them (the per-entry cost);
 *   rewritten - the same 3,500, then rewritten without alertMs (as markWarned does): the range is empty again;
 *   deleted   - the same 3,500, then deleted;
 *   swept     - "rewritten", then one key cursor walks the range in a read-write transaction.
 * Writes bench/results/timers-tombstones.json. Run: node --import ./scripts/run-ts.mjs bench/timers-tombstones.ts
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/browser.ts';
import { LoadLog } from './harness/load.ts';
import { writeResults } from './harness/results.ts';
import { summariseMs, type MsSummary } from './harness/stats.ts';

const RECORDS = 8_500;
const IN_RANGE = 3_500;
const RUNS = Number(process.env.TOMBSTONE_RUNS ?? 15);
const CASES = ['fresh', 'live', 'rewritten', 'deleted', 'swept'] as const;
type Case = (typeof CASES)[number];
const READS = ['getAll', 'getAllKeys', 'keyCursorFirst', 'count'] as const;
type Read = (typeof READS)[number];

interface CaseRun {
  setupMs: number;
  found: Record<Read, number>;
  samplesMs: Record<Read, number[]>;
}

/** Runs in the extension page: builds one case's database, then times the reads, alternating their order. */
function runCase(page: Page, args: { name: Case; records: number; inRange: number; runs: number }): Promise<CaseRun> {
  return page.evaluate(async ({ name, records, inRange, runs }) => {
    const done = (request: IDBRequest) =>
      new Promise<unknown>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('request failed'));
      });
    const finished = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
      });
    const dbName = `replyline-bench-tombstones-${name}`;
    await done(indexedDB.deleteDatabase(dbName));
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'id' }).createIndex('by-alert', 'alertMs');
    const db = (await done(open)) as IDBDatabase;
    const nowMs = Date.now();
    const started = performance.now();
    const excerpt = 'x'.repeat(160);
    const entry = (index: number, alertMs: number | undefined) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      site: 'linkedin',
      kind: 'conversation',
      url: `https://www.linkedin.com/messaging/thread/2-${index}/`,
      status: 'waiting',
      contactId: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      authorName: `Person ${index}`,
      excerpt,
      dueAt: new Date(nowMs + 86_400_000).toISOString(),
      warnAt: new Date(nowMs + 64_800_000).toISOString(),
      waitingSince: new Date(nowMs).toISOString(),
      snoozedUntil: null,
      priority: 'normal',
      ownerId: null,
      linkedConversationId: null,
      order: [nowMs + 86_400_000, nowMs],
      instantsMs: [nowMs + 64_800_000, nowMs + 86_400_000],
      warned: [],
      ...(alertMs === undefined ? {} : { alertMs }),
    });
    const write = async (fill: (store: IDBObjectStore) => void) => {
      const tx = db.transaction('queue', 'readwrite');
      fill(tx.objectStore('queue'));
      await finished(tx);
    };
    const pastAlert = name !== 'fresh';
    await write((store) => {
      for (let index = 0; index < records; index += 1) {
        const inPast = pastAlert && index < inRange;
        store.put(entry(index, inPast ? nowMs - 3_600_000 - index : nowMs + 3_600_000 + index));
      }
    });
    if (name === 'rewritten' || name === 'swept') await write((store) => { for (let index = 0; index < inRange; index += 1) store.put(entry(index, undefined)); });
    if (name === 'deleted') await write((store) => { for (let index = 0; index < inRange; index += 1) store.delete(entry(index, undefined).id); });
    if (name === 'swept') {
      const tx = db.transaction('queue', 'readwrite');
      const request = tx.objectStore('queue').index('by-alert').openKeyCursor(IDBKeyRange.upperBound(nowMs));
      request.onsuccess = () => request.result?.continue();
      await finished(tx);
    }
    const setupMs = performance.now() - started;

    const range = IDBKeyRange.upperBound(nowMs);
    const read = async (kind: string): Promise<number> => {
      const tx = db.transaction('queue', 'readonly');
      const index = tx.objectStore('queue').index('by-alert');
      let found: number;
      if (kind === 'getAll') found = ((await done(index.getAll(range))) as unknown[]).length;
      else if (kind === 'getAllKeys') found = ((await done(index.getAllKeys(range))) as unknown[]).length;
      else if (kind === 'count') found = (await done(index.count(range))) as number;
      else found = (await done(index.openKeyCursor(range))) === null ? 0 : 1;
      await finished(tx);
      return found;
    };
    const kinds = ['getAll', 'getAllKeys', 'keyCursorFirst', 'count'];
    const samplesMs: Record<string, number[]> = Object.fromEntries(kinds.map((kind) => [kind, []]));
    const found: Record<string, number> = {};
    for (const kind of kinds) found[kind] = await read(kind); // one warm-up read each
    for (let run = 0; run < runs; run += 1) {
      const order = run % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const at = performance.now();
        await read(kind);
        samplesMs[kind]!.push(performance.now() - at);
      }
    }
    db.close();
    await done(indexedDB.deleteDatabase(dbName));
    return { setupMs, found, samplesMs };
  }, args);
}

/** Which IndexedDB backend the profile holds (a .leveldb directory, or SQLite files). */
function backendFiles(profileDir: string): string[] {
  const dir = path.join(profileDir, 'Default', 'IndexedDB');
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const load = new LoadLog();
  load.mark('start');
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const results: Partial<Record<Case, { setupMs: number; found: Record<Read, number>; readsMs: Record<Read, MsSummary> }>> = {};
    for (const name of CASES) {
      console.log(`  ${name}`);
      const run = await runCase(page, { name, records: RECORDS, inRange: IN_RANGE, runs: RUNS });
      results[name] = {
        setupMs: Math.round(run.setupMs),
        found: run.found,
        readsMs: Object.fromEntries(READS.map((read) => [read, summariseMs(run.samplesMs[read])])) as Record<Read, MsSummary>,
      };
      load.mark(name);
    }
    const version = await page.evaluate(() => navigator.userAgent);
    const file = writeResults(
      'timers-tombstones',
      load,
      {
        method:
          `Each case: a new database with one store of ${RECORDS} queue-entry-sized records (about 600 bytes) and an index on alertMs; ` +
          `${IN_RANGE} of them have an alertMs before now in every case but "fresh". Then the read-only reads of the range up to now, ` +
          `${RUNS} runs each (order alternating, one warm-up read each first), each in its own transaction, timed in the page with performance.now(). ` +
          '"rewritten" puts the 3,500 again without alertMs, "deleted" deletes them, "swept" is "rewritten" followed by one key cursor ' +
          'walking the range in a read-write transaction.',
        indexedDbFiles: backendFiles(browser.profileDir),
        cases: results,
      },
      { userAgent: version },
    );
    for (const name of CASES) {
      const figures = results[name]!;
      console.log(
        `${name.padEnd(10)} ` + READS.map((read) => `${read} ${figures.readsMs[read].medianMs.toFixed(2)} ms (found ${figures.found[read]})`).join(', '),
      );
    }
    console.log(`Written to ${file}`);
  } finally {
    await browser.close();
  }
}

await main();
