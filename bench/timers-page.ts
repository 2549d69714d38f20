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
import { pendingItems } from '@/entrypoints/background/pending';
import { badgeOf } from '@/lib/conversations/badge';
import { contacts } from '@/lib/db/contacts';
import { conversations } from '@/lib/db/conversations';
import type { ReplylineDb } from '@/lib/db/open';
import { activeConversations, isStale, type QueueEntry } from '@/lib/db/pending';
import { DB_NAME, type ReplylineSchema } from '@/lib/db/schema';
import { slaPolicies } from '@/lib/db/sla-policies';
import { responseEnvelopeSchema } from '@/lib/messaging/envelope';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import type { Conversation, Priority } from '@/lib/model';
import { comparePending } from '@/lib/sla/urgency';
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

/** Where the breach warnings remember what they sent (wxt storage 'local:breach-warnings-sent'). */
const WARNINGS_SENT_KEY = 'breach-warnings-sent';
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
  const tx = db.transaction(store, 'readwrite');
  for (const record of records) void tx.store.put(record);
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
    const tx = db.transaction(['conversations', 'messages'], 'readwrite');
    void tx.objectStore('conversations').put(conversation);
    void tx.objectStore('messages').put(message);
    await tx.done;
    report.writeMs += elapsed(started);
    report.conversationsWritten += 1;
    report.transactions += 1;
    report.probeConversationId = conversation.id;
  }
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
  return { samplesMs, itemsCount: Array.isArray(last) ? last.length : 0, responseJsonBytes: new TextEncoder().encode(JSON.stringify(last)).length };
}

/**
 * conversation.priority on the probe, alternating low and normal (the same policy): the background
 * rewrites the conversation, recomputes it from its timeline, then awaits timers.refresh() (stale
 * check, the whole pending queue, badge, breach warnings, wake-up alarm) before it answers.
 */
export async function priorityRoundTrips(conversationId: string, plan: RunPlan) {
  const samplesMs: number[] = [];
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const priority: Priority = run % 2 === 0 ? 'low' : 'normal';
    const started = performance.now();
    await request('conversation.priority', { conversationId, priority });
    samplesMs.push(elapsed(started));
  }
  return { samplesMs };
}

/**
 * Records every threshold already crossed as warned, except for the `leaveOut` nearest deadlines, which
 * the next refresh then shows as notifications. breachWarnings keeps its rule private, so it is restated
 * here: waiting conversations only, 'overdue@<dueAt>' once the deadline has passed, else
 * 'warning@<dueAt>' once the warning instant has. If the rule changes, the next refresh shows more
 * notifications than were left out, and the results say so.
 */
export async function markWarningsSent(leaveOut: number) {
  const db = await database();
  const nowIso = new Date().toISOString();
  const sent: Record<string, string[]> = {};
  let leftOutCount = 0;
  for (const item of await pendingItems(db, nowIso)) {
    if (item.kind !== 'conversation' || item.status !== 'waiting' || !item.dueAt) continue;
    const key =
      item.dueAt <= nowIso ? `overdue@${item.dueAt}`
      : item.warnAt !== null && item.warnAt <= nowIso ? `warning@${item.dueAt}`
      : null;
    if (key === null) continue;
    if (leftOutCount < leaveOut) leftOutCount += 1;
    else sent[item.id] = [key];
  }
  await browser.storage.local.set({ [WARNINGS_SENT_KEY]: sent });
  return { recordedCount: Object.keys(sent).length, leftOutCount };
}

// ---------------------------------------------------------------- where a refresh spends its time, in this page

export interface RefreshBreakdownSample {
  /** activeConversations as a whole: both by-status getAll, parse, tombstone filter. */
  activeConversationsMs: number;
  /** Its parts: the two getAll (one transaction), then conversationSchema.parse of each record. */
  statusGetAllMs: number;
  conversationParseMs: number;
  /** isStale over the active conversations (refreshStale's filter). */
  staleCheckMs: number;
  /** contacts.all, which pendingItems runs for the names: getAll of every contact, then contactSchema.parse of each. */
  contactsGetAllMs: number;
  contactsParseMs: number;
  /** Sorting the active conversations (in index order, as the background gets them) with comparePending. */
  sortMs: number;
  /** pendingItems(db, now) as a whole: exactly the function behind pending.list and every refresh. */
  pendingItemsMs: number;
  /** The request handler's check of the answer: the protocol's z.array(pendingItemSchema). */
  responseCheckMs: number;
  /** JSON.stringify + JSON.parse of the items: a stand-in for extension messaging's serialisation. */
  jsonRoundTripMs: number;
  badgeMs: number;
  /** breachWarnings.notify's storage: get and set of the record of sent warnings. */
  warningsStorageMs: number;
}

