import { browser } from 'wxt/browser';
import { pageRequests } from './page-protocol';
import { request } from './request';
import type { RequestOf, RequestType } from './route';

/**
 * From a content script to the background. Only the page's own requests, so that the content script
 * carries their small schemas and not the whole protocol.
 */
export function sendFromPage<T extends RequestType<typeof pageRequests>>(type: T, payload: RequestOf<typeof pageRequests, T>) {
  return request(pageRequests, (envelope) => browser.runtime.sendMessage(envelope), type, payload);
}
