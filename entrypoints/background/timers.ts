import { browser } from 'wxt/browser';
import type { ReplicaClock } from '@/lib/db/clock';
import { refreshConversationIn } from '@/lib/db/conversation-capture';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps, nextFollowUpDue } from '@/lib/db/follow-ups';
import type { ReplylineDb } from '@/lib/db/open';
import { nextQueueInstantMs, queueCounts, queueUrgencyMarks, staleQueueIds } from '@/lib/db/queue-store';
import { slaPolicies } from '@/lib/db/sla-policies';
import { badgeFromMarks } from '@/lib/conversations/badge-summary';
import { breachWarnings } from './breach-warnings';

export const CLOCK_ALARM = 'replyline-clock';
export const TICK_ALARM = 'replyline-tick';

/**
 * Keeps clocks, badge, breach warnings and the wake-up alarm in step with the stored conversations.
 * Everything runs from storage (the queue store's counts and indexes, never the whole queue), so a
 * restarted service worker picks up where the last one stopped and the cost does not grow with history.
 */
export function createTimers({ db, clock, meAgentId = async () => null }: {
  db: ReplylineDb;
  clock: ReplicaClock;
  /** This device's agent on the team backend (null without one): breach warnings go to a conversation's owner. */
  meAgentId?: () => Promise<string | null>;
}) {
  const warnings = breachWarnings();
  let running: Promise<void> = Promise.resolve();

  /** Recomputes the conversations time has changed (a snooze ended, a deadline passed unmarked). */
  async function refreshStale(nowMs: number): Promise<void> {
    const stale = await staleQueueIds(db, nowMs);
    if (stale.length === 0) return;
    const policies = await slaPolicies.all(db);
    const tx = conversations.startWrite(db, ['messages', 'contacts']);
    for (const id of stale) {
      const value: unknown = await tx.objectStore('conversations').get(id);
      if (value !== undefined) await refreshConversationIn(tx, conversations.parse(value), policies, clock);
    }
    await tx.done;
  }

  async function update(): Promise<void> {
    const nowIso = clock.nowIso();
    const nowMs = Date.parse(nowIso);
    await refreshStale(nowMs);
    const [counts, marks, followUps] = await Promise.all([queueCounts(db), queueUrgencyMarks(db), dueFollowUps(db, nowIso)]);
    const badge = badgeFromMarks({ waitingCount: counts.waiting, dueFollowUpsCount: followUps.length, ...marks }, nowMs);
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.colour });
    await warnings.notify(db, nowIso, await meAgentId().catch(() => null));
    const [queueNext, followUpNext] = await Promise.all([nextQueueInstantMs(db, nowMs), nextFollowUpDue(db, nowIso)]);
    const next = [queueNext, followUpNext === null ? null : Date.parse(followUpNext)].filter((at): at is number => at !== null).sort((a, b) => a - b)[0];
    if (next !== undefined) await browser.alarms.create(CLOCK_ALARM, { when: next + 500 });
    else await browser.alarms.clear(CLOCK_ALARM);
  }

  return {
    /** Serialised: overlapping refreshes would race on the badge and the alarm. */
    refresh(): Promise<void> {
      running = running.then(update, update);
      return running;
    },
    async start(): Promise<void> {
      await warnings.adoptLegacyRecord(db);
      await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
      await this.refresh();
    },
    warnings,
  };
}
