import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';
import { arriveLinkedInMessage as arrive } from './support/page-arrivals';

/** The part of the extension API the service worker's evaluate calls below use. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } }> };
};


let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

function badge(): Promise<string> {
  return browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
}

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

describe('response timers in the browser', () => {
  let page: Page;

  it('counts nothing for a thread whose last message is old history', async () => {
    page = await browser.context.newPage();
    await page.goto(fixturePages.linkedinThread.url);
    const panel = await panelFrame(page, browser.extensionId);
    await panel.getByTestId('person-name').waitFor();
    expect(await badge()).toBe('');
  });

  it('shows badge 1 and a popup row with its time left when the customer writes', async () => {
    await arrive(page, 'her', 'Hi Alejo, is there an update on my invoice?');
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');

    const popup = await openPopup();
    const row = popup.getByTestId('pending-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('.row-title').textContent()).toContain('Mariana Hohot');
    // The row's second line names the place first (h7: a comment and its DM are one row).
    expect(await row.locator('.row-sub').textContent()).toBe('DM · Hi Alejo, is there an update on my invoice?');
    expect(await row.getByTestId('time-left').textContent()).toMatch(/^(23 hr 59 min|1 day) left$/);
    expect(await row.getByTestId('time-left').getAttribute('data-urgency')).toBe('fine');
    await popup.setViewportSize({ width: 360, height: 320 });
    await popup.screenshot({ path: artifactPath('popup.png') });
    await popup.close();
  });

  it('clears it when our reply appears on the page, and records the first response', async () => {
    await arrive(page, 'us', 'Hi Mariana, it went out this morning.');
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    const panel = await panelFrame(page, browser.extensionId);
    await expect.poll(() => panel.getByTestId('first-response').textContent(), { timeout: 10_000 }).toMatch(/^First response after \d+ min$/);

    const popup = await openPopup();
    await popup.getByTestId('no-pending').waitFor();
    await popup.close();
  });

  it('snoozes from the popup, hiding it until its time', async () => {
    await arrive(page, 'her', 'Got it, thanks. One more question about the invoice');
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');

    const popup = await openPopup();
    await popup.getByTestId('snooze').click();
    await popup.getByRole('button', { name: '1 hour' }).click();
    await popup.getByTestId('no-pending').waitFor();
    expect(await popup.getByTestId('snoozed').textContent()).toContain('Snoozed (1)');
    // The badge follows the snooze's committed write (the background's change follower), a moment after the answer.
    await expect.poll(badge, { timeout: 2_000 }).toBe('');

    // A snooze of a few seconds, set the way the popup sets it, shows the conversation coming back.
    const answer = await popup.evaluate(async () => {
      const pending = await chrome.runtime.sendMessage({ replyline: 1, type: 'pending.list', payload: {} });
      const [item] = (pending as unknown as { data: { items: Array<{ conversationId: string }> } }).data.items;
      return chrome.runtime.sendMessage({
        replyline: 1,
        type: 'conversation.snooze',
        payload: { conversationId: item?.conversationId, until: new Date(Date.now() + 3000).toISOString() },
      });
    });
    expect(answer.ok).toBe(true);
    expect(await badge()).toBe('');
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    await popup.close();
  });
});
