import { browser } from 'wxt/browser';
import { backgroundProtocol, tabProtocol } from './protocol';
import { request } from './request';
import type { RequestOf, RequestType } from './route';

export { request } from './request';

/** From the panel, the popup or the options page to the background (content scripts use send-from-page.ts). */
export function sendToBackground<T extends RequestType<typeof backgroundProtocol>>(
  type: T,
  payload: RequestOf<typeof backgroundProtocol, T>,
) {
  return request(backgroundProtocol, (envelope) => browser.runtime.sendMessage(envelope), type, payload);
}

/** From the background to the content script of one tab (its top frame). */
export function sendToTab<T extends RequestType<typeof tabProtocol>>(
  tabId: number,
  type: T,
  payload: RequestOf<typeof tabProtocol, T>,
) {
  return request(tabProtocol, (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }), type, payload);
}
