import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb } from '@/lib/db/open';
import type { RequestSender } from '@/lib/messaging/handle';
import { PANEL_PORT_NAME } from '@/lib/messaging/protocol';
import { conversations } from '@/lib/db/conversations';
import { ensureDefaultPolicies } from '@/lib/db/sla-policies';
import { ensureStarterContent } from '@/lib/db/starter';
import { onCommand } from './open-panel';
import { PanelPorts } from './panel-ports';
import { createBackgroundServices } from './services';
import { forgetTab } from './tab-state';
import { CLOCK_ALARM, TICK_ALARM } from './timers';

const SYNC_ALARM = 'replyline-sync';

function senderOf(sender: Browser.runtime.MessageSender): RequestSender {
  return { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url };
}

export default defineBackground(() => {
  const panels = new PanelPorts();
  // Opened on first use; listeners below are registered synchronously so no wake-up event is missed.
  const services = (async () => {
    const db = await openReplylineDb();
    const clock = await ReplicaClock.load(db);
    await ensureDefaultPolicies(db, clock);
    await ensureStarterContent(db, clock);
    const { timers, sync, handle } = createBackgroundServices({ db, clock, panels });
    await timers.start();
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    void sync.start();
    return { db, clock, timers, sync, handle };
  })();

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void services
      .then(({ handle }) => handle(message, senderOf(sender)))
      .then(sendResponse);
    return true; // answered asynchronously
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLOCK_ALARM || alarm.name === TICK_ALARM) void services.then(({ timers }) => timers.refresh());
    if (alarm.name === SYNC_ALARM) void services.then(({ sync }) => sync.onAlarm());
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    void services.then(async ({ db, timers }) => {
      const conversationId = timers.warnings.conversationOf(notificationId);
      const conversation = conversationId ? await conversations.get(db, conversationId) : undefined;
      if (conversation) await browser.tabs.create({ url: conversation.url });
      else if (timers.warnings.isSummary(notificationId)) await browser.action.openPopup().catch(() => undefined);
      await browser.notifications.clear(notificationId);
    });
  });

  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name === PANEL_PORT_NAME && tabId !== undefined) panels.add(tabId, port);
    else port.disconnect();
  });

  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
