import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface PageView {
  url: URL;
  /** Aborted when the user navigates away (in-page or not) or the content script is invalidated. */
  signal: AbortSignal;
}

/** The Navigation API's navigate event, as far as it is used here (not in every browser, nor in TypeScript's DOM types yet). */
interface NavigateEventLike extends Event {
  destination: { url: string };
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void, options: { signal: AbortSignal }): void;
}

const URL_POLL_MS = 1000;

/**
 * Calls `onChange` with the new URL after each in-page navigation. Unlike WXT's `wxt:locationchange`,
 * it dispatches no event on the page's window: an event named after the extension's id is a mark
 * the site could listen for.
 */
function watchLocation(ctx: ContentScriptContext, onChange: (url: URL) => void): void {
  let last = location.href;
  const changed = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('navigate', (event) => changed(event.destination.url), { signal: ctx.signal });
  } else {
    ctx.setInterval(() => changed(location.href), URL_POLL_MS);
  }
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
    onView({ url, signal: current.signal });
  };
  ctx.onInvalidated(() => current?.abort());
  watchLocation(ctx, start);
  start(new URL(location.href));
}
