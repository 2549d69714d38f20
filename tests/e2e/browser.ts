import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { allFixturePages, readFixture } from './fixture-pages';

export const EXTENSION_DIR = path.resolve(process.cwd(), process.env.REPLYLINE_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  profileDir: string;
  close(): Promise<void>;
}

/** Chromium with the built extension and no network: fixture pages are served at their real URLs. */
export async function launchWithExtension(
  options: { profileDir?: string; withExtension?: boolean; headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run npm run build first`);
  }
  const withExtension = options.withExtension ?? true;
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'replyline-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--disable-sync',
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
    ],
  });
  await routeFixtures(context);
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(serviceWorker.url()).host;
  }
  return {
    context,
    extensionId,
    serviceWorker: serviceWorker as Worker,
    profileDir,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Every fixture at its URL; every other request fails, so nothing reaches the internet. */
async function routeFixtures(context: BrowserContext): Promise<void> {
  const byUrl = new Map(allFixturePages.map((page) => [normalise(page.url), page]));
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const page = byUrl.get(normalise(route.request().url()));
      if (page) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFixture(page) });
      } else {
        await route.abort('blockedbyclient');
      }
    },
  );
}

function normalise(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * panel.html is web-accessible only through its dynamic URL (use_dynamic_url): the frame's host is a
 * per-session id, not the extension's id. Only one extension is loaded in these browsers.
 */
export function isPanelUrl(url: string): boolean {
  return url.startsWith('chrome-extension://') && new URL(url).pathname === '/panel.html';
}

/** The panel's frame: an extension page inside the closed shadow root, reachable only through the frame tree. */
export async function panelFrame(page: Page, extensionId: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => isPanelUrl(candidate.url()));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`The panel frame of ${extensionId} did not appear`);
}
