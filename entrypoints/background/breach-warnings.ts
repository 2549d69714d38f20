import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { contacts } from '@/lib/db/contacts';
import type { ReplylineDb } from '@/lib/db/open';
import { alertsDue, crossedThreshold, markWarned } from '@/lib/db/queue-store';
import { readSettings, translatorFor } from '@/lib/settings/storage';

const NOTIFICATION_PREFIX = 'replyline:';
const SUMMARY_NOTIFICATION = 'replyline-summary';
const MAX_ALERTS_PER_REFRESH = 3;
const legacySentSchema = z.record(z.string(), z.array(z.string()));
/** Where warnings shown were remembered before the queue store kept them (schema v1). */
const legacySentItem = storage.defineItem<unknown>('local:breach-warnings-sent');

/**
 * Whether this device warns about a conversation: one owned by another agent warns that agent (on
 * their device), not everyone. Unknown who we are (no backend, or it did not answer): we warn, since
 * missing a breach is worse than an extra notice.
 */
export function warnsHere(ownerId: string | null, meAgentId: string | null): boolean {
  return ownerId === null || meAgentId === null || ownerId === meAgentId;
}

/**
 * Desktop notifications before (and at) a breach: once per conversation and threshold, remembered on
 * the conversation's queue entry so a restarted service worker does not warn twice. Only entries with
 * a threshold crossed and not yet warned are read. Clicking one opens the conversation. A threshold of
 * a conversation owned by a teammate is marked as handled without a notice (see warnsHere).
 */
export function breachWarnings() {
  /**
   * Shows what is due and records it (raising the alert floor, even with nothing due). Who this device's
   * agent is gets asked only when something is due.
   */
  async function notify(db: ReplylineDb, nowIso: string, meAgent: () => Promise<string | null> = async () => null): Promise<number> {
    const due = (await alertsDue(db, Date.parse(nowIso))).sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    if (due.length === 0) {
      await markWarned(db, []);
      return 0;
    }
    const meAgentId = await meAgent().catch(() => null);
    const t = translatorFor(await readSettings());
    const shown: Array<{ id: string; key: string }> = [];
    let alerts = 0;
    let folded = 0;
    for (const entry of due) {
      const crossed = crossedThreshold(entry, Date.parse(nowIso));
      if (!crossed) continue;
      shown.push({ id: entry.id, key: crossed.key });
      if (!warnsHere(entry.ownerId, meAgentId)) continue;
      // A sync or an import can cross hundreds of thresholds at once: a few alerts, then one summary.
      if (alerts >= MAX_ALERTS_PER_REFRESH) {
        folded += 1;
        continue;
      }
      alerts += 1;
      const personName = entry.authorName || (entry.contactId ? ((await contacts.get(db, entry.contactId))?.displayName ?? '') : '');
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${entry.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t(crossed.level === 'overdue' ? 'notifyOverdueTitle' : 'notifyWarningTitle', personName),
        message: entry.excerpt || t('notifyNoExcerpt'),
        priority: crossed.level === 'overdue' ? 2 : 1,
      });
    }
    if (folded > 0) {
      await browser.notifications.create(SUMMARY_NOTIFICATION, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: t('notifyMoreTitle', String(folded)),
        message: t('notifyMoreMessage'),
        priority: 1,
      });
    }
    await markWarned(db, shown);
    return alerts;
  }

  /** Folds the warnings a v1 extension remembered in storage into the queue entries, once. */
  async function adoptLegacyRecord(db: ReplylineDb): Promise<void> {
    const value = await legacySentItem.getValue();
    if (value === null) return;
    const parsed = legacySentSchema.safeParse(value);
    if (parsed.success) {
      await markWarned(db, Object.entries(parsed.data).flatMap(([id, keys]) => keys.map((key) => ({ id, key }))));
    }
    await legacySentItem.removeValue();
  }

  function conversationOf(notificationId: string): string | null {
    return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
  }

  function isSummary(notificationId: string): boolean {
    return notificationId === SUMMARY_NOTIFICATION;
  }

  return { notify, adoptLegacyRecord, conversationOf, isSummary };
}
