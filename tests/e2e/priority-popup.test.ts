import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { fixturePages } from './fixture-pages';
import { yearOfConversations } from './support/history';
import { artifactPath } from './support/artifacts';
import { axeViolations } from './support/axe';
import { addThroughBackup } from './support/ask';



const COMMENT_ID = '00000000-0000-4000-8000-00000000c001';
const DM_ID = '00000000-0000-4000-8000-00000000d001';

/** A public comment on X and the DM it moved to, linked both ways (as Move to DM leaves them), each with the customer's message. */
function movedToDm(nowMs: number) {
  const stamp = `${String(nowMs).padStart(15, '0')}:000000:e2e-priority`;
  const stamped = <T extends Record<string, unknown>>(record: T) => ({
    ...record,
    stamps: Object.fromEntries(Object.keys(record).filter((key) => !['id', 'createdAt', 'updatedAt'].includes(key)).map((key) => [key, stamp])),
  });
  const places = [
    { id: COMMENT_ID, kind: 'comment' as const, threadKey: 'x:status:1/comment/noor', url: 'https://x.com/brand/status/1', linked: DM_ID, text: 'Where is my parcel?' },
    { id: DM_ID, kind: 'conversation' as const, threadKey: 'x:dm:noor', url: 'https://x.com/messages/noor', linked: COMMENT_ID, text: 'My order number is 12345' },
  ];
  const [template] = yearOfConversations(1, nowMs, 'e2e-priority');
  if (!template) throw new Error('no conversation to start from');
  const conversations = places.map((place, index) => {
    const fields: Partial<typeof template> = { ...template };
    delete fields.stamps;
    const at = new Date(nowMs - (5 - index) * 60_000).toISOString();
    return stamped({
      ...fields,
      id: place.id,
      site: 'x' as const,
      kind: place.kind,
      threadKey: place.threadKey,
      url: place.url,
      contactId: null,
      status: 'waiting' as const,
      priority: 'normal' as const,
      resolvedAt: null,
      firstResponseAt: null,
      linkedConversationId: place.linked,
      events: [{ type: 'tracked' as const, at }],
    });
  });
  const messages = places.map((place, index) => {
    const at = new Date(nowMs - (5 - index) * 60_000).toISOString();
    return stamped({
      id: `00000000-0000-4000-9000-00000000e00${String(index)}`,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      conversationId: place.id,
      direction: 'in' as const,
      authorHandle: 'noor',
      authorName: 'Noor Haddad',
      text: place.text,
      at,
      fingerprint: `e2e-priority-${String(index)}`,
    });
  });
  return { conversations, messages };
}

let browser: ExtensionBrowser;
let thread: Page;
let panel: Frame;

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('pending-row').first().waitFor();
  return popup;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await addThroughBackup(options, movedToDm(Date.now()));
  await options.close();
  thread = await browser.context.newPage();
  await thread.goto(fixturePages.linkedinThread.url);
  panel = await panelFrame(thread, browser.extensionId);
  await panel.getByTestId('person-name').waitFor();
});
afterAll(async () => {
  await browser.close();
});

describe('priority, one row per issue, and the existing tab', () => {
  it('sets the priority in the panel, and the urgent policy’s 30 minutes apply', async () => {
    if (await panel.getByTestId('track').isVisible()) await panel.getByTestId('track').click();
    const conversation = panel.locator('[data-testid="panel-conversation"][data-status="waiting"]').first();
    await conversation.waitFor();
    await conversation.getByTestId('panel-priority').selectOption('urgent');
    await expect.poll(() => conversation.getByTestId('panel-priority').getAttribute('data-priority')).toBe('urgent');
    const left = await conversation.getByTestId('panel-time-left').textContent();
    // "Urgent: 30 minutes" (a tracked thread's clock starts now): 30 minutes or less, never LinkedIn's 24 hours.
    expect(left).toMatch(/^(\d+) min left$/);
    expect(Number(/^(\d+)/.exec(left ?? '')?.[1])).toBeLessThanOrEqual(30);
    await (await panel.frameElement()).screenshot({ path: artifactPath('panel-priority.png') });
    const panelFindings = await axeViolations(panel);
    expect(panelFindings.map((finding) => `${finding.impact ?? ''} ${finding.id} ${finding.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
  });

  it('lists the public comment and its DM as one row showing both places, with the priority in its name', async () => {
    const popup = await openPopup();
    const rows = popup.getByTestId('pending-row');
    await expect.poll(() => rows.count()).toBe(2);
    const pair = popup.locator('[data-testid="row-where"][data-places="2"]');
    expect(await pair.count()).toBe(1);
    expect(await pair.textContent()).toBe('Public + DM · ');
    const noorName = await popup.locator('.row-open', { hasText: 'Noor Haddad' }).evaluate((button) => button.textContent);
    expect(noorName.replace(/\s+/g, ' ')).toMatch(/^Noor Haddad · X ?\d+ min left ?Priority: Normal ?Public \+ DM · Where is my parcel\?$/);
    await expect.poll(() => popup.getByRole('button', { name: /^Noor Haddad · X.*left.*Priority: Normal.*Public \+ DM.*Where is my parcel/ }).count()).toBe(1);
    await expect.poll(() => popup.getByRole('button', { name: /^Mariana Hohot · LinkedIn.*left.*Priority: Urgent.*DM/ }).count()).toBe(1);
    expect(await popup.locator('h2 .count').textContent()).toBe(' 2');

    const noorPriority = popup.getByRole('combobox', { name: 'Priority of the conversation with Noor Haddad' });
    await noorPriority.selectOption('high');
    await expect.poll(() => noorPriority.getAttribute('data-priority')).toBe('high');
    await popup.screenshot({ path: artifactPath('popup-priority-one-row.png') });
    expect((await axeViolations(popup)).filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')).toEqual([]);
    await popup.close();
  });

  it('opening a row focuses the tab already showing that thread instead of opening a second one', async () => {
    const popup = await openPopup();
    const pagesBefore = browser.context.pages().length;
    await popup.locator('.row-open', { hasText: 'Mariana Hohot' }).click();
    await expect.poll(() => thread.evaluate(() => document.visibilityState)).toBe('visible');
    // The popup closes itself; no tab was added for the thread.
    await expect.poll(() => browser.context.pages().length).toBe(pagesBefore - 1);
    expect(browser.context.pages().filter((page) => page.url() === fixturePages.linkedinThread.url)).toHaveLength(1);
  });
});