export async function refreshBreakdown(plan: RunPlan) {
  const db = await database();
  const samples: RefreshBreakdownSample[] = [];
  let counts = { activeCount: 0, contactsCount: 0, itemsCount: 0, warningsSentEntriesCount: 0 };
  for (let run = 0, more = planned(plan); more(run); run += 1) {
    const nowIso = new Date().toISOString();
    let started = performance.now();
    await activeConversations(db);
    const activeConversationsMs = elapsed(started);

    started = performance.now();
    const tx = db.transaction('conversations');
    const index = tx.store.index('by-status');
    const [waiting, snoozed] = await Promise.all([index.getAll('waiting'), index.getAll('snoozed')]);
    await tx.done;
    const statusGetAllMs = elapsed(started);

    started = performance.now();
    const active = [...waiting, ...snoozed].map((value: unknown) => conversations.parse(value)).filter((conversation) => !conversation.deletedAt);
    const conversationParseMs = elapsed(started);

    started = performance.now();
    const stale = active.filter((conversation) => isStale(conversation, nowIso));
    const staleCheckMs = elapsed(started);

    started = performance.now();
    const contactValues: unknown[] = await db.getAll('contacts');
    const contactsGetAllMs = elapsed(started);
    started = performance.now();
    const everyone = contactValues.map(contacts.parse).filter((contact) => !contact.deletedAt);
    const contactsParseMs = elapsed(started);

    started = performance.now();
    [...active].sort(comparePending);
    const sortMs = elapsed(started);

    started = performance.now();
    const items = await pendingItems(db, nowIso);
    const pendingItemsMs = elapsed(started);

    started = performance.now();
    const checked = safeParse(backgroundProtocol['pending.list'].response, items);
    const responseCheckMs = elapsed(started);
    if (!checked.success) throw new Error('pending.list items fail their own protocol');

    started = performance.now();
    JSON.parse(JSON.stringify(items));
    const jsonRoundTripMs = elapsed(started);

    started = performance.now();
    badgeOf(items, nowIso);
    const badgeMs = elapsed(started);

    started = performance.now();
    const stored = await browser.storage.local.get(WARNINGS_SENT_KEY);
    await browser.storage.local.set({ [WARNINGS_SENT_KEY]: stored[WARNINGS_SENT_KEY] ?? {} });
    const warningsStorageMs = elapsed(started);

    if (stale.length > 0) throw new Error(`${stale.length} stale conversations: a deadline fell inside the quiet window`);
    const sent: unknown = stored[WARNINGS_SENT_KEY];
    counts = {
      activeCount: active.length,
      contactsCount: everyone.length,
      itemsCount: items.length,
      warningsSentEntriesCount: typeof sent === 'object' && sent !== null ? Object.keys(sent).length : 0,
    };
    samples.push({
      activeConversationsMs,
      statusGetAllMs,
      conversationParseMs,
      staleCheckMs,
      contactsGetAllMs,
      contactsParseMs,
      sortMs,
      pendingItemsMs,
      responseCheckMs,
      jsonRoundTripMs,
      badgeMs,
      warningsStorageMs,
    });
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

async function backgroundQueue(db: ReplylineDb): Promise<QueueEntry[]> {
  return (await activeConversations(db)).sort(comparePending);
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
  const sent = (await browser.storage.local.get(WARNINGS_SENT_KEY))[WARNINGS_SENT_KEY];
  return {
    badgeText: await browser.action.getBadgeText({}),
    notificationsCount: Object.keys(await browser.notifications.getAll()).length,
    warningsSentEntriesCount: typeof sent === 'object' && sent !== null ? Object.keys(sent).length : 0,
    alarms: (await browser.alarms.getAll()).map((alarm) => ({ name: alarm.name, inMs: Math.round(alarm.scheduledTime - Date.now()) })),
  };
}
