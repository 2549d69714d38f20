import type { ExtensionBrowser } from './browser';

/** The part of the extension API that the service worker's evaluate calls below use. */
declare const chrome: {
  tabs: {
    query(filter: { active: boolean; lastFocusedWindow: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

/**
 * Sends a request to the content script of the active tab, from the service worker, exactly as the
 * background does (for what the page cannot trigger in headless Chromium, such as a browser shortcut).
 */
export function sendToActiveTab(browser: ExtensionBrowser, type: string, payload: unknown): Promise<unknown> {
  return browser.serviceWorker.evaluate(
    async ({ type, payload }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('No active tab');
      return chrome.tabs.sendMessage(tab.id, { replyline: 1, type, payload }, { frameId: 0 });
    },
    { type, payload },
  );
}
