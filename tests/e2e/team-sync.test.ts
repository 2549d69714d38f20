import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';
import { startTeamBackend, type TeamAgent, type TeamBackend } from './support/server';
import { arriveLinkedInMessage } from './support/page-arrivals';

/** The part of the extension API the evaluate calls below use. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> };
};

/** Changes travel: push (debounced 1.5 s) → server → event stream → pull → panel; on a busy machine, give it room. */
const SYNC_TIMEOUT_MS = 30_000;

interface Teammate {
  agent: TeamAgent;
  browser: ExtensionBrowser;
}

let backend: TeamBackend | undefined;
let ann: Teammate;
let bo: Teammate;
const latenciesMs: Record<string, number> = {};

async function join(server: TeamBackend, agent: TeamAgent): Promise<Teammate> {
  const browser = await launchWithExtension();
  // The fixture router refuses every other request; the team backend is the one address allowed through.
  const origin = new URL(server.baseUrl).origin;
  await browser.context.route((url) => url.origin === origin, (route) => route.continue());
  return { agent, browser };
}

/** Connects the profile to the backend the way the options page does, with the runtime message it sends. */
async function configure(server: TeamBackend, { agent, browser }: Teammate): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const answer = await options.evaluate(
    (payload) => chrome.runtime.sendMessage({ replyline: 1, type: 'sync.configure', payload }),
    { backendUrl: server.baseUrl, token: agent.token },
  );
  expect(answer).toMatchObject({ ok: true, data: { agent: { name: agent.name }, lastError: null } });
  await options.close();
}

function badge({ browser }: Teammate): Promise<string> {
  return browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
}

async function open({ browser }: Teammate, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  return { page, panel };
}

async function openPopup({ browser }: Teammate): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return popup;
}

/** Polls until `check` holds and returns how long that took. */
async function timeUntil(check: () => Promise<boolean>, timeoutMs = SYNC_TIMEOUT_MS): Promise<number> {
  const start = Date.now();
  await expect.poll(check, { timeout: timeoutMs, interval: 100 }).toBe(true);
  return Date.now() - start;
}

const running: ExtensionBrowser[] = [];

beforeAll(async () => {
  const started = await startTeamBackend();
  backend = started;
  const [annAgent, boAgent] = [await started.createAgent('Ann'), await started.createAgent('Bo')];
  ann = await join(started, annAgent);
  running.push(ann.browser);
  bo = await join(started, boAgent);
  running.push(bo.browser);
  await configure(started, ann);
  await configure(started, bo);
}, 180_000);

afterAll(async () => {
  for (const browser of running) await browser.close().catch(() => undefined);
  await backend?.stop();
  if (Object.keys(latenciesMs).length > 0) {
    writeFileSync(artifactPath('team-sync-e2e.json', 'timing'), `${JSON.stringify({ measuredAt: new Date().toISOString(), latenciesMs }, null, 2)}\n`);
  }
}, 60_000);

