import { browser } from 'wxt/browser';
import type { ReplicaClock } from '@/lib/db/clock';
import { refreshConversationIn } from '@/lib/db/conversation-capture';
import { conversations } from '@/lib/db/conversations';
import { dueFollowUps, nextFollowUpDue } from '@/lib/db/follow-ups';
import type { ReplylineDb } from '@/lib/db/open';
import { queueRefreshMarks, raiseQueueFloors } from '@/lib/db/queue-store';
import { slaPolicies } from '@/lib/db/sla-policies';
import { badgeFromMarks } from '@/lib/conversations/badge-summary';
import { breachWarnings } from './breach-warnings';
import { refreshMarks } from './refresh-marks';

export const CLOCK_ALARM = 'replyline-clock';
export const TICK_ALARM = 'replyline-tick';

/** What this worker last gave the browser: the badge and the wake-up alarm are set again only when they change. */
interface Shown {
  text?: string;
  colour?: string;
  /** The wake-up alarm's `when`, null once cleared. */
  alarmAt?: number | null;
}

/**
 * Keeps clocks, badge, breach warnings and the wake-up alarm in step with the stored conversations.
 * Everything runs from storage (the queue store's counts, floors and indexes, never the whole queue), so
 * a restarted service worker picks up where the last one stopped and the cost does not grow with history.
 */
export function createTimers({ db, clock, meAgentId = async () => null }: {
  db: ReplylineDb;
  clock: ReplicaClock;
  /** This device's agent on the team backend (null without one): breach warnings go to a conversation's owner. */
  meAgentId?: () => Promise<string | null>;
}) {
  const warnings = breachWarnings();
  const shown: Shown = {};
  let running: Promise<void> = Promise.resolve();

  /** Recomputes the conversations time has changed (a snooze ended, a deadline passed unmarked). */
  async function refreshStale(stale: readonly string[]): Promise<void> {
    if (stale.length === 0) return;
    const policies = await slaPolicies.all(db);
    const tx = conversations.startWrite(db, ['messages', 'contacts']);
    for (const id of stale) {
      const value: unknown = await tx.objectStore('conversations').get(id);
      if (value !== undefined) await refreshConversationIn(tx, conversations.parse(value), policies, clock);
    }
    await tx.done;
  }

  async function showBadge(text: string, colour: string): Promise<void> {
    if (text !== shown.text) {
      await browser.action.setBadgeText({ text });
      shown.text = text;
    }
    if (colour !== shown.colour) {
      await browser.action.setBadgeBackgroundColor({ color: colour });
      shown.colour = colour;
    }
  }

  async function wakeAt(when: number | null): Promise<void> {
    if (when === shown.alarmAt) return;
    if (when !== null) await browser.alarms.create(CLOCK_ALARM, { when });
    else await browser.alarms.clear(CLOCK_ALARM);
    shown.alarmAt = when;
  }

  async function update(): Promise<void> {
    const marks = refreshMarks();
    const nowIso = clock.nowIso();
    const nowMs = Date.parse(nowIso);
    const [read, due, followUpNext] = await Promise.all([queueRefreshMarks(db, nowMs), dueFollowUps(db, nowIso), nextFollowUpDue(db, nowIso)]);
    let queue = read;
    marks.step('read');
    if (queue.floors.staleMs <= nowMs) {
      await refreshStale(queue.staleIds);
      await raiseQueueFloors(db, ['staleMs']);
      queue = await queueRefreshMarks(db, nowMs);
      marks.step('stale');
    }
    const badge = badgeFromMarks({ waitingCount: queue.counts.waiting, dueFollowUpsCount: due.length, ...queue }, nowMs);
    await showBadge(badge.text, badge.colour);
    marks.step('badge');
    if (queue.floors.alertMs <= nowMs) {
      await warnings.notify(db, nowIso, meAgentId);
      marks.step('alerts');
    }
    const next = [queue.nextInstantMs, followUpNext === null ? null : Date.parse(followUpNext)].filter((at): at is number => at !== null).sort((a, b) => a - b)[0];
    await wakeAt(next === undefined ? null : next + 500);
    marks.step('alarm');
    marks.done();
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
