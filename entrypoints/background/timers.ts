import { browser } from 'wxt/browser';
import type { ReplicaClock } from '@/lib/db/clock';
import { refreshConversationIn } from '@/lib/db/conversation-capture';
import { conversations } from '@/lib/db/conversations';
import { nextFollowUpDue } from '@/lib/db/follow-ups';
import type { ReplylineDb } from '@/lib/db/open';
import { activeConversations, isStale, type QueueEntry } from '@/lib/db/pending';
import { slaPolicies } from '@/lib/db/sla-policies';
import { badgeOf } from '@/lib/conversations/badge';
import type { PendingItem } from '@/lib/messaging/views';
import { breachWarnings } from './breach-warnings';
import { pendingItems } from './pending';

export const CLOCK_ALARM = 'replyline-clock';
export const TICK_ALARM = 'replyline-tick';

/** The next instant at which time alone changes what we show: a warning, a deadline, a snooze's end, a check-in. */
function nextInstant(items: readonly PendingItem[], nowIso: string, followUpDue: string | null): string | null {
  const candidates = [followUpDue];
  for (const item of items) candidates.push(item.warnAt, item.dueAt, item.snoozedUntil);
  return candidates.filter((at): at is string => at !== null && at > nowIso).sort()[0] ?? null;
}

/**
 * Keeps clocks, badge, breach warnings and the wake-up alarm in step with the stored conversations.
 * Everything runs from storage, so a restarted service worker picks up where the last one stopped.
 */
export function createTimers({ db, clock }: { db: ReplylineDb; clock: ReplicaClock }) {
  const warnings = breachWarnings();
  let running: Promise<void> = Promise.resolve();

  /** Recomputes the conversations time has changed; answers whether there were any. */
  async function refreshStale(entries: readonly QueueEntry[], nowIso: string): Promise<boolean> {
    const stale = entries.filter((entry) => isStale(entry, nowIso));
    if (stale.length === 0) return false;
    const policies = await slaPolicies.all(db);
    const tx = conversations.startWrite(db, ['messages', 'contacts']);
    for (const { id } of stale) {
      const value: unknown = await tx.objectStore('conversations').get(id);
      if (value !== undefined) await refreshConversationIn(tx, conversations.parse(value), policies, clock);
    }
    await tx.done;
    return true;
  }

  async function update(): Promise<void> {
    const nowIso = clock.nowIso();
    let entries = await activeConversations(db);
    if (await refreshStale(entries, nowIso)) entries = await activeConversations(db);
    const items = await pendingItems(db, nowIso, entries);
    const badge = badgeOf(items, nowIso);
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.colour });
    await warnings.notify(items, nowIso);
    const next = nextInstant(items, nowIso, await nextFollowUpDue(db, nowIso));
    if (next) await browser.alarms.create(CLOCK_ALARM, { when: Date.parse(next) + 500 });
    else await browser.alarms.clear(CLOCK_ALARM);
  }

  return {
    /** Serialised: overlapping refreshes would race on the badge and the alarm. */
    refresh(): Promise<void> {
      running = running.then(update, update);
      return running;
    },
    async start(): Promise<void> {
      await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
      await this.refresh();
    },
    warnings,
  };
}
