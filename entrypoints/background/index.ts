import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ReplicaClock } from '@/lib/db/clock';
import { openReplylineDb } from '@/lib/db/open';
import { createRequestHandler, type RequestSender } from '@/lib/messaging/handle';
import { backgroundProtocol, PANEL_PORT_NAME } from '@/lib/messaging/protocol';
import { createBackgroundHandlers } from './handlers';
import { onCommand } from './open-panel';
import { PanelPorts } from './panel-ports';
import { forgetTab } from './tab-state';

function senderOf(sender: Browser.runtime.MessageSender): RequestSender {
  return { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url };
}

export default defineBackground(() => {
  const panels = new PanelPorts();
  // Opened on first use; listeners below are registered synchronously so no wake-up event is missed.
  const ready = (async () => {
    const db = await openReplylineDb();
    const clock = await ReplicaClock.load(db);
    return createRequestHandler(backgroundProtocol, createBackgroundHandlers({ db, clock, panels }));
  })();

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void ready.then((handle) => handle(message, senderOf(sender))).then(sendResponse);
    return true; // answered asynchronously
  });

  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name === PANEL_PORT_NAME && tabId !== undefined) panels.add(tabId, port);
    else port.disconnect();
  });

  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
