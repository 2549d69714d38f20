import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { xProfilePage, type XPerson } from './pages/x-direct-message';
import { artifactPath } from './support/artifacts';

/** Abgar Gulo of the saved LinkedIn profile, also on X (no saved X page of his: a test page in X's markup). */
const ABGAR_ON_X: XPerson = { handle: 'AbgarGulo', name: 'Abgar Gulo' };
const ME: XPerson = { handle: 'Kikobeats', name: 'K I K O B E A T S ⚡️' };
const ABGAR_X_URL = 'https://x.com/abgargulo';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route(ABGAR_X_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: xProfilePage(ABGAR_ON_X, ME, '/messages/1-2') }),
  );
});
afterAll(async () => {
  await browser.close();
});

async function open(url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('same-person-open').waitFor();
  return { page, panel };
}

describe('"Same person as…" in the panel', () => {
  it('finds a contact by search, and changes nothing when the merge is not confirmed', async () => {
    const sri = await open(fixturePages.sriProfile.url);
    const sriName = (await sri.panel.getByTestId('person-name').textContent()) ?? '';
    await sri.page.close();

    const nikita = await open(fixturePages.xProfile.url);
    // Another name: nothing suggested without a search.
    expect(await nikita.panel.getByTestId('same-person-suggestion').count()).toBe(0);
    await nikita.panel.getByTestId('same-person-open').click();
    await nikita.panel.getByTestId('same-person-search').fill(sriName.split(' ')[0] ?? '');
    await nikita.panel.getByTestId('same-person-choice').first().click();
    expect(await nikita.panel.getByTestId('same-person-question').textContent()).toContain(sriName);
    await nikita.panel.getByTestId('same-person-back').click();
    await nikita.panel.getByRole('button', { name: 'Cancel' }).click();
    await nikita.panel.getByTestId('same-person-open').waitFor();
    expect(await nikita.panel.getByTestId('panel-history').count()).toBe(0);
    await nikita.page.close();
  });

  it('suggests the namesake met on LinkedIn, merges after the confirmation, and shows both sites’ history', async () => {
    const linkedin = await open(fixturePages.abgarProfile.url);
    await linkedin.panel.getByTestId('note-input').fill('Met at the Stockholm fair');
    await linkedin.panel.getByTestId('note-save').click();
    await expect.poll(() => linkedin.panel.getByTestId('notes').textContent()).toContain('Stockholm fair');
    await linkedin.page.close();

    const x = await open(ABGAR_X_URL);
    const suggestion = x.panel.getByTestId('same-person-suggestion');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('Abgar Gulo (LinkedIn:');
    await x.page.screenshot({ path: artifactPath('panel-same-person-suggested.png') });

    await x.panel.getByTestId('same-person-open').click();
    // Opened with the suggested name already searched.
    expect(await x.panel.getByTestId('same-person-search').inputValue()).toBe('Abgar Gulo');
    await x.panel.getByTestId('same-person-choice').first().click();
    await x.panel.getByTestId('same-person-question').waitFor();
    await x.page.screenshot({ path: artifactPath('panel-same-person-confirm.png') });
    await x.panel.getByTestId('same-person-confirm').click();

    const history = x.panel.getByTestId('panel-history');
    await history.waitFor();
    await expect.poll(() => x.panel.getByTestId('panel-history-sites').textContent()).toMatch(/LinkedIn: .+ · X: abgargulo|X: abgargulo · LinkedIn: /);
    const entries = await history.getByTestId('contact-history').textContent();
    expect(entries).toContain('First met on LinkedIn');
    expect(entries).toContain('First met on X');
    expect(entries).toContain('Met at the Stockholm fair');
    // The note from LinkedIn is in the panel's notes on X too, and nothing is suggested any more.
    await expect.poll(() => x.panel.getByTestId('notes').textContent()).toContain('Stockholm fair');
    expect(await x.panel.getByTestId('same-person-suggestion').count()).toBe(0);
    await x.page.screenshot({ path: artifactPath('panel-same-person-merged.png') });
    await x.page.close();
  });
});