describe('a team of two browser profiles and one backend', () => {
  /** Ann's tab on the customer's thread, kept open from the timer on. */
  let annsThread: { page: Page; panel: Frame };

  it('shares a note: Ann writes it on a profile, Bo sees it on the same profile', async () => {
    const bosView = await open(bo, fixturePages.sriProfile.url);
    expect(await bosView.panel.locator('.note-body').count()).toBe(0);

    const annsView = await open(ann, fixturePages.sriProfile.url);
    const note = 'Wants a demo for the Tokyo team in March';
    await annsView.panel.getByTestId('note-input').fill(note);
    const bosNotes = () => bosView.panel.locator('.note-body').allTextContents();
    const [, latency] = await Promise.all([
      annsView.panel.getByTestId('note-save').click(),
      timeUntil(async () => (await bosNotes()).includes(note)),
    ]);
    // From Ann's click to Bo's panel: the push waits 1.5 s for more writes, then the event stream and a pull.
    latenciesMs.note = latency;
    expect(await annsView.panel.locator('.note-body').allTextContents()).toEqual([note]);
    expect(await bosNotes()).toEqual([note]);
    await annsView.page.close();
    await bosView.page.close();
  });

  it('shares a timer: a customer writes in Ann’s thread, Bo’s badge and popup show it, Bo marks it done, Ann’s badge clears', async () => {
    annsThread = await open(ann, fixturePages.linkedinThread.url);
    await expect.poll(() => annsThread.panel.getByTestId('person-name').textContent()).toBe('Mariana Hohot');
    await arriveLinkedInMessage(annsThread.page, 'her', 'Hi, is there an update on my invoice?');
    await expect.poll(() => badge(ann), { timeout: 10_000 }).toBe('1');

    latenciesMs.timer = await timeUntil(async () => (await badge(bo)) === '1');
    const popup = await openPopup(bo);
    const row = popup.getByTestId('pending-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('.row-title').textContent()).toContain('Mariana Hohot');
    expect(await row.locator('.row-sub').textContent()).toBe('DM · Hi, is there an update on my invoice?');

    await row.getByTestId('done').click();
    await popup.getByRole('button', { name: 'No', exact: true }).click();
    await popup.getByTestId('no-pending').waitFor();
    // The badge follows the committed write a moment after the answer (the change signal).
    await expect.poll(() => badge(bo), { timeout: SYNC_TIMEOUT_MS }).toBe('');
    latenciesMs.done = await timeUntil(async () => (await badge(ann)) === '');
    await expect.poll(() => annsThread.panel.getByTestId('panel-conversation').getAttribute('data-status'), { timeout: SYNC_TIMEOUT_MS }).toBe('resolved');
    await popup.close();
  });

  it('warns Bo that Ann is in the conversation, then replying to it, and Ann that Bo is there', async () => {
    const opening = Date.now();
    const bosThread = await open(bo, fixturePages.linkedinThread.url);
    const bosWarning = bosThread.panel.getByTestId('presence-warning');
    await expect.poll(() => bosWarning.allTextContents(), { timeout: SYNC_TIMEOUT_MS }).toEqual(['Ann is viewing this conversation']);
    await timeUntil(async () => (await annsThread.panel.getByTestId('presence-warning').allTextContents()).includes('Bo is viewing this conversation'));
    // From Bo opening the page to Ann's warning: page load, panel, announcement, event stream.
    latenciesMs.presence = Date.now() - opening;
    expect(await bosWarning.getAttribute('data-activity')).toBe('viewing');

    // Ann's panel puts a reply into her composer (the request its after-hours button sends): Bo is warned she is replying.
    const inserted = await annsThread.panel.evaluate(async () => {
      const view = await chrome.runtime.sendMessage({ replyline: 1, type: 'panel.view', payload: {} });
      const [conversation] = (view.data as { conversations: Array<{ id: string }> }).conversations;
      return chrome.runtime.sendMessage({
        replyline: 1,
        type: 'conversation.after-hours-ack',
        payload: { conversationId: conversation?.id, text: 'Thanks Mariana, looking into it now.' },
      });
    });
    expect(inserted).toMatchObject({ ok: true, data: { inserted: true } });
    expect((await annsThread.page.locator('.msg-form__contenteditable').textContent())?.trim()).toBe('Thanks Mariana, looking into it now.');
    await expect.poll(() => bosWarning.allTextContents(), { timeout: SYNC_TIMEOUT_MS }).toEqual([
      'Ann is replying to this conversation: check before you answer',
    ]);
    expect(await bosWarning.getAttribute('role')).toBe('alert');

    // Ann closes her tab: she left, and Bo's warning goes (well before the backend's one-minute expiry).
    await annsThread.page.close();
    latenciesMs.left = await timeUntil(async () => (await bosWarning.count()) === 0, 20_000);
    annsThread = await open(ann, fixturePages.linkedinThread.url);
    await expect.poll(() => bosWarning.allTextContents(), { timeout: SYNC_TIMEOUT_MS }).toEqual(['Ann is viewing this conversation']);
    await bosThread.page.close();
  });

  it('shows who owns the conversation: Bo assigns it to himself, Ann takes it over', async () => {
    const bosThread = await open(bo, fixturePages.linkedinThread.url);
    const bosOwner = bosThread.panel.getByTestId('conversation-owner');
    const annsOwner = annsThread.panel.getByTestId('conversation-owner');
    await expect.poll(() => bosOwner.textContent()).toBe('No owner yet');
    expect(await annsOwner.textContent()).toBe('No owner yet');

    await bosThread.panel.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => bosOwner.textContent()).toBe('You own this conversation');
    latenciesMs.owner = await timeUntil(async () => (await annsOwner.textContent()) === 'Owner: Bo');

    await annsThread.panel.getByRole('button', { name: 'Take over' }).click();
    await expect.poll(() => annsOwner.textContent()).toBe('You own this conversation');
    await expect.poll(() => bosOwner.textContent(), { timeout: SYNC_TIMEOUT_MS }).toBe('Owner: Ann');
    expect(await bosThread.panel.getByRole('button', { name: 'Take over' }).isVisible()).toBe(true);
    await bosThread.page.close();
    await annsThread.page.close();
  });
});
