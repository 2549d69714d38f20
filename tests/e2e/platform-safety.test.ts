import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { isPanelUrl, launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { allFixturePages, fixturePages, type FixturePage } from './fixture-pages';

/**
 * What a site can see of Replyline, and what Replyline does on the site by itself: on every saved page,
 * loaded with and without the extension, nothing leaves the page because of us, nothing is clicked,
 * submitted or navigated, and nothing in the page (tag names, attributes, globals, messages,
 * web-accessible files) names the extension.
 */

const SETTLE_MS = 1500;

/** Installed in the page's own world before its scripts: what a site's script could observe. */
function installProbe(): void {
  const seen = { untrusted: [] as string[], messages: [] as string[] };
  const types = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'submit', 'keydown', 'keypress', 'keyup'];
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) seen.untrusted.push(`${type} on ${(event.target as Element | null)?.localName ?? '?'}`);
      },
      true,
    );
  }
  window.addEventListener('message', (event) => {
    try {
      seen.messages.push(JSON.stringify(event.data));
    } catch {
      seen.messages.push(String(event.data));
    }
  });
  Object.defineProperty(window, '__safetyProbe', { value: seen, enumerable: false });
  Object.defineProperty(window, '__safetyGlobalsAtStart', { value: Object.getOwnPropertyNames(window), enumerable: false });
}

interface PageObservation {
  /** Requests to the web (not chrome-extension://) with a script of ours on the initiator's stack. */
  ourRequests: string[];
  /** Every web request's origin + path, to compare with the same page without the extension. */
  requests: string[];
  untrustedEvents: string[];
  /** Messages the page's window received that mention the extension or WXT. */
  markedMessages: string[];
  /** Globals on the page's window that were not there without the extension (filled in by the caller). */
  globals: string[];
  /** Tag names, attribute names or values in the page that name the extension. */
  marks: string[];
  urlAfter: string;
  pagesInContext: number;
}

let withExtension: ExtensionBrowser;
let without: ExtensionBrowser;

beforeAll(async () => {
  withExtension = await launchWithExtension();
  without = await launchWithExtension({ withExtension: false });
  await withExtension.context.addInitScript(installProbe);
  await without.context.addInitScript(installProbe);
});
afterAll(async () => {
  await withExtension.close();
  await without.close();
});

interface InitiatorStack {
  callFrames: { url: string }[];
  parent?: InitiatorStack;
}

function stackUrls(initiator: { stack?: InitiatorStack }): string[] {
  const urls: string[] = [];
  for (let stack = initiator.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((frame) => frame.url));
  return urls;
}

async function observe(browser: ExtensionBrowser, fixture: FixturePage, extensionId: string): Promise<PageObservation & { allGlobals: string[] }> {
  const page = await browser.context.newPage();
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const ourRequests: string[] = [];
  const requests = new Set<string>();
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    if (!/^https?:/.test(request.url)) return;
    const url = new URL(request.url);
    requests.add(`${url.origin}${url.pathname}`);
    if (stackUrls(initiator).some((frame) => frame.startsWith('chrome-extension://'))) ourRequests.push(request.url);
  });
  await cdp.send('Network.enable');
  try {
    await page.goto(fixture.url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const inPage = await page.evaluate((id) => {
      const probe = (window as unknown as { __safetyProbe: { untrusted: string[]; messages: string[] } }).__safetyProbe;
      const atStart = new Set((window as unknown as { __safetyGlobalsAtStart: string[] }).__safetyGlobalsAtStart);
      const named = (text: string) => /replyline|wxt/i.test(text) || (id !== '' && text.includes(id));
      const marks: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        if (named(element.localName)) marks.push(`<${element.localName}>`);
        for (const attribute of element.attributes) {
          if (named(attribute.name) || named(attribute.value)) marks.push(`${element.localName}[${attribute.name}="${attribute.value.slice(0, 80)}"]`);
        }
      }
      return {
        untrustedEvents: probe.untrusted,
        markedMessages: probe.messages.filter(named),
        marks,
        allGlobals: Object.getOwnPropertyNames(window).filter((name) => !atStart.has(name)),
      };
    }, extensionId);
    return {
      ourRequests,
      requests: [...requests].sort(),
      ...inPage,
      globals: [],
      urlAfter: page.url(),
      pagesInContext: browser.context.pages().length,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

describe('platform safety on every saved page', () => {
  it.each(allFixturePages.map((fixture) => [fixture.file, fixture] as const))('%s: no requests, clicks, navigations or marks of ours', async (_file, fixture) => {
    const seen = await observe(withExtension, fixture, withExtension.extensionId);
    const baseline = await observe(without, fixture, '');
    const addedGlobals = seen.allGlobals.filter((name) => !baseline.allGlobals.includes(name));
    expect({
      ourRequests: seen.ourRequests,
      requestsNotMadeWithout: seen.requests.filter((request) => !baseline.requests.includes(request)),
      untrustedEvents: seen.untrustedEvents,
      markedMessages: seen.markedMessages,
      addedGlobals,
      // The sites' own markup names "wxt" now and then (ids, tokens): only what the extension added counts.
      marks: seen.marks.filter((mark) => !baseline.marks.includes(mark)),
      urlAfter: seen.urlAfter,
      pagesInContext: seen.pagesInContext,
    }).toEqual({
      ourRequests: [],
      requestsNotMadeWithout: [],
      untrustedEvents: baseline.untrustedEvents,
      markedMessages: [],
      addedGlobals: [],
      marks: [],
      urlAfter: baseline.urlAfter,
      pagesInContext: baseline.pagesInContext,
    });
  });
});

describe('web-accessible files and host elements', () => {
  async function openProfile(): Promise<Page> {
    const page = await withExtension.context.newPage();
    await page.goto(fixturePages.abgarProfile.url);
    await panelFrame(page, withExtension.extensionId);
    return page;
  }

  it('loads the panel from a per-session URL, and a probe of the extension id finds nothing', async () => {
    const page = await openProfile();
    // Chromium loads the dynamic URL and then shows the frame under the extension's origin; the page cannot read
    // either (the frame is cross-origin, inside a closed shadow root). What matters is that the frame loaded at all…
    expect(page.frames().some((frame) => isPanelUrl(frame.url()))).toBe(true);
    // …and that the static URL, the one a site can build from an extension's id, no longer answers.
    // What LinkedIn's extension scan does for each id on its list.
    const probe = await page.evaluate(async (id) => {
      try {
        const response = await fetch(`chrome-extension://${id}/panel.html`);
        return `status ${response.status}`;
      } catch {
        return 'failed';
      }
    }, withExtension.extensionId);
    expect(probe).toBe('failed');
    await page.close();
  });

  it('names its host element at random for each page, so the page cannot look it up by name', async () => {
    const hostName = async () => {
      const page = await openProfile();
      const name = await page.evaluate(() => document.body.lastElementChild?.localName ?? '');
      await page.close();
      return name;
    };
    const first = await hostName();
    const second = await hostName();
    expect(first).toMatch(/^[a-z]{4,7}-[a-z]{4,7}$/);
    expect(second).toMatch(/^[a-z]{4,7}-[a-z]{4,7}$/);
    expect(first).not.toBe(second);
  });
});
