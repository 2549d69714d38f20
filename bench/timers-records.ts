/**
 * Deterministic, schema-valid records for the timers-queue benchmark: contacts, conversations in every
 * status with their SLA targets, and one probe conversation (with its message) whose priority the
 * benchmark toggles to make the background refresh. Runs inside the extension page (bundled there).
 */
import type { Contact, Conversation, ConversationEvent, Message, Priority, Site } from '@/lib/model';
import { seededRandom } from './harness/random.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export type SeedStatus = Conversation['status'];
/** Shares of each status; they need not sum to exactly 1 (they are normalised). */
export type StatusMix = Record<SeedStatus, number>;

/**
 * Where the seeded clocks stand. No deadline, warning or snooze end falls in (now, now + quietMs]:
 * otherwise the background's wake-up alarm would fire (and refresh) in the middle of a measurement.
 */
export interface ClockLayout {
  nowMs: number;
  quietMs: number;
  /** Share of waiting and snoozed conversations whose response deadline has already passed (breached). */
  overdueShare: number;
}

/** The default policies' ids by what they match, so that records name the policy the background would pick. */
export interface PolicyIds {
  urgent: string | null;
  x: string | null;
  other: string | null;
}

export { seededRandom } from './harness/random.ts';

function hex(value: number, digits: number): string {
  return Math.floor(value).toString(16).padStart(digits, '0').slice(-digits);
}

/** A random-looking (so keys land all over the B-tree, as crypto.randomUUID's do) but reproducible v4 UUID. */
export function uuidFor(namespace: number, index: number): string {
  const random = seededRandom(namespace * 1_000_003 + index);
  const word = () => random() * 0x1_0000_0000;
  const a = hex(word(), 8);
  const b = hex(word(), 8);
  const c = hex(word(), 8);
  const d = hex(word(), 8);
  const variant = '89ab'[Math.floor(random() * 4)]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

export const CONTACT_NAMESPACE = 1;
export const CONVERSATION_NAMESPACE = 2;
const PROBE_INDEX = -1;

const FIRST_NAMES = ['Aiko', 'Ben', 'Carla', 'Dev', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Mei', 'Nora', 'Omar', 'Priya'];
const LAST_NAMES = ['Abe', 'Brown', 'Costa', 'Dubois', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Murphy', 'Nakamura'];
const WORDS =
  'order delivery refund late broken account password invoice upgrade plan thanks please help asap still waiting since tuesday box arrived damaged can you check what happened with my subscription renewal charged twice'.split(
    ' ',
  );
const SITES: readonly Site[] = ['linkedin', 'x', 'facebook', 'instagram'];
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'];
const TAGS = ['vip', 'churn-risk', 'billing', 'press', 'partner'];

const iso = (ms: number) => new Date(ms).toISOString();

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number, minLength: number, maxLength: number): string {
  const target = minLength + Math.floor(random() * (maxLength - minLength));
  let text = '';
  while (text.length < target) text += `${text ? ' ' : ''}${pick(random, WORDS)}`;
  return text.slice(0, maxLength);
}

export function nameOf(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]!} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]!}`;
}

export function makeContact(index: number, nowMs: number): Contact {
  const random = seededRandom(CONTACT_NAMESPACE * 7919 + index);
  const firstSeenMs = nowMs - random() * 400 * DAY_MS;
  const lastSeenMs = firstSeenMs + random() * (nowMs - firstSeenMs);
  const tags = TAGS.filter(() => random() < 0.15);
  return {
    id: uuidFor(CONTACT_NAMESPACE, index),
    createdAt: iso(firstSeenMs),
    updatedAt: iso(lastSeenMs),
    deletedAt: null,
    stamps: {},
    displayName: nameOf(index),
    ...(random() < 0.6 ? { headline: sentence(random, 20, 80) } : {}),
    ...(random() < 0.4 ? { company: `${pick(random, LAST_NAMES)} & Co` } : {}),
    stage: pick(random, ['new', 'lead', 'contacted', 'qualified', 'customer', 'churned'] as const),
    tags,
    firstSeenAt: iso(firstSeenMs),
    lastSeenAt: iso(lastSeenMs),
  };
}

export function pickStatus(random: () => number, mix: StatusMix): SeedStatus {
  const statuses = Object.keys(mix) as SeedStatus[];
  const total = statuses.reduce((sum, status) => sum + mix[status], 0);
  let roll = random() * total;
  for (const status of statuses) {
    roll -= mix[status];
    if (roll < 0) return status;
  }
  return statuses.at(-1)!;
}

function urlOf(site: Site, index: number): string {
  switch (site) {
    case 'linkedin':
      return `https://www.linkedin.com/messaging/thread/2-${hex(index * 2654435761, 8)}/`;
    case 'x':
      return `https://x.com/${nameOf(index).replace(' ', '').toLowerCase()}/status/${1_800_000_000_000_000_000 + index}`;
    case 'facebook':
      return `https://www.facebook.com/messages/t/${100_000_000 + index}`;
    case 'instagram':
      return `https://www.instagram.com/direct/t/${340_000_000 + index}/`;
  }
}

