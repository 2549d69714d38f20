import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { PendingItem } from '@/lib/messaging/views';
import { readSettings, translatorFor } from '@/lib/settings/storage';

const NOTIFICATION_PREFIX = 'replyline:';
const SUMMARY_NOTIFICATION = 'replyline-summary';
const MAX_ALERTS_PER_REFRESH = 3;
const sentSchema = z.record(z.string(), z.array(z.string()));
const sentItem = storage.defineItem<unknown>('local:breach-warnings-sent');

/** The thresholds an item has crossed, each named by the deadline it belongs to so a new clock warns again. */
function crossed(item: PendingItem, nowIso: string): Array<{ key: string; level: 'warning' | 'overdue' }> {
  if (item.kind !== 'conversation' || item.status !== 'waiting' || !item.dueAt) return [];
  if (item.dueAt <= nowIso) return [{ key: `overdue@${item.dueAt}`, level: 'overdue' }];
  if (item.warnAt && item.warnAt <= nowIso) return [{ key: `warning@${item.dueAt}`, level: 'warning' }];
  return [];
}

/**
 * Desktop notifications before (and at) a breach: once per conversation and threshold, remembered in
 * extension storage so a restarted service worker does not warn twice. Clicking one opens the conversation.
 */
export function breachWarnings() {
  async function notify(items: readonly PendingItem[], nowIso: string): Promise<number> {
    const parsed = sentSchema.safeParse(await sentItem.getValue());
    const previous = parsed.success ? parsed.data : {};
    const sent: Record<string, string[]> = {};
    const t = translatorFor(await readSettings());
    let shown = 0;
    let folded = 0;
    for (const item of items) {
      const keys = previous[item.id] ?? [];
      for (const { key, level } of crossed(item, nowIso)) {
        if (keys.includes(key)) continue;
        keys.push(key);
        // A sync or an import can cross hundreds of thresholds at once: a few alerts, then one summary.
        if (shown >= MAX_ALERTS_PER_REFRESH) {
          folded += 1;
          continue;
        }
        shown += 1;
        await browser.notifications.create(`${NOTIFICATION_PREFIX}${item.id}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t(level === 'overdue' ? 'notifyOverdueTitle' : 'notifyWarningTitle', item.personName),
          message: item.excerpt || t('notifyNoExcerpt'),
          priority: level === 'overdue' ? 2 : 1,
        });
      }
      if (keys.length > 0) sent[item.id] = keys.slice(-10);
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
    // Only what is still pending is kept: a resolved conversation's record goes with it.
    await sentItem.setValue(sent);
    return shown;
  }

  function conversationOf(notificationId: string): string | null {
    return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
  }

  function isSummary(notificationId: string): boolean {
    return notificationId === SUMMARY_NOTIFICATION;
  }

  return { notify, conversationOf, isSummary };
}
