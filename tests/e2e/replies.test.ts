import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Request } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages, readFixture } from './fixture-pages';
import { xConversationPage, xProfilePage, type XPerson } from './pages/x-direct-message';
import { artifactPath } from './support/artifacts';
import { installSiteReplyBoxes } from '../support/site-reply-boxes';
import { arriveXReply } from './support/page-arrivals';

const ME: XPerson = { handle: 'Kikobeats', name: 'K I K O B E A T S ⚡️' };
const CUSTOMER: XPerson = { handle: 'NoraCustomer', name: 'Nora Customer' };
const PROFILE_URL = 'https://x.com/noracustomer';
const CONVERSATION_PATH = '/messages/880139124791029763-999000111';
const CONVERSATION_URL = `https://x.com${CONVERSATION_PATH}`;
const COMPLAINT = 'My order #A-10428841 never arrived and nobody answers. Where is it?';
const IG_COMPLAINT = 'My order #A-20991734 never arrived and nobody answers. Where is it?';
const LI_COMPLAINT = 'My order #A-30517726 never arrived and nobody answers. Where is it?';
const FB_COMPLAINT = 'My order #A-40662195 never arrived and nobody answers. Where is it?';

let browser: ExtensionBrowser;
const writes: string[] = [];
const recordWrites = (request: Request) => {
  if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`);
};

/** The non-GET requests the saved page makes by itself, loaded in Chromium without the extension. */
async function writesOfBarePage(url: string): Promise<string[]> {
  const bare = await launchWithExtension({ withExtension: false });
  const own: string[] = [];
  bare.context.on('request', (request) => {
    if (request.method() !== 'GET') own.push(`${request.method()} ${request.url()}`);
  });
  const page = await bare.context.newPage();
  await page.goto(url);
  await page.waitForTimeout(1_500);
  await bare.close();
  return own;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.context.on('request', recordWrites);
  await browser.context.route(PROFILE_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: xProfilePage(CUSTOMER, ME, CONVERSATION_PATH) }),
  );
  // The saved Instagram post, with lobo144568's comment (the latest) turned into a complaint with an order number.
  const instagramPost = readFixture(fixturePages.instagramPost).replace('É o tipo de notícia que a Direita não gosta', IG_COMPLAINT);
  await browser.context.route(fixturePages.instagramPost.url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: instagramPost }),
  );
  // The saved LinkedIn comments, with the latest customer comment (Ragavan M's) turned into a complaint.
  const linkedinComments = readFixture(fixturePages.linkedinComments).replace(/<span>Even if 10% was done[\s\S]*?<\/span>/, `<span>${LI_COMPLAINT}</span>`);
  await browser.context.route(fixturePages.linkedinComments.url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: linkedinComments }),
  );
  // The saved Facebook post, with the latest comment (Gianluca Gilardi's) turned into a complaint.
  const facebookPost = readFixture(fixturePages.facebookClassicPost).replace('/me compie copiosissimi gesti apotropaici', FB_COMPLAINT);
  await browser.context.route(fixturePages.facebookClassicPost.url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: facebookPost }),
  );
  await browser.context.route(CONVERSATION_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: xConversationPage(CUSTOMER, ME, 'Hi, I bought the blue one last week.') }),
  );
});
afterAll(async () => {
  await browser.close();
});

async function openWithComplaint(): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(fixturePages.xOwnStatus.url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  await arriveXReply(page, CUSTOMER, COMPLAINT, '880999999999999998');
  await expect.poll(() => panel.getByTestId('replies-subject').textContent(), { timeout: 10_000 }).toBe(COMPLAINT);
  return { page, panel };
}

/** How many reply boxes on the page hold exactly this text. */
const replyBoxesHolding = (page: Page, text: string | RegExp) => page.locator('[contenteditable="true"]', { hasText: text }).count();

describe('suggested replies and Move to DM in the panel', () => {
  it('suggests replies for the comment on screen, and a click fills the reply box without sending', async () => {
    const { page, panel } = await openWithComplaint();
    const suggestions = panel.getByTestId('suggestion');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeGreaterThanOrEqual(3);
    expect(await suggestions.count()).toBeLessThanOrEqual(5);
    const texts = await panel.getByTestId('suggestion-text').allTextContents();
    expect(texts.join('\n')).not.toMatch(/\{\{|undefined|null/);

    // The first template with nothing left to fill goes in with one click, filled with her name.
    const ready = panel.locator('[data-testid="suggestion"][data-kind="template"]:has([data-testid="insert-suggestion"]:enabled)').first();
    const expected = (await ready.getByTestId('suggestion-text').textContent()) ?? '';
    await ready.getByTestId('insert-suggestion').click();
    await expect.poll(() => replyBoxesHolding(page, expected), { timeout: 10_000 }).toBe(1);
    expect(expected).toContain('Nora');
    expect(await panel.getByTestId('replies-notice').textContent()).toMatch(/Check it, then press send yourself/);

    await panel.evaluate(() => document.getElementById('replies-heading')?.scrollIntoView());
    const frameElement = await panel.frameElement();
    await frameElement.screenshot({ path: artifactPath('panel-suggestions.png') });
    expect(writes).toEqual([]);
    await page.close();
  });

  it('on a public comment with an order number, suggests Move to DM; it fills the public reply and opens the private composer prefilled, sending nothing', async () => {
    const { page, panel } = await openWithComplaint();
    const sensitive = panel.getByTestId('sensitive');
    await sensitive.waitFor();
    expect(await sensitive.textContent()).toContain('order or ticket number');
    expect(await sensitive.textContent()).not.toContain('10428841');
    const move = panel.getByTestId('move-to-dm');
    expect(await move.getAttribute('class')).toContain('suggested');

    const opened = browser.context.waitForEvent('page');
    await panel.getByTestId('move-to-dm-button').click();
    // No DM exists yet: the public text says one is coming, never that it was sent.
    await expect.poll(() => replyBoxesHolding(page, "Sorry about this, Nora — we'll send you a DM so we can sort out your order privately."), { timeout: 10_000 }).toBe(1);

    // X needs a numeric user id for a message link: their profile opens, where X's own Message button is.
    const profile = await opened;
    await profile.waitForURL(PROFILE_URL);
    await profile.getByTestId('sendDMFromProfile').click();
    await profile.waitForURL(CONVERSATION_URL);
    const box = profile.getByTestId('dmComposerTextInput');
    await expect.poll(() => box.innerText(), { timeout: 15_000 }).toContain(fixturePages.xOwnStatus.url);
    const privateText = await box.innerText();
    expect(privateText).toContain('[order number]');
    expect(privateText).not.toContain('10428841');
    const send = profile.getByTestId('dmComposerSendButton');
    expect(await send.getAttribute('aria-disabled')).toBe('false');
    expect(await send.getAttribute('data-sent')).toBeNull();

    // The public conversation is now linked to the private one.
    await expect.poll(() => panel.getByTestId('dm-linked').count(), { timeout: 10_000 }).toBe(1);
    expect(writes).toEqual([]);
    await profile.close();
    await page.close();
  });

  it('on X: a public suggestion without the order number, a private one with it; the reply goes under her comment, addressed to her, counted, never sent', async () => {
    const { page, panel } = await openWithComplaint();
    await panel.getByTestId('suggestion').first().waitFor();
    expect(await panel.getByTestId('reply-addressee').textContent()).toContain('@noracustomer');
    const publicTexts = await panel.locator('[data-testid="suggestion"][data-channel="public"] [data-testid="suggestion-text"]').allTextContents();
    expect(publicTexts.length).toBeGreaterThanOrEqual(3);
    for (const text of publicTexts) expect(text).not.toContain('10428841');
    // The test before linked a DM whose prefilled text was never sent: no DM exists to mention.
    for (const text of publicTexts) expect(text).not.toMatch(/(?:I|we)(?:'ve| have) sent you a (?:DM|private message)/i);
    const privateTexts = await panel.getByTestId('private-suggestion-text').allTextContents();
    expect(privateTexts.some((text) => text.includes('A-10428841'))).toBe(true);
    expect(await panel.getByTestId('reply-counter').first().textContent()).toMatch(/^\d+ \/ 280$/);

    const ready = panel.locator('[data-testid="suggestion"][data-channel="public"]:has([data-testid="insert-suggestion"]:enabled)').first();
    const expected = (await ready.getByTestId('suggestion-text').textContent()) ?? '';
    await ready.getByTestId('insert-suggestion').click();
    await expect.poll(() => replyBoxesHolding(page, expected), { timeout: 10_000 }).toBe(1);
    const box = page.locator('[contenteditable="true"]', { hasText: expected });
    const received = (await box.innerText()).trim();
    expect(received.startsWith('@noracustomer ')).toBe(true);
    expect(received).not.toContain('10428841');
    await expect.poll(() => panel.getByTestId('box-length').textContent(), { timeout: 10_000 }).toMatch(/\/ 280/);
    // A second suggestion replaces the first instead of gluing onto it.
    const second = panel.locator('[data-testid="suggestion"][data-channel="public"]:has([data-testid="insert-suggestion"]:enabled)').nth(1);
    const secondText = (await second.getByTestId('suggestion-text').textContent()) ?? '';
    await second.getByTestId('insert-suggestion').click();
    await expect.poll(() => replyBoxesHolding(page, secondText), { timeout: 10_000 }).toBe(1);
    expect(await replyBoxesHolding(page, expected)).toBe(0);
    const finalText = (await page.locator('[contenteditable="true"]', { hasText: secondText }).innerText()).trim();
    expect(finalText).not.toMatch(/(?:I|we)(?:'ve| have) sent you a (?:DM|private message)/i);
    console.log(`[x] the customer would receive: ${JSON.stringify(finalText)}`);
    console.log(`[x] private suggestion: ${JSON.stringify(privateTexts[0])}`);

    await panel.evaluate(() => document.getElementById('replies-heading')?.scrollIntoView());
    await (await panel.frameElement()).screenshot({ path: artifactPath('replies-x-panel.png') });
    await page.screenshot({ path: artifactPath('replies-x-page.png') });
    expect(writes).toEqual([]);
    await page.close();
  });

  it('on Instagram: answers lobo144568, not the post’s author; no order number in public; the reply starts with @lobo144568; never sent', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixturePages.instagramPost.url);
    const panel = await panelFrame(page, browser.extensionId);
    // Her comment keeps the page's own emoji after the text we put in it.
    await expect.poll(() => panel.getByTestId('replies-subject').textContent(), { timeout: 15_000 }).toContain(IG_COMPLAINT);
    await panel.getByTestId('suggestion').first().waitFor();
    expect(await panel.getByTestId('reply-addressee').textContent()).toContain('@lobo144568');
    const all = (await panel.getByTestId('suggestion-text').allTextContents()).join('\n');
    expect(all).not.toMatch(/\bHi O\b|\bO,/);
    expect(all).not.toContain('20991734');
    expect((await panel.getByTestId('private-suggestion-text').allTextContents()).some((text) => text.includes('A-20991734'))).toBe(true);
    expect(await panel.getByTestId('reply-counter').first().textContent()).toMatch(/^\d+ \/ 2200$/);

    const ready = panel.locator('[data-testid="suggestion"][data-channel="public"]:has([data-testid="insert-suggestion"]:enabled)').first();
    const expected = (await ready.getByTestId('suggestion-text').textContent()) ?? '';
    expect(expected).toContain('lobo144568');
    await ready.getByTestId('insert-suggestion').click();
    const box = page.locator('textarea[aria-label]').first();
    // The @handle leads the reply, so the suggestion's own "Hi lobo144568," would name them twice.
    const body = expected.replace(/^Hi lobo144568,\s*/, '');
    await expect.poll(async () => (await box.inputValue()).toLowerCase(), { timeout: 10_000 }).toContain(body.toLowerCase());
    const received = await box.inputValue();
    expect(received.startsWith('@lobo144568 ')).toBe(true);
    expect(received.split('lobo144568').length - 1).toBe(1);
    expect(received).not.toContain('20991734');
    console.log(`[instagram] the customer would receive: ${JSON.stringify(received)}`);

    await panel.evaluate(() => document.getElementById('replies-heading')?.scrollIntoView());
    await (await panel.frameElement()).screenshot({ path: artifactPath('replies-instagram-panel.png') });
    await page.screenshot({ path: artifactPath('replies-instagram-page.png') });
    // The saved page pings Instagram's metrics endpoint by itself as it loads (it does so without the
    // extension too): what counts is that we add no write of our own to what the bare page sends.
    expect(writes).toEqual(await writesOfBarePage(fixturePages.instagramPost.url));
    await page.close();
  });

  it.each([
    { site: 'linkedin' as const, fixture: fixturePages.linkedinComments, complaint: LI_COMPLAINT, order: '30517726', name: 'Ragavan M.', limit: 1250 },
    { site: 'facebook' as const, fixture: fixturePages.facebookClassicPost, complaint: FB_COMPLAINT, order: '40662195', name: 'Gianluca Gilardi', limit: 8000 },
  ])(
    'on $site: no order number in public, a private text with it; the reply goes into her comment’s own reply box, addressed to $name, counted, never sent',
    async ({ site, fixture, complaint, order, name, limit }) => {
      const writesBefore = writes.length;
      const page = await browser.context.newPage();
      // The saved page keeps the DOM, not the site's script that opens a comment's reply box.
      await page.addInitScript({ content: `(${installSiteReplyBoxes.toString()})(${JSON.stringify(site)});` });
      await page.goto(fixture.url);
      const panel = await panelFrame(page, browser.extensionId);
      await expect.poll(() => panel.getByTestId('replies-subject').textContent(), { timeout: 15_000 }).toContain(complaint);
      await panel.getByTestId('suggestion').first().waitFor();
      const addressee = (await panel.getByTestId('reply-addressee').textContent()) ?? '';
      expect(addressee).toContain(name);
      // A LinkedIn or Facebook handle is a URL slug nobody is called by: the label names the person only.
      expect(addressee).not.toContain('@');
      const publicTexts = await panel.locator('[data-testid="suggestion"][data-channel="public"] [data-testid="suggestion-text"]').allTextContents();
      expect(publicTexts.length).toBeGreaterThanOrEqual(1);
      for (const text of publicTexts) expect(text).not.toContain(order);
      const privateTexts = await panel.getByTestId('private-suggestion-text').allTextContents();
      expect(privateTexts.some((text) => text.includes(`A-${order}`))).toBe(true);
      expect(await panel.getByTestId('reply-counter').first().textContent()).toMatch(new RegExp(`^\\d+ / ${limit}$`));

      const ready = panel.locator('[data-testid="suggestion"][data-channel="public"]:has([data-testid="insert-suggestion"]:enabled)').first();
      const expected = (await ready.getByTestId('suggestion-text').textContent()) ?? '';
      await ready.getByTestId('insert-suggestion').click();
      await expect.poll(() => replyBoxesHolding(page, expected), { timeout: 10_000 }).toBe(1);
      const box = page.locator('[contenteditable="true"]', { hasText: expected });
      // Her comment's own reply box: under her comment's thread, not the page's box.
      const under = site === 'linkedin' ? await box.evaluate((element) => element.closest('article')?.textContent ?? '') : await box.evaluate((element) => element.closest('.UFIReplyList')?.previousElementSibling?.textContent ?? '');
      expect(under).toContain(complaint);
      const received = (await box.innerText()).replace(/\s+/g, ' ').trim();
      // Greeted once, by the name people call them by ("Hi Ragavan, …"), or led by the site's mention of them.
      const called = name.split(' ')[0] ?? name;
      expect(received.startsWith(`Hi ${called}`) || received.startsWith(`${name} `)).toBe(true);
      expect(received.split(called).length - 1).toBe(1);
      expect(received).not.toContain(order);
      await expect.poll(() => panel.getByTestId('box-length').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`/ ${limit}`));
      console.log(`[${site}] the customer would receive: ${JSON.stringify(received)}`);
      console.log(`[${site}] private suggestion: ${JSON.stringify(privateTexts.find((text) => text.includes(order)))}`);

      await box.scrollIntoViewIfNeeded();
      await panel.evaluate(() => document.getElementById('replies-heading')?.scrollIntoView());
      await (await panel.frameElement()).screenshot({ path: artifactPath(`replies-${site}-panel.png`) });
      await page.screenshot({ path: artifactPath(`replies-${site}-page.png`) });
      expect(writes.slice(writesBefore)).toEqual([]);
      await page.close();
    },
  );
});
