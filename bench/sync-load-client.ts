// One simulated extension in the load benchmark: it syncs as lib/sync/engine.ts does (push its outbox, then
// pull everything new), with batches of 1–20 mutations, some new notes and some edits of notes every client shares.
import { randomUUID } from 'node:crypto';
import { formatHlc } from '@/lib/sync/hlc';
import { DEFAULT_PULL_LIMIT, type Mutation } from '@/lib/sync/wire';
import type { AcceptedWrites, RecordIndex, VersionReplica } from './sync-load-ledger';
import { pullOver, pushOver } from './sync-server';

export interface LoadMix {
  minBatch: number;
  maxBatch: number;
  /** Share of mutations that edit one of the shared notes (the rest create notes). */
  sharedEditShare: number;
  sharedRecords: string[];
}

export interface LoadClient {
  clientId: string;
  token: string;
  replica: VersionReplica;
  cursor: number;
  counter: number;
}

export interface LoadTimings {
  pushMs: number[];
  pullMs: number[];
  mutationsPushed: number;
  pushRetries: number;
  pullRetries: number;
}

/** Picks the next server for each request: the bench is its own round-robin balancer. */
export type NextServer = () => string;

export function batchFor(client: LoadClient, mix: LoadMix): Mutation[] {
  const size = mix.minBatch + Math.floor(Math.random() * (mix.maxBatch - mix.minBatch + 1));
  return Array.from({ length: size }, () => {
    const at = formatHlc({ wallMs: Date.now(), counter: client.counter++ % 1_000_000 }, client.clientId);
    const edit = Math.random() < mix.sharedEditShare;
    const fields: Record<string, unknown> = edit
      ? Math.random() < 0.9
        ? { body: `${client.clientId} edited at ${at}` }
        : { deletedAt: Math.random() < 0.5 ? new Date().toISOString() : null }
      : { contactId: randomUUID(), body: `note by ${client.clientId}: called back, wants the renewal quote`, createdAt: new Date().toISOString(), deletedAt: null };
    const recordId = edit ? mix.sharedRecords[Math.floor(Math.random() * mix.sharedRecords.length)]! : randomUUID();
    return { mutationId: randomUUID(), store: 'notes', recordId, fields, stamps: Object.fromEntries(Object.keys(fields).map((name) => [name, at])) };
  });
}

/** Pushes until it is answered (a lost answer is retried with the same mutation ids, as the outbox would). */
export async function pushUntilAnswered(next: NextServer, client: LoadClient, batch: Mutation[], timings: LoadTimings, accepted: AcceptedWrites) {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    try {
      const answer = await pushOver(next(), client.token, client.clientId, batch);
      timings.pushMs.push(performance.now() - started);
      accepted.record(batch, answer.results);
      timings.mutationsPushed += batch.length;
      return answer;
    } catch (error) {
      if (attempt >= 8) throw error;
      timings.pushRetries++;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Pulls from the client's cursor to the end, page by page, into its replica. */
export async function pullToEnd(next: NextServer, client: LoadClient, index: RecordIndex, timings: LoadTimings): Promise<void> {
  for (;;) {
    const page = await pullWithRetry(next, client, timings);
    for (const change of page.changes) client.replica.apply(index.of(change.recordId), change.version);
    if (page.cursor < client.cursor) throw new Error(`${client.clientId}: cursor went back from ${client.cursor} to ${page.cursor}`);
    client.cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

async function pullWithRetry(next: NextServer, client: LoadClient, timings: LoadTimings) {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    try {
      const page = await pullOver(next(), client.token, client.cursor, DEFAULT_PULL_LIMIT);
      timings.pullMs.push(performance.now() - started);
      return page;
    } catch (error) {
      if (attempt >= 8) throw error;
      timings.pullRetries++;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
