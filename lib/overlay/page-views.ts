import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PageView {
  url: URL;
  /** Aborted when the user navigates away (in-page or not) or the content script is invalidated. */
  signal: AbortSignal;
}

/**
 * Calls `onView` for the current page and again after each in-page navigation. Every view gets its own
 * AbortController, aborted when the next view starts, so its observers and waits end with it.
 */
export function followPageViews(ctx: ContentScriptContext, onView: (view: PageView) => void): void {
  let current: AbortController | undefined;
  const start = (url: URL) => {
    current?.abort();
    current = new AbortController();
    ctx.onInvalidated(() => current?.abort());
    onView({ url, signal: current.signal });
  };
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl));
  start(new URL(location.href));
}
