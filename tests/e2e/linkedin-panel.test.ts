import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { sendToActiveTab } from './extension-messages';
import { fixturePages, readFixture } from './fixture-pages';
import { artifactPath } from './support/artifacts';

const NOTE = 'Met at Nordic SaaS day <b>not bold</b>; wants pricing for 40 seats';

async function openProfile(browser: ExtensionBrowser, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  return { page, panel };
}

/** Whether the panel's frame is on screen (its element sits in a closed shadow root: reach it through the frame). */
async function isShown(panel: Frame): Promise<boolean> {
  return (await panel.frameElement()).isVisible();
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
    expect(await isShown(panel)).toBe(true);
    await page.screenshot({ path: artifactPath('panel-on-linkedin-profile.png') });
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
        // The panel's host (a random name each run) is the body's last child; its root is closed.
        host: document.body.lastElementChild?.shadowRoot ?? null,
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
    await expect.poll(() => isShown(panel), { timeout: 10_000 }).toBe(false);
    await page.close();
  });

  it('opens from the keyboard shortcut with the note box focused', async () => {
    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    await panel.getByRole('button', { name: 'Hide panel' }).click();
    await expect.poll(() => isShown(panel)).toBe(false);
    // Headless Chromium has no browser accelerators, so the command is delivered the way the
    // background's commands.onCommand handler delivers it (that handler has its own unit test).
    await page.bringToFront();
    await sendToActiveTab(browser, 'panel.open', { focusNote: true });
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-input');
    expect(await isShown(panel)).toBe(true);
    await page.keyboard.type('typed straight after the shortcut');
    expect(await panel.getByTestId('note-input').inputValue()).toBe('typed straight after the shortcut');
    await page.close();
  });

  it('shows the other party of a messaging thread and fills its reply box without sending', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(fixturePages.linkedinThread.url);
    const panel = await panelFrame(page, browser.extensionId);
    await expect.poll(() => panel.getByTestId('person-name').textContent()).toBe('Mariana Hohot');

    await page.bringToFront();
    const before = requests.length;
    expect(await sendToActiveTab(browser, 'composer.insert', { text: 'Gracias, Mariana — hablamos el lunes.' })).toMatchObject({
      ok: true,
      data: { inserted: true },
    });
    const composer = page.locator('.msg-form__contenteditable');
    expect((await composer.textContent())?.trim()).toBe('Gracias, Mariana — hablamos el lunes.');
    expect(page.url()).toBe(fixturePages.linkedinThread.url);
    expect(requests.slice(before)).toEqual([]);
    await page.close();
  });

  it('lists the contact in the popup, most recent first', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const names = popup.getByTestId('recent-contacts').locator('.row-title');
    // Most recent first: the thread's other party, then Abgar Gulo (seen again by the shortcut test).
    await expect.poll(() => names.allTextContents()).toEqual(['Mariana Hohot', 'Abgar Gulo', 'Sri Lalitha Jeevanige']);
    expect(await popup.getByTestId('no-pending').isVisible()).toBe(true);
    await popup.close();
  });

  it('degrades on a page it cannot fully read, and counts what it missed for the options page', async () => {
    // The saved comments list is a fragment without the post: the post's author cannot be read.
    const page = await browser.context.newPage();
    await page.goto(fixturePages.linkedinComments.url);
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('degraded').waitFor();
    expect(await panel.getByTestId('person-name').textContent()).not.toBe('');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const rows = options.getByTestId('misses').locator('tbody tr');
    await expect.poll(() => rows.allTextContents()).toContainEqual(expect.stringMatching(/^LinkedInWho wrote a post1/));
    await options.close();
    await page.close();
  });

  it('speaks Japanese once chosen in the options page, and English again after', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language').selectOption('ja');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Replyline の設定');

    const { page, panel } = await openProfile(browser, fixturePages.abgarProfile.url);
    await expect.poll(() => panel.getByTestId('note-save').textContent()).toBe('メモを保存');
    expect(await panel.getByTestId('first-seen').textContent()).toMatch(/^初回確認 2\d{3}\/\d{1,2}\/\d{1,2}$/);

    await options.getByTestId('language').selectOption('en');
    await expect.poll(() => panel.getByTestId('note-save').textContent()).toBe('Save note');
    await page.close();
    await options.close();
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
