import { conversationSchema, type Conversation, type Site } from '@/lib/model';
import type { SlaTargetState } from '@/lib/sla/types';
import { seededRandom } from '@/bench/harness/random';
import { slaClock } from '@/tests/support/sla-clock';

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const sites: readonly Site[] = ['linkedin', 'x', 'facebook', 'instagram'];

/**
 * `count` conversations spread over the year before `nowMs`, as the background stores them: clocks
 * (first response, next responses, resolution) met or breached, about a tenth still open, owners
 * shared by a small team. Every record is checked against the model's schema.
 */
export function yearOfConversations(count: number, nowMs: number, replica: string): Conversation[] {
  // Seeded, so that the screenshots draw the same year every run.
  const random = seededRandom(11);
  const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
  const stamp = `${String(nowMs - YEAR_MS).padStart(15, '0')}:000000:${replica}`;
  const target = (kind: SlaTargetState['kind'], startMs: number, minutes: number, replyAfter: number | null) =>
    slaClock(kind, startMs, minutes, replyAfter, nowMs);
  return Array.from({ length: count }, (_, index) => {
    const site = sites[index % sites.length] ?? 'linkedin';
    const minutes = site === 'x' ? 60 : 1440;
    // Recent months are busier, so the volume chart has a visible trend.
    const startMs = nowMs - YEAR_MS * (1 - Math.sqrt(random())) - random() * DAY_MS;
    const open = startMs > nowMs - 20 * DAY_MS ? random() < 0.4 : random() < 0.02;
    const firstReply = random() * minutes * 1.6;
    const answered = !(open && random() < 0.5) && startMs + firstReply * 60_000 < nowMs;
    const targets = [target('firstResponse', startMs, minutes, answered ? firstReply : null)];
    let atMs = startMs + firstReply * 60_000;
    const exchanges = answered ? Math.floor(random() * 3) : 0;
    for (let exchange = 0; exchange < exchanges; exchange += 1) {
      const nextMs = atMs + random() * DAY_MS;
      const reply = random() * minutes * 1.4;
      if (nextMs + reply * 60_000 >= nowMs) break;
      atMs = nextMs;
      targets.push(target('nextResponse', atMs, minutes, reply));
      atMs += reply * 60_000;
    }
    const resolvedMs = open ? null : Math.min(nowMs - 60_000, atMs + random() * DAY_MS);
    targets.push(target('resolution', startMs, 3 * 1440, resolvedMs === null ? null : (resolvedMs - startMs) / 60_000));
    const lastMs = resolvedMs ?? Math.min(atMs, nowMs - 60_000);
    return conversationSchema.parse({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      createdAt: iso(startMs),
      updatedAt: iso(lastMs),
      deletedAt: null,
      stamps: { status: stamp, targets: stamp, resolvedAt: stamp },
      site,
      threadKey: `${site}:history:${String(index)}`,
      kind: 'conversation',
      url: `https://www.linkedin.com/messaging/thread/history-${String(index)}/`,
      contactId: null,
      status: open ? (random() < 0.7 ? 'waiting' : 'snoozed') : 'resolved',
      priority: 'normal',
      policyId: null,
      targets,
      dueAt: open ? (targets[0]?.dueAt ?? null) : null,
      snoozedUntil: null,
      waitingSince: open ? iso(startMs) : null,
      firstResponseAt: targets[0]?.metAt ?? null,
      resolvedAt: resolvedMs === null ? null : iso(resolvedMs),
      ownerId: random() < 0.2 ? null : `agent-${String(index % 5)}`,
      linkedConversationId: null,
      preview: { authorName: 'Customer', text: 'Where is my order? It should have arrived last week.', at: iso(startMs) },
      events: [{ type: 'tracked', at: iso(startMs) }],
    });
  });
}
