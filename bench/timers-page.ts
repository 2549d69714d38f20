/**
 * The timers-queue benchmark's code inside an extension page (same origin, hence the same IndexedDB and
 * the same extension APIs as the service worker). bench/timers-bundle.ts bundles this file with the
 * project's own lib/ and entrypoints/background/pending.ts, so the page runs exactly the background's
 * queue code; bench/timers-queue.ts calls the exported functions.
 */
import './timers-jitless';
import { openDB } from 'idb';
import { browser } from 'wxt/browser';
import { safeParse } from 'zod/mini';
import { pendingPage } from '@/entrypoints/background/pending';
import { badgeFromMarks } from '@/lib/conversations/badge-summary';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps } from '@/lib/db/follow-ups';
import type { ReplylineDb } from '@/lib/db/open';
import { queueEntryOf, type QueueEntry } from '@/lib/db/queue';
import { alertsDue, crossedThreshold, markWarned, nextQueueInstantMs, queueCounts, queueHead, queueUrgencyMarks, recountQueue, staleQueueIds } from '@/lib/db/queue-store';
import { DB_NAME, type ReplylineSchema } from '@/lib/db/schema';
import { slaPolicies } from '@/lib/db/sla-policies';
import { responseEnvelopeSchema } from '@/lib/messaging/envelope';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import type { Conversation, Priority } from '@/lib/model';
import {
  CONTACT_NAMESPACE,
  makeContact,
  makeConversation,
  makeProbe,
  nameOf,
  pickStatus,
  seededRandom,
  uuidFor,
  type ClockLayout,
  type PolicyIds,
  type StatusMix,
} from './timers-records';

/** How many rows the popup asks for (entrypoints/background/pending.ts DEFAULT_PENDING_LIMIT). */
const POPUP_ROWS = 200;
const ACTIVE_STATUSES = new Set<Conversation['status']>(['waiting', 'snoozed']);

let opened: Promise<ReplylineDb> | null = null;

/** The service worker's database, opened at its current version: the background must have created it. */
async function database(): Promise<ReplylineDb> {
  opened ??= openDB<ReplylineSchema>(DB_NAME).then((db) => {
    if (!db.objectStoreNames.contains('conversations')) throw new Error('The background has not created its database yet');
    return db;
  });
  return opened;
}

async function request(type: string, payload: unknown): Promise<unknown> {
  const answer: unknown = await browser.runtime.sendMessage({ replyline: 1, type, payload });
  const envelope = safeParse(responseEnvelopeSchema, answer);
  if (!envelope.success) throw new Error(`${type}: not a Replyline answer`);
  if (!envelope.data.ok) throw new Error(`${type}: ${envelope.data.error.code} ${envelope.data.error.message}`);
  return envelope.data.data;
}

function elapsed(since: number): number {
  return performance.now() - since;
}

// ---------------------------------------------------------------- seeding

export interface SeedOptions {
  /** Contacts with index in [from, to) are written; conversation i belongs to contact i % to. */
  contacts: { from: number; to: number };
  conversations: { from: number; to: number };
  mix: StatusMix;
  layout: ClockLayout;
  /** Also write the probe conversation and its message (see makeProbe). */
  probe: boolean;
  batchSize: number;
}

export interface SeedReport {
  contactsWritten: number;
  conversationsWritten: number;
  transactions: number;
  /** Making the records in JavaScript. */
  generateMs: number;
  /** put() of a batch to tx.done, summed over batches. */
  writeMs: number;
  probeConversationId: string | null;
}

async function policyIds(db: ReplylineDb): Promise<PolicyIds> {
  const policies = await slaPolicies.all(db);
  const generic = (policy: (typeof policies)[number]) => policy.match.tags.length === 0;
  return {
    urgent: policies.find((policy) => generic(policy) && policy.match.priorities.includes('urgent'))?.id ?? null,
    x: policies.find((policy) => generic(policy) && policy.match.sites.includes('x') && policy.match.priorities.length === 0)?.id ?? null,
    other: policies.find((policy) => generic(policy) && policy.match.sites.length === 0 && policy.match.priorities.length === 0)?.id ?? null,
  };
}

async function writeBatch<S extends 'contacts' | 'conversations'>(db: ReplylineDb, store: S, records: readonly ReplylineSchema[S]['value'][]): Promise<number> {
  const started = performance.now();
  // Conversations go with their pending-queue entries, in one transaction, as the background writes them.
  const tx = db.transaction([store, 'queue'], 'readwrite');
  for (const record of records) {
    void tx.objectStore(store).put(record);
    if (store === 'conversations') {
      const entry = queueEntryOf(record as Conversation);
      if (entry) void tx.objectStore('queue').put(entry);
    }
  }
  await tx.done;
  return elapsed(started);
}

