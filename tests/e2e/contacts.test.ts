import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';

describe('contacts in the options page', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ profileDir: undefined });
    // Two people met on two sites: one on LinkedIn, one on X.
    for (const fixture of [fixturePages.abgarProfile, fixturePages.xProfile]) {
      const page = await browser.context.newPage();
      await page.goto(fixture.url);
      const panel = await panelFrame(page, browser.extensionId);
      await panel.getByTestId('person-name').waitFor({ state: 'attached' });
      await page.close();
    }
    options = await browser.context.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#contacts`);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lists and searches contacts by name and handle', async () => {
    await expect.poll(() => options.getByTestId('contact-row').count()).toBe(2);
    await options.getByTestId('contact-search').fill('abgar');
    await expect.poll(() => options.getByTestId('contact-row').allTextContents()).toHaveLength(1);
    expect(await options.getByTestId('contact-row').first().textContent()).toContain('Abgar Gulo');
    expect(await options.getByTestId('contact-count').textContent()).toBe('1 contact');
  });

  it('opens the whole history and saves typed details', async () => {
    await options.getByTestId('contact-row').first().locator('.contact-open').click();
    const detail = options.getByTestId('contact-detail');
    await detail.waitFor();
    expect(await options.getByTestId('contact-history').textContent()).toContain('First met on LinkedIn');
    await options.getByTestId('fact-email').fill('not an address');
    await options.getByTestId('contact-facts').getByRole('button').click();
    expect(await options.getByTestId('contact-facts').getByRole('alert').textContent()).toContain('E-mail');
    await options.getByTestId('fact-email').fill('abgar@example.com');
    await options.getByTestId('fact-phone').fill('+46 70 123 45 67');
    await options.getByTestId('fact-company').fill('Mobvilla AB');
    await options.getByTestId('contact-facts').getByRole('button').click();
    await expect.poll(() => options.getByTestId('fact-phone').inputValue()).toBe('+46 70 123 45 67');
    await options.getByTestId('contact-search').fill('mobvilla');
    await expect.poll(() => options.getByTestId('contact-row').count()).toBe(1);
    await options.screenshot({ path: artifactPath('options-contacts.png') });
  });

  it('merges two contacts by hand: the kept one has both identities', async () => {
    await options.getByTestId('contact-search').fill('');
    await expect.poll(() => options.getByTestId('contact-row').count()).toBe(2);
    for (const checkbox of await options.getByTestId('contact-row').locator('input[type=checkbox]').all()) await checkbox.check();
    await options.getByTestId('merge-bar').waitFor();
    await options.getByTestId('merge-keep-first').click();
    await expect.poll(() => options.getByTestId('contact-row').count()).toBe(1);
    await expect.poll(() => options.getByTestId('contact-identities').locator('li').count()).toBe(2);
    await options.screenshot({ path: artifactPath('options-contacts-merged.png') });
  });

  it('shows the typed details in the panel', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixturePages.abgarProfile.url);
    const panel = await panelFrame(page, browser.extensionId);
    await expect.poll(() => panel.getByTestId('panel-facts-known').textContent().catch(() => '')).toContain('abgar@example.com');
    await panel.getByTestId('panel-facts').locator('summary').click();
    await page.screenshot({ path: artifactPath('panel-contact-facts.png') });
    await page.close();
  });
});