/** The default policies' first-response windows, so that deadlines sit where the background would put them. */
function responseWindowMs(site: Site, priority: Priority): number {
  if (priority === 'urgent') return 30 * MINUTE_MS;
  if (site === 'x') return HOUR_MS;
  return DAY_MS;
}

function policyIdOf(site: Site, priority: Priority, policies: PolicyIds): string | null {
  if (priority === 'urgent') return policies.urgent;
  return site === 'x' ? policies.x : policies.other;
}

/** Outside the quiet window: a future instant inside it moves to just before now (an already-crossed warning). */
function outsideQuietWindow(ms: number, layout: ClockLayout): number {
  return ms > layout.nowMs && ms <= layout.nowMs + layout.quietMs ? layout.nowMs - 1000 : ms;
}

interface Clocks {
  targets: Conversation['targets'];
  dueAt: string | null;
  waitingSince: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  snoozedUntil: string | null;
  createdMs: number;
  events: ConversationEvent[];
}

function activeClocks(random: () => number, status: 'waiting' | 'snoozed', windowMs: number, layout: ClockLayout): Clocks {
  const { nowMs, quietMs } = layout;
  const overdue = random() < layout.overdueShare;
  const dueMs = overdue ? nowMs - MINUTE_MS - random() * 47 * HOUR_MS : nowMs + quietMs + random() * Math.max(windowMs - quietMs, 0);
  const startedMs = Math.min(dueMs - windowMs, nowMs - MINUTE_MS);
  const warnMs = outsideQuietWindow(startedMs + 0.75 * (dueMs - startedMs), layout);
  const createdMs = startedMs - random() * 30 * DAY_MS;
  const nextResponse = random() < 0.3;
  const firstResponseMs = nextResponse ? createdMs + random() * (startedMs - createdMs) : null;
  const resolutionDueMs = Math.max(dueMs, nowMs + quietMs) + 2 * DAY_MS + random() * DAY_MS;
  const targets: Conversation['targets'] = [
    ...(firstResponseMs === null
      ? []
      : [{ kind: 'firstResponse' as const, dueAt: iso(createdMs + windowMs), metAt: iso(firstResponseMs), breached: firstResponseMs > createdMs + windowMs, startedAt: iso(createdMs), warnAt: iso(createdMs + 0.75 * windowMs) }]),
    { kind: nextResponse ? 'nextResponse' : 'firstResponse', dueAt: iso(dueMs), metAt: null, breached: overdue, startedAt: iso(startedMs), warnAt: iso(warnMs) },
    { kind: 'resolution', dueAt: iso(resolutionDueMs), metAt: null, breached: false, startedAt: iso(createdMs), warnAt: iso(outsideQuietWindow(resolutionDueMs - 0.25 * (resolutionDueMs - createdMs), layout)) },
  ];
  const snoozedUntilMs = status === 'snoozed' ? nowMs + quietMs + MINUTE_MS + random() * 3 * DAY_MS : null;
  const events: ConversationEvent[] = [{ type: 'tracked', at: iso(createdMs) }];
  if (firstResponseMs !== null) events.push({ type: 'replied', at: iso(firstResponseMs) });
  if (snoozedUntilMs !== null) events.push({ type: 'snoozed', at: iso(nowMs - random() * HOUR_MS), until: iso(snoozedUntilMs) });
  return {
    targets,
    dueAt: iso(dueMs),
    waitingSince: iso(startedMs),
    firstResponseAt: firstResponseMs === null ? null : iso(firstResponseMs),
    resolvedAt: null,
    snoozedUntil: snoozedUntilMs === null ? null : iso(snoozedUntilMs),
    createdMs,
    events,
  };
}

function settledClocks(random: () => number, status: 'open' | 'resolved', windowMs: number, layout: ClockLayout): Clocks {
  const { nowMs } = layout;
  const createdMs = nowMs - (status === 'resolved' ? random() * 365 * DAY_MS : random() * 5 * DAY_MS) - HOUR_MS;
  const firstResponseMs = createdMs + random() * windowMs * 1.2;
  const respondedInTime = firstResponseMs <= createdMs + windowMs;
  const resolvedMs = status === 'resolved' ? Math.min(firstResponseMs + random() * 2 * DAY_MS, nowMs - MINUTE_MS) : null;
  const resolutionDueMs = createdMs + 3 * DAY_MS;
  const targets: Conversation['targets'] = [
    { kind: 'firstResponse', dueAt: iso(createdMs + windowMs), metAt: iso(firstResponseMs), breached: !respondedInTime, startedAt: iso(createdMs), warnAt: iso(createdMs + 0.75 * windowMs) },
    {
      kind: 'resolution',
      dueAt: iso(resolutionDueMs),
      metAt: resolvedMs === null ? null : iso(resolvedMs),
      breached: resolvedMs === null ? false : resolvedMs > resolutionDueMs,
      startedAt: iso(createdMs),
      warnAt: iso(createdMs + 0.75 * 3 * DAY_MS),
    },
  ];
  const events: ConversationEvent[] = [
    { type: 'tracked', at: iso(createdMs) },
    { type: 'replied', at: iso(firstResponseMs) },
  ];
  if (resolvedMs !== null) events.push({ type: 'resolved', at: iso(resolvedMs) });
  return { targets, dueAt: null, waitingSince: null, firstResponseAt: iso(firstResponseMs), resolvedAt: resolvedMs === null ? null : iso(resolvedMs), snoozedUntil: null, createdMs, events };
}