export async function seed(options: SeedOptions): Promise<SeedReport> {
  const db = await database();
  const policies = await policyIds(db);
  const report: SeedReport = { contactsWritten: 0, conversationsWritten: 0, transactions: 0, generateMs: 0, writeMs: 0, probeConversationId: null };
  for (let from = options.contacts.from; from < options.contacts.to; from += options.batchSize) {
    const started = performance.now();
    const batch = [];
    for (let index = from; index < Math.min(from + options.batchSize, options.contacts.to); index += 1) batch.push(makeContact(index, options.layout.nowMs));
    report.generateMs += elapsed(started);
    report.writeMs += await writeBatch(db, 'contacts', batch);
    report.contactsWritten += batch.length;
    report.transactions += 1;
  }
  const contactOf = (index: number) => {
    const contactIndex = index % options.contacts.to;
    return { id: uuidFor(CONTACT_NAMESPACE, contactIndex), displayName: nameOf(contactIndex) };
  };
  const random = seededRandom(options.conversations.from + 17);
  for (let from = options.conversations.from; from < options.conversations.to; from += options.batchSize) {
    const started = performance.now();
    const batch = [];
    for (let index = from; index < Math.min(from + options.batchSize, options.conversations.to); index += 1) {
      batch.push(makeConversation(index, pickStatus(random, options.mix), contactOf(index), options.layout, policies));
    }
    report.generateMs += elapsed(started);
    report.writeMs += await writeBatch(db, 'conversations', batch);
    report.conversationsWritten += batch.length;
    report.transactions += 1;
  }
  if (options.probe) {
    const { conversation, message } = makeProbe(contactOf(0), options.layout, policies);
    const started = performance.now();
    const tx = db.transaction(['conversations', 'messages', 'queue'], 'readwrite');
    void tx.objectStore('conversations').put(conversation);
    const entry = queueEntryOf(conversation);
    if (entry) void tx.objectStore('queue').put(entry);
    void tx.objectStore('messages').put(message);
    await tx.done;
    report.writeMs += elapsed(started);
    report.conversationsWritten += 1;
    report.transactions += 1;
    report.probeConversationId = conversation.id;
  }
  // The seeding wrote queue entries directly: set the counts the background keeps with them (not timed).
  await recountQueue(db);
  return report;
}

export async function storeCounts() {
  const db = await database();
  const tx = db.transaction(['conversations', 'contacts', 'messages']);
  const byStatus = tx.objectStore('conversations').index('by-status');
  const [waitingCount, snoozedCount, openCount, resolvedCount, withDueAtCount, contactsCount] = await Promise.all([
    byStatus.count('waiting'),
    byStatus.count('snoozed'),
    byStatus.count('open'),
    byStatus.count('resolved'),
    tx.objectStore('conversations').index('by-due').count(),
    tx.objectStore('contacts').count(),
  ]);
  await tx.done;
  return { waitingCount, snoozedCount, openCount, resolvedCount, conversationsCount: waitingCount + snoozedCount + openCount + resolvedCount, withDueAtCount, contactsCount };
}

// ---------------------------------------------------------------- round trips to the service worker

/** At least minRuns, then more until maxRuns or until budgetMs has passed: a busy machine still finishes in time. */
export interface RunPlan {
  minRuns: number;
  maxRuns: number;
  budgetMs: number;
}

function planned(plan: RunPlan): (run: number) => boolean {
  const started = performance.now();
  return (run) => run < plan.maxRuns && (run < plan.minRuns || elapsed(started) < plan.budgetMs);
}

export async function pendingListRoundTrips(plan: RunPlan) {
  const samplesMs: number[] = [];
  let last: unknown = null;
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const started = performance.now();
    last = await request('pending.list', {});
    samplesMs.push(elapsed(started));
  }
  const items = typeof last === 'object' && last !== null && 'items' in last && Array.isArray(last.items) ? last.items : [];
  const waiting = typeof last === 'object' && last !== null && 'waitingCount' in last ? Number(last.waitingCount) : 0;
  const snoozed = typeof last === 'object' && last !== null && 'snoozedCount' in last ? Number(last.snoozedCount) : 0;
  return { samplesMs, itemsCount: items.length, queueCount: waiting + snoozed, responseJsonBytes: new TextEncoder().encode(JSON.stringify(last)).length };
}

