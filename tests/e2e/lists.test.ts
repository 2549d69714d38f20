import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { allFixturePages, fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';
import { ask as askFrom } from './support/ask';


let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});
afterAll(async () => {
  await browser.close();
});

/** A request to the background, sent from the options page exactly as its sections send them. */
function ask<T>(type: string, payload: unknown): Promise<T> {
  return askFrom<T>(options, type, payload);
}

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Chris,Irwin,https://www.linkedin.com/in/chris-irwin-74150a31,,Salford Red Devils,Chief Executive Officer,02 Dec 2026',
].join('\n');

describe('lists of people and posts', () => {
  it('LinkedIn people search: the result of a known contact carries its stage badge', async () => {
    await ask('import.csv', { format: 'linkedin', csv: CONNECTIONS });
    const [chris] = await ask<Array<{ id: string; displayName: string }>>('contacts.recent', { limit: 5 });
    expect(chris?.displayName).toBe('Chris Irwin');
    await ask('contact.update', { contactId: chris?.id, stage: 'qualified' });

    const page = await browser.context.newPage();
    await page.goto(fixturePages.searchResults.url);
    // Row badges have a random element name each run (the page must not find them by name): the test
    // finds our shadow hosts by that shape inside result links and marks them for its own locators.
    const markBadges = () =>
      page.evaluate(() => {
        const hosts = [...document.querySelectorAll('a *')].filter((element) => /^[a-z]{4,7}-[a-z]{4,7}$/.test(element.localName));
        for (const host of hosts) host.setAttribute('data-test-row-badge', '');
        return hosts.length;
      });
    await expect.poll(markBadges, { timeout: 10_000 }).toBe(1);
    const badges = page.locator('[data-test-row-badge]');
    // The badge sits in Chris Irwin's result, not in a "LinkedIn Member" row or Terry Graham's.
    const row = badges.first().locator('xpath=ancestor::*[@data-view-name="search-entity-result-universal-template"][1]');
    expect(await row.innerText()).toContain('Chris Irwin');
    expect(await badges.first().evaluate((host) => host.closest('a')?.getAttribute('href') ?? '')).toContain('/in/chris-irwin-74150a31');
    await badges.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('linkedin-search-row-badge.png') });
    await page.close();
  });

  it('a Facebook Page’s posts tab gets the panel for the Page', async () => {
    const url = allFixturePages.find((fixture) => fixture.file === 'facebook/page-2019-a.html')?.url ?? '';
    const page = await browser.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('person-name').waitFor();
    expect(await panel.getByTestId('person-name').textContent()).toBe('Pół Żartem Pół Serio');
    await page.screenshot({ path: artifactPath('panel-facebook-page-posts.png') });
    await page.close();
  });
});