export function makeConversation(
  index: number,
  status: SeedStatus,
  contact: { id: string; displayName: string },
  layout: ClockLayout,
  policies: PolicyIds,
): Conversation {
  const random = seededRandom(CONVERSATION_NAMESPACE * 7919 + index);
  const site = pick(random, SITES);
  const priority = pick(random, PRIORITIES);
  const windowMs = responseWindowMs(site, priority);
  const clocks =
    status === 'waiting' || status === 'snoozed' ? activeClocks(random, status, windowMs, layout) : settledClocks(random, status, windowMs, layout);
  const previewAtMs = clocks.waitingSince ? Date.parse(clocks.waitingSince) : clocks.createdMs;
  return {
    id: uuidFor(CONVERSATION_NAMESPACE, index),
    createdAt: iso(clocks.createdMs),
    updatedAt: iso(Math.min(layout.nowMs, previewAtMs + MINUTE_MS)),
    deletedAt: null,
    stamps: {},
    site,
    threadKey: `bench-${index}`,
    kind: site === 'x' ? pick(random, ['post', 'comment'] as const) : 'conversation',
    url: urlOf(site, index),
    contactId: contact.id,
    status,
    priority,
    policyId: policyIdOf(site, priority, policies),
    targets: clocks.targets,
    dueAt: clocks.dueAt,
    snoozedUntil: clocks.snoozedUntil,
    waitingSince: clocks.waitingSince,
    firstResponseAt: clocks.firstResponseAt,
    resolvedAt: clocks.resolvedAt,
    ownerId: null,
    linkedConversationId: null,
    preview: { authorName: contact.displayName, text: sentence(random, 40, 280), at: iso(previewAtMs) },
    events: clocks.events,
  };
}

/**
 * A LinkedIn conversation with one message from them two minutes ago, waiting on us under the
 * 24-hour policy. Its message is stored, so the background can recompute it from its timeline when
 * its priority changes (between low and normal, which the same policy covers).
 */
export function makeProbe(contact: { id: string; displayName: string }, layout: ClockLayout, policies: PolicyIds): { conversation: Conversation; message: Message } {
  const atMs = layout.nowMs - 2 * MINUTE_MS;
  const id = uuidFor(CONVERSATION_NAMESPACE, PROBE_INDEX);
  const text = 'Hello, my order has not arrived yet: could you check?';
  const conversation: Conversation = {
    id,
    createdAt: iso(atMs),
    updatedAt: iso(atMs),
    deletedAt: null,
    stamps: {},
    site: 'linkedin',
    threadKey: 'bench-probe',
    kind: 'conversation',
    url: 'https://www.linkedin.com/messaging/thread/2-bench-probe/',
    contactId: contact.id,
    status: 'waiting',
    priority: 'normal',
    policyId: policies.other,
    targets: [
      { kind: 'firstResponse', dueAt: iso(atMs + DAY_MS), metAt: null, breached: false, startedAt: iso(atMs), warnAt: iso(atMs + 0.75 * DAY_MS) },
      { kind: 'resolution', dueAt: iso(atMs + 3 * DAY_MS), metAt: null, breached: false, startedAt: iso(atMs), warnAt: iso(atMs + 0.75 * 3 * DAY_MS) },
    ],
    dueAt: iso(atMs + DAY_MS),
    snoozedUntil: null,
    waitingSince: iso(atMs),
    firstResponseAt: null,
    resolvedAt: null,
    ownerId: null,
    linkedConversationId: null,
    preview: { authorName: contact.displayName, text, at: iso(atMs) },
    events: [],
  };
  const message: Message = {
    id: uuidFor(CONVERSATION_NAMESPACE + 1, PROBE_INDEX),
    createdAt: iso(atMs),
    updatedAt: iso(atMs),
    deletedAt: null,
    stamps: {},
    conversationId: id,
    direction: 'in',
    authorHandle: 'bench-probe',
    authorName: contact.displayName,
    text,
    at: iso(atMs),
    fingerprint: 'bench-probe-1',
  };
  return { conversation, message };
}
