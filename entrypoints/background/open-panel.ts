import { browser, type Browser } from 'wxt/browser';
import { OPEN_PANEL_COMMAND } from '@/lib/messaging/commands';
import { sendToTab } from '@/lib/messaging/send';

/** The keyboard shortcut: open the panel of the active tab with the note box focused. */
export async function onCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  if (command !== OPEN_PANEL_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  try {
    await sendToTab(tabId, 'panel.open', { focusNote: true });
    return true;
  } catch {
    return false; // Not a supported page: there is no panel to open.
  }
}