/**
 * conversation.priority on the probe, alternating low and normal (the same policy; `firstTurn` shifts
 * the alternation, for callers making one request at a time): the background rewrites the conversation
 * (and its queue entry) and answers. The badge refresh is not awaited: the change follower runs it
 * 40 ms after the write commits (bench/timers-worker.ts reads it in the worker).
 */
export async function priorityRoundTrips(conversationId: string, plan: RunPlan, firstTurn = 0) {
  const samplesMs: number[] = [];
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const priority: Priority = (run + firstTurn) % 2 === 0 ? 'low' : 'normal';
    const started = performance.now();
    await request('conversation.priority', { conversationId, priority });
    samplesMs.push(elapsed(started));
  }
  return { samplesMs };
}

/**
 * Records every threshold already crossed as warned (on the queue entries, where breach warnings keep
 * them), except for the `leaveOut` most overdue, which the next refresh then shows as notifications.
 */
export async function markWarningsSent(leaveOut: number) {
  const db = await database();
  const nowMs = Date.now();
  const due = (await alertsDue(db, nowMs)).sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const shown = due.flatMap((entry) => {
    const crossed = crossedThreshold(entry, nowMs);
    return crossed ? [{ id: entry.id, key: crossed.key }] : [];
  });
  const recorded = shown.slice(leaveOut);
  await markWarned(db, recorded);
  return { recordedCount: recorded.length, leftOutCount: shown.length - recorded.length };
}

// ---------------------------------------------------------------- where a refresh spends its time, in this page

export interface RefreshBreakdownSample {
  /** The refresh's reads, each alone: ids of stale entries (by-stale), counts (by-status), nearest due and warning. */
  staleIdsMs: number;
  queueCountsMs: number;
  urgencyMarksMs: number;
  /** Entries with a threshold crossed and not warned yet (by-alert): what breach warnings read. */
  alertsDueMs: number;
  nextInstantMs: number;
  dueFollowUpsMs: number;
  badgeMs: number;
  /** The popup's page: the queue head (200 rows), the counts and due check-ins, as pending.list answers. */
  queueHeadMs: number;
  pendingPageMs: number;
  /** The request handler's check of the answer: the protocol's pendingPageSchema. */
  responseCheckMs: number;
  /** JSON.stringify + JSON.parse of the page: a stand-in for extension messaging's serialisation. */
  jsonRoundTripMs: number;
}

export async function refreshBreakdown(plan: RunPlan) {
  const db = await database();
  const samples: RefreshBreakdownSample[] = [];
  let counts = { activeCount: 0, contactsCount: 0, itemsCount: 0, warningsSentEntriesCount: 0 };
  const timed = async <T>(work: () => Promise<T> | T): Promise<[number, T]> => {
    const started = performance.now();
    const value = await work();
    return [elapsed(started), value];
  };
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const nowIso = new Date().toISOString();
    const nowMs = Date.parse(nowIso);
    const [staleIdsMs, stale] = await timed(() => staleQueueIds(db, nowMs));
    const [queueCountsMs, queued] = await timed(() => queueCounts(db));
    const [urgencyMarksMs, marks] = await timed(() => queueUrgencyMarks(db));
    const [alertsDueMs, alerts] = await timed(() => alertsDue(db, nowMs));
    const [nextInstantMs] = await timed(() => nextQueueInstantMs(db, nowMs));
    const [dueFollowUpsMs, followUps] = await timed(() => dueFollowUps(db, nowIso));
    const [badgeMs] = await timed(() => badgeFromMarks({ waitingCount: queued.waiting, dueFollowUpsCount: followUps.length, ...marks }, nowMs));
    const [queueHeadMs] = await timed(() => queueHead(db, POPUP_ROWS));
    const [pendingPageMs, page] = await timed(() => pendingPage(db, nowIso));
    const [responseCheckMs, checked] = await timed(() => safeParse(backgroundProtocol['pending.list'].response, page));
    if (!checked.success) throw new Error('pending.list page fails its own protocol');
    const [jsonRoundTripMs] = await timed(() => JSON.parse(JSON.stringify(page)) as unknown);
    if (stale.length > 0) throw new Error(`${stale.length} stale conversations: a deadline fell inside the quiet window`);
    counts = { activeCount: queued.waiting + queued.snoozed, contactsCount: 0, itemsCount: page.items.length, warningsSentEntriesCount: alerts.length };
    samples.push({ staleIdsMs, queueCountsMs, urgencyMarksMs, alertsDueMs, nextInstantMs, dueFollowUpsMs, badgeMs, queueHeadMs, pendingPageMs, responseCheckMs, jsonRoundTripMs });
  }
  return { samples, ...counts };
}

