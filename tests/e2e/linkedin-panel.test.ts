import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages, readFixture } from './fixture-pages';

const NOTE = 'Met at Nordic SaaS day <b>not bold</b>; wants pricing for 40 seats';

async function openProfile(browser: ExtensionBrowser, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor();
  return { page, panel };
}

describe('the panel on a LinkedIn profile', () => {
  let browser: ExtensionBrowser;
  let profileDir: string;

  beforeAll(async () => {
    browser = await launchWithExtension({ profileDir: undefined });
    profileDir = browser.profileDir;
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the name and headline read from the page', async () => {
    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    expect(await panel.getByTestId('person-name').textContent()).toBe('Abgar Gulo');
    expect(await panel.getByTestId('person-headline').textContent()).toBe('Board member of Mobvilla AB');
    expect(await panel.getByTestId('first-seen').textContent()).toMatch(/^First seen /);
    await page.screenshot({ path: 'docs/panel-on-linkedin-profile.png' });
    await page.close();
  });

  it('saves a note as plain text and shows it again after a reload', async () => {
    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    await panel.getByTestId('note-input').fill(NOTE);
    await panel.getByTestId('note-save').click();
    await expect.poll(() => panel.getByTestId('note').first().locator('.note-body').textContent()).toBe(NOTE);
    expect(await panel.locator('.note-body b').count()).toBe(0);

    await page.reload();
    const reloaded = await panelFrame(page, browser.extensionId);
    await expect.poll(() => reloaded.locator('.note-body').allTextContents()).toEqual([NOTE]);
    await page.close();
  });

  it('keeps stage and tags', async () => {
    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    await panel.getByTestId('stage').selectOption('qualified');
    await panel.getByTestId('tag-input').fill('nordics');
    await panel.getByTestId('tag-input').press('Enter');
    await expect.poll(() => panel.getByTestId('tags').locator('li').allTextContents()).toEqual(['nordics×']);
    await page.reload();
    const reloaded = await panelFrame(page, browser.extensionId);
    await expect.poll(() => reloaded.getByTestId('stage').inputValue()).toBe('qualified');
    expect(await reloaded.getByTestId('tags').locator('li').allTextContents()).toEqual(['nordics×']);
    await page.close();
  });

  it('is out of reach of the page’s own scripts', async () => {
    const { page } = await openProfile(browser, fixturePages.abgarProfile.url);
    const found = await page.evaluate((secret) => {
      const html = document.documentElement.outerHTML;
      const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot);
      const frames = [...document.querySelectorAll('iframe')].map((frame) => {
        try {
          return frame.contentDocument?.body.innerText ?? '';
        } catch {
          return '';
        }
      });
      return {
        inHtml: html.includes(secret) || html.includes('nordics'),
        inOpenShadowRoots: hosts.some((host) => host.shadowRoot?.innerHTML.includes(secret)),
        inFrames: frames.some((text) => text.includes(secret)),
        host: document.querySelector('replyline-panel')?.shadowRoot ?? null,
      };
    }, 'Nordic SaaS day');
    expect(found).toEqual({ inHtml: false, inOpenShadowRoots: false, inFrames: false, host: null });
    await page.close();
  });

  it('switches person when LinkedIn navigates in the page, and hides away from profiles', async () => {
    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    const next = fixturePages.sriProfile;
    // What LinkedIn's router does: swap the document's content and push the new URL, without a load.
    await page.evaluate(
      ({ html, url }) => {
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        document.title = parsed.title;
        document.querySelector('main')?.replaceWith(parsed.querySelector('main') ?? document.createElement('main'));
        history.pushState({}, '', url);
      },
      { html: readFixture(next), url: next.url },
    );
    await expect.poll(() => panel.getByTestId('person-name').textContent(), { timeout: 10_000 }).toBe('Sri Lalitha Jeevanige');
    expect(await panel.locator('.note-body').count()).toBe(0);

    await page.evaluate(() => {
      document.querySelector('main')?.replaceChildren();
      history.pushState({}, '', '/feed/');
    });
    await expect.poll(() => page.locator('replyline-panel').evaluate((host) => host.getBoundingClientRect().height), {
      timeout: 10_000,
    }).toBe(0);
    await page.close();
  });

  it('lists the contact in the popup, most recent first', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const names = popup.getByTestId('recent-contacts').locator('.row-title');
    await expect.poll(() => names.allTextContents()).toEqual(['Sri Lalitha Jeevanige', 'Abgar Gulo']);
    expect(await popup.getByTestId('no-pending').isVisible()).toBe(true);
    await popup.screenshot({ path: 'docs/popup.png' });
    await popup.close();
  });

  it('keeps the note across a browser restart on the same profile directory', async () => {
    await browser.context.close();
    const restarted = await launchWithExtension({ profileDir });
    try {
      const { panel } = await openProfile(restarted, fixturePages.abgarProfile.url);
      await expect.poll(() => panel.locator('.note-body').allTextContents()).toEqual([NOTE]);
    } finally {
      await restarted.close();
    }
  });
});
