import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';

async function open(browser: ExtensionBrowser, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  return { page, panel };
}

async function frameBox(panel: Frame) {
  const box = await (await panel.frameElement()).boundingBox();
  if (!box) throw new Error('the panel frame is not on screen');
  return box;
}

/** The host's own controls sit beside the frame in its closed shadow root. */
async function hostControl(panel: Frame, selector: string) {
  const handle = await (await panel.frameElement()).evaluateHandle((frame, wanted) => (frame.getRootNode() as ShadowRoot).querySelector(wanted), selector);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} beside the frame`);
  return element;
}

describe('where the panel sits', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({ profileDir: undefined });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps clear of LinkedIn’s Messaging overlay when it opens', async () => {
    const { page, panel } = await open(browser, fixturePages.abgarProfile.url);
    // The saved page has the overlay's markup but not LinkedIn's style sheet: give it its place and an open size.
    await page.addStyleTag({ content: '#msg-overlay .msg-overlay-list-bubble { position: fixed !important; right: 16px; bottom: 0; width: 360px; height: 560px; background: #dfe9f5; z-index: 100; display: block !important; }' });
    await expect.poll(async () => (await frameBox(panel)).x).toBeLessThan(400);
    const overlay = await page.locator('#msg-overlay .msg-overlay-list-bubble').boundingBox();
    const box = await frameBox(panel);
    expect(overlay).not.toBeNull();
    if (overlay) expect(box.x + box.width <= overlay.x || box.y + box.height <= overlay.y).toBe(true);
    await page.screenshot({ path: artifactPath('panel-avoids-messaging-overlay.png') });
    await page.close();
  });

  it('docks left, resizes from the keyboard, and remembers both on the site', async () => {
    const { page, panel } = await open(browser, fixturePages.sriProfile.url);
    const before = await frameBox(panel);
    await (await hostControl(panel, '.dock')).click();
    await expect.poll(async () => (await frameBox(panel)).x).toBe(16);
    const grip = await hostControl(panel, '.grip');
    await grip.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await frameBox(panel)).width).toBe(before.width + 48);
    await page.reload();
    const again = await panelFrame(page, browser.extensionId);
    await again.getByTestId('person-name').waitFor({ state: 'attached' });
    await expect.poll(async () => (await frameBox(again)).x).toBe(16);
    expect((await frameBox(again)).width).toBe(before.width + 48);
    await page.close();
  });

  it('follows Instagram’s dark mode and shows no empty reply block on a profile', async () => {
    const { page, panel } = await open(browser, fixturePages.instagramProfile.url);
    await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(27, 31, 35)');
    expect(await panel.getByTestId('reply-help').count()).toBe(0);
    await page.screenshot({ path: artifactPath('panel-dark-instagram.png') });
    await page.close();
  });
});