// ---------------------------------------------------------------- the due-time query

export interface QueueQuerySample {
  /** The background's queue query: by-status getAll for waiting and snoozed, parse, then sort by comparePending. */
  backgroundQueueMs: number;
  /** The two by-status getAll alone, no parse. */
  byStatusGetAllMs: number;
  /** A cursor along 'by-due' from the earliest deadline, parsing each record and keeping waiting and snoozed ones, until 50. */
  byDueNearest50Ms: number;
  /** getAll on 'by-due' for the 50 deadlines after now (the upcoming ones, overdue left out), then parse. */
  byDueUpcoming50Ms: number;
}

/** What the background reads for the popup now: the queue store's head, in the queue's order. */
async function backgroundQueue(db: ReplylineDb): Promise<QueueEntry[]> {
  return queueHead(db, POPUP_ROWS);
}

async function byStatusGetAll(db: ReplylineDb): Promise<number> {
  const tx = db.transaction('conversations');
  const index = tx.store.index('by-status');
  const [waiting, snoozed] = await Promise.all([index.getAll('waiting'), index.getAll('snoozed')]);
  await tx.done;
  return waiting.length + snoozed.length;
}

async function byDueNearest(db: ReplylineDb, limit: number): Promise<Conversation[]> {
  const found: Conversation[] = [];
  let cursor = await db.transaction('conversations').store.index('by-due').openCursor();
  while (cursor && found.length < limit) {
    const conversation = conversations.parse(cursor.value);
    if (!conversation.deletedAt && ACTIVE_STATUSES.has(conversation.status)) found.push(conversation);
    cursor = await cursor.continue();
  }
  return found;
}

async function byDueUpcoming(db: ReplylineDb, nowIso: string, limit: number): Promise<Conversation[]> {
  const values: unknown[] = await db.getAllFromIndex('conversations', 'by-due', IDBKeyRange.lowerBound(nowIso, true), limit);
  return values.map((value) => conversations.parse(value)).filter((conversation) => !conversation.deletedAt && ACTIVE_STATUSES.has(conversation.status));
}

export async function queueQueries(plan: RunPlan, limit: number) {
  const db = await database();
  const samples: QueueQuerySample[] = [];
  let check = { queueLength: 0, byStatusRecords: 0, nearestFound: 0, upcomingFound: 0, nearestMatchesQueueHead: false };
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const nowIso = new Date().toISOString();
    const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
      const started = performance.now();
      const value = await work();
      return { ms: elapsed(started), value };
    };
    // The order alternates, so that neither query always runs just after the other warmed a cache.
    const queueFirst = run % 2 === 0;
    const queue = queueFirst ? await timed(() => backgroundQueue(db)) : null;
    const nearest = await timed(() => byDueNearest(db, limit));
    const upcoming = await timed(() => byDueUpcoming(db, nowIso, limit));
    const raw = await timed(() => byStatusGetAll(db));
    const queueAfter = queue ?? (await timed(() => backgroundQueue(db)));
    const headDueAt = queueAfter.value.slice(0, limit).map((conversation) => conversation.dueAt);
    check = {
      queueLength: queueAfter.value.length,
      byStatusRecords: raw.value,
      nearestFound: nearest.value.length,
      upcomingFound: upcoming.value.length,
      // The same deadlines in the same order (equal deadlines may list different conversations).
      nearestMatchesQueueHead: headDueAt.join() === nearest.value.map((conversation) => conversation.dueAt).join(),
    };
    samples.push({ backgroundQueueMs: queueAfter.ms, byStatusGetAllMs: raw.ms, byDueNearest50Ms: nearest.ms, byDueUpcoming50Ms: upcoming.ms });
  }
  return { samples, ...check };
}

// ---------------------------------------------------------------- the extension's state around the runs

/** Clears the extension's alarms (its 1-minute tick and its wake-up), so that no refresh runs in the background of a measurement. */
export async function clearAlarms(): Promise<string[]> {
  const names = (await browser.alarms.getAll()).map((alarm) => alarm.name);
  await browser.alarms.clearAll();
  return names;
}

export async function extensionState() {
  const db = await database();
  const entries = await db.getAll('queue');
  return {
    badgeText: await browser.action.getBadgeText({}),
    notificationsCount: Object.keys(await browser.notifications.getAll()).length,
    warningsSentEntriesCount: entries.filter((entry) => entry.warned.length > 0).length,
    alarms: (await browser.alarms.getAll()).map((alarm) => ({ name: alarm.name, inMs: Math.round(alarm.scheduledTime - Date.now()) })),
  };
}
