import type { BrowserContext, Route } from 'playwright-core';

const MAIN_ELEMENT = /<main\b[^>]*>[\s\S]*<\/main>/gi;
/** What stands where `<main>` was, so the real one can be put back in the same place. */
export const MAIN_SLOT_ID = 'replyline-bench-main-slot';

/** The page with its `<main>` element (the content script's anchor, `main h1`) cut out. */
export function withoutMain(html: string): string {
  const found = html.match(MAIN_ELEMENT) ?? [];
  if (found.length !== 1) throw new Error(`expected exactly one <main> element in the fixture, found ${found.length}`);
  return html.replace(MAIN_ELEMENT, `<div id="${MAIN_SLOT_ID}" hidden></div>`);
}

/**
 * Serves `html` at exactly `url` in this context until the returned function is called. Playwright runs
 * the most recently registered matching route first, so this wins over tests/e2e/browser.ts's fixture
 * routing (which still blocks everything else).
 */
export async function serveHtmlAt(context: BrowserContext, url: string, html: string): Promise<() => Promise<void>> {
  const target = new URL(url).href;
  const matches = (candidate: URL) => candidate.href === target;
  const handler = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await context.route(matches, handler);
  return () => context.unroute(matches, handler);
}
