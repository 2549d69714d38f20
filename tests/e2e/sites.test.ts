import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { sendToActiveTab } from './extension-messages';
import { MESSENGER_THREAD_URL, messengerThreadPage } from './editors/messenger-page';
import { fixturePages, type FixturePage } from './fixture-pages';
import { arriveXReply } from './support/page-arrivals';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

/** Opens a saved page at its real URL and returns the name the panel shows. */
async function panelNameOn(fixture: Pick<FixturePage, 'url'>): Promise<{ page: Page; name: string | null }> {
  const page = await browser.context.newPage();
  await page.goto(fixture.url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  return { page, name: await panel.getByTestId('person-name').textContent() };
}

/** Asks the content script to fill the page's reply box, and records every request the page makes meanwhile. */
async function insertReply(page: Page, text: string): Promise<{ answer: unknown; requests: string[] }> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.bringToFront();
  const answer = await sendToActiveTab(browser, 'composer.insert', { text });
  return { answer, requests };
}

describe('Instagram', () => {
  it('shows the person of a profile', async () => {
    const { page, name } = await panelNameOn(fixturePages.instagramProfile);
    expect(name).toBe('GDG On Campus RBU');
    await page.close();
  });

  it('shows the author of a post and fills the comment box without sending', async () => {
    const { page, name } = await panelNameOn(fixturePages.instagramPost);
    expect(name).toBe('O POVO Online');
    const { answer, requests } = await insertReply(page, 'Obrigado pelo retorno! Vamos verificar.');
    expect(answer).toMatchObject({ ok: true, data: { inserted: true } });
    expect(await page.locator('textarea[aria-label]').first().inputValue()).toBe('Obrigado pelo retorno! Vamos verificar.');
    expect(requests).toEqual([]);
    expect(page.url()).toBe(fixturePages.instagramPost.url);
    await page.close();
  });
});

describe('X', () => {
  it('shows the person of a profile', async () => {
    const { page, name } = await panelNameOn(fixturePages.xProfile);
    expect(name).toBe('Nikita Bier');
    await page.close();
  });

  it('shows the author of someone else’s post', async () => {
    const { page, name } = await panelNameOn(fixturePages.xStatus);
    expect(name).toBe('Lina Morgana');
    await page.close();
  });

  it('on our own post, shows the latest customer who replied and fills the reply box without sending', async () => {
    const { page, name } = await panelNameOn(fixturePages.xOwnStatus);
    expect(name).toBe('Gisus');
    const { answer, requests } = await insertReply(page, 'Thanks for the kind words!');
    expect(answer).toMatchObject({ ok: true, data: { inserted: true } });
    expect(await page.locator('[contenteditable="true"]', { hasText: 'Thanks for the kind words!' }).count()).toBe(1);
    expect(requests).toEqual([]);
    expect(page.url()).toBe(fixturePages.xOwnStatus.url);
    await page.close();
  });
});

describe('a living page', () => {
  it('picks up a reply that arrives after the page was read', async () => {
    const { page, name } = await panelNameOn(fixturePages.xOwnStatus);
    expect(name).toBe('Gisus');
    // What X's own script does when a reply arrives: one more reply in the thread, no navigation.
    await arriveXReply(page, { handle: 'NewCustomer', name: 'New Customer' }, 'My order never arrived', '880999999999999999');
    const panel = await panelFrame(page, browser.extensionId);
    await expect.poll(() => panel.getByTestId('person-name').textContent()).toBe('New Customer');
    await page.close();
  });
});

describe('Facebook', () => {
  it('shows the author of a post', async () => {
    const { page, name } = await panelNameOn(fixturePages.facebookPost);
    expect(name).toBe('Salman Mohammad Sultan');
    await page.close();
  });

  it('in a Messenger thread, types into the real Lexical editor so the site enables its send button, and sends nothing', async () => {
    const html = await messengerThreadPage();
    await browser.context.route(MESSENGER_THREAD_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    const { page, name } = await panelNameOn({ url: MESSENGER_THREAD_URL });
    expect(name).toBe('Jane Doe');
    const send = page.getByTestId('send');
    expect(await send.getAttribute('aria-disabled')).toBe('true');

    const { answer, requests } = await insertReply(page, 'Sorry about that, Jane: checking order 4411 now.');
    expect(answer).toMatchObject({ ok: true, data: { inserted: true } });
    await expect.poll(() => send.getAttribute('data-editor-text')).toBe('Sorry about that, Jane: checking order 4411 now.');
    expect(await send.getAttribute('aria-disabled')).toBe('false');
    expect(await send.getAttribute('data-sent')).toBeNull();
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows the author of a classic news-feed story, and says so when the page has no comment box', async () => {
    // The saved story has no editor in its DOM (no saved Facebook page has one).
    const { page, name } = await panelNameOn(fixturePages.facebookClassicPost);
    expect(name).toBe('Matteo G.P. Flora');
    const { answer, requests } = await insertReply(page, 'Grazie del commento!');
    expect(answer).toEqual({ ok: true, data: { inserted: false, reason: 'no-composer' } });
    expect(requests).toEqual([]);
    await page.close();
  });
});
