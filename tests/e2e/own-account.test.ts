import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages, readFixture } from './fixture-pages';
import { artifactPath } from './support/artifacts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

/** The `<code>` element with this id, whole. */
function codeElement(html: string, id: string): string {
  const start = html.indexOf(`<code style="display: none" id="${id}">`);
  const end = html.indexOf('</code>', start);
  if (start < 0 || end < 0) throw new Error(`No <code id="${id}"> in the page`);
  return html.slice(start, end + '</code>'.length);
}

const ME_MENU_PHOTO = /<img[^>]*global-nav__me-photo[^>]*>/;

/**
 * Eduardo Alvarez Nowak's own profile as he would see it signed in. No saved page is one (the page
 * called profile-2024-own was saved by the account Novare Potential, see tests/unit/sites/linkedin.test.ts),
 * so this joins two real pages: the top card of profile-2024-own (Eduardo's profile) with the signed-in
 * parts of profile-2024-a (saved signed in as Eduardo): the embedded /voyager/api/me answer and the Me menu photo.
 */
function eduardoOnHisOwnProfile(): string {
  const own = readFixture(fixturePages.ownProfile);
  const signedInAsEduardo = readFixture(fixturePages.sriProfile);
  const meAnswer = codeElement(signedInAsEduardo, 'bpr-guid-2104688').replace('id="bpr-guid-2104688"', 'id="bpr-guid-2194383"');
  const menuPhoto = ME_MENU_PHOTO.exec(signedInAsEduardo)?.[0];
  if (menuPhoto === undefined) throw new Error('No Me menu photo in profile-2024-a');
  return own.replace(codeElement(own, 'bpr-guid-2194383'), meAnswer).replace(ME_MENU_PHOTO, menuPhoto);
}

async function openOwnProfile(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route(fixturePages.ownProfile.url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: eduardoOnHisOwnProfile() }),
  );
  await page.goto(fixturePages.ownProfile.url);
  return page;
}

describe('the signed-in account', () => {
  it('on one’s own LinkedIn profile the panel says "This is you" and keeps no prospect', async () => {
    const page = await openOwnProfile();
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('this-is-you').waitFor();
    expect(await panel.getByTestId('person-name').textContent()).toBe('Eduardo Alvarez Nowak');
    expect(await panel.getByTestId('this-is-you').textContent()).toBe('This is you');
    expect(await panel.getByTestId('stage').count()).toBe(0);
    expect(await panel.getByTestId('note-input').count()).toBe(0);
    await page.screenshot({ path: artifactPath('panel-this-is-you.png') });

    // Nothing became a contact: the popup's recent contacts stay empty.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('No contacts yet', { exact: false }).waitFor();
    expect(await popup.getByText('Eduardo Alvarez Nowak').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('the same profile seen by another account (Novare Potential) is a prospect', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixturePages.ownProfile.url);
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('stage').waitFor();
    expect(await panel.getByTestId('person-name').textContent()).toBe('Eduardo Alvarez Nowak');
    expect(await panel.getByTestId('this-is-you').count()).toBe(0);
    await page.close();
  });
});
