import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sections } from '@/components/options/SectionNav';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { axeViolations, blockingViolations } from './support/axe';
import { yearOfConversations } from './support/history';
import { addThroughBackup } from './support/ask';


let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

async function extensionPage(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${file}`);
  return page;
}


describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('the popup with nothing pending', async () => {
    const popup = await extensionPage('popup.html');
    await popup.getByTestId('no-pending').waitFor();
    expect(await blockingViolations(popup, 'popup, nothing pending')).toEqual([]);
    await popup.close();
  });

  it('every section of the options page, and its editors', async () => {
    const page = await extensionPage('options.html#general');
    for (const section of sections) {
      await page.getByTestId(`nav-${section}`).click();
      await page.getByTestId(`section-${section}`).waitFor();
      if (section === 'dashboard') await page.locator('.dashboard[aria-busy="false"]').waitFor();
      if (section === 'data') await page.getByTestId('store-counts').waitFor();
      if (section === 'policies') await page.getByTestId('policy-list').waitFor();
      expect(await blockingViolations(page, `options ${section}`), section).toEqual([]);
    }
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policy-add').click();
    await page.getByTestId('business-hours-on').check();
    await page.getByTestId('policy-save').click(); // empty name: the form shows its errors
    await page.getByRole('alert').first().waitFor();
    expect(await blockingViolations(page, 'options policy form with errors')).toEqual([]);
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('templates-add').click();
    await page.getByTestId('template-body').fill('Hi {{first_name}}');
    expect(await blockingViolations(page, 'options template form')).toEqual([]);
    await page.close();
  });

  it('the popup with conversations pending', async () => {
    const options = await extensionPage('options.html#data');
    await addThroughBackup(options, { conversations: yearOfConversations(300, Date.now(), 'e2e-a11y') });
    await options.close();

    const popup = await extensionPage('popup.html');
    await popup.getByTestId('pending-row').first().waitFor();
    expect(await blockingViolations(popup, 'popup, pending')).toEqual([]);
    await popup.close();
  });

  it('the panel on a saved LinkedIn profile', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixturePages.sriProfile.url);
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('person-name').waitFor();
    expect(await blockingViolations(panel, 'panel on a LinkedIn profile')).toEqual([]);
    // The panel is its own document: one main landmark named by its h1, no banner inside it (issue 14.10's three moderate findings).
    expect((await axeViolations(panel)).map((violation) => `${violation.impact ?? ''} ${violation.id}`)).toEqual([]);
    await page.close();
  });
});
