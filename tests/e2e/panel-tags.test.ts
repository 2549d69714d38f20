import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

async function openProfile(url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('tag-input').waitFor();
  return { page, panel };
}

async function addTag(panel: Frame, tag: string): Promise<void> {
  await panel.getByTestId('tag-input').fill(tag);
  await panel.getByTestId('tag-input').press('Enter');
}

const shownTags = (panel: Frame) => panel.locator('[data-testid="tags"] .tag').evaluateAll((items) => items.map((item) => item.firstChild?.textContent ?? ''));

describe('tags in the panel', () => {
  it('one tag whatever its case, under its first spelling, offered on the next contact', async () => {
    const abgar = await openProfile(fixturePages.abgarProfile.url);
    await addTag(abgar.panel, 'Nordics');
    await expect.poll(() => shownTags(abgar.panel)).toEqual(['Nordics']);
    await addTag(abgar.panel, 'nordics');
    await addTag(abgar.panel, 'SaaS');
    await expect.poll(() => shownTags(abgar.panel)).toEqual(['Nordics', 'SaaS']);
    await abgar.page.close();

    const sri = await openProfile(fixturePages.sriProfile.url);
    await sri.panel.getByTestId('tag-input').fill('n');
    const offered = await sri.panel.locator('[data-testid="tag-suggestions"] option').evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    expect(offered).toEqual(['Nordics']);
    // The datalist belongs to the box: Chromium shows it as the box's autocomplete.
    expect(
      await sri.panel
        .getByTestId('tag-input')
        .evaluate((input) => (input as HTMLInputElement).list === input.ownerDocument.querySelector('[data-testid="tag-suggestions"]')),
    ).toBe(true);
    await addTag(sri.panel, 'NORDICS');
    await expect.poll(() => shownTags(sri.panel)).toEqual(['Nordics']);
    await sri.panel.getByTestId('tag-input').fill('s');
    await sri.page.screenshot({ path: artifactPath('panel-tags-autocomplete.png') });
    await sri.page.close();
  });
});
