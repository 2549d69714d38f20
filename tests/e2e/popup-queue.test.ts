import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { yearOfConversations } from './support/history';
import { artifactPath } from './support/artifacts';
import { addThroughBackup } from './support/ask';


let browser: ExtensionBrowser;
let popup: Page;


const PEOPLE = ['Ana López', 'Ben Ito', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Farid Haddad', 'Grace Kim', 'Hugo Silva', 'Ines Roth', 'Jon Berg', 'Kai Lund', 'Lea Moser'];

/**
 * Twelve LinkedIn customers waiting on us, each with one message from them (the background derives the
 * clock and the preview from it), the oldest first; the first carries a card number and an e-mail.
 */
function waitingCustomers(nowMs: number) {
  const stamp = `${String(nowMs).padStart(15, '0')}:000000:e2e-popup`;
  const stamped = <T extends Record<string, unknown>>(record: T) => ({
    ...record,
    stamps: Object.fromEntries(Object.keys(record).filter((key) => !['id', 'createdAt', 'updatedAt'].includes(key)).map((key) => [key, stamp])),
  });
  const conversations = yearOfConversations(PEOPLE.length, nowMs, 'e2e-popup').map((conversation, index) => {
    const at = new Date(nowMs - (PEOPLE.length - index) * 60_000).toISOString();
    const fields: Partial<typeof conversation> = { ...conversation };
    delete fields.stamps;
    return stamped({ ...fields, site: 'linkedin' as const, status: 'waiting' as const, resolvedAt: null, firstResponseAt: null, events: [{ type: 'tracked' as const, at }] });
  });
  const messages = conversations.map((conversation, index) => {
    const at = new Date(nowMs - (PEOPLE.length - index) * 60_000).toISOString();
    const text = index === 0 ? 'My card 4111 1111 1111 1111 was charged twice, write to ana.lopez@example.com' : `Question ${String(index + 1)} about my order`;
    return stamped({
      id: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      conversationId: conversation.id,
      direction: 'in' as const,
      authorHandle: `customer-${String(index)}`,
      authorName: PEOPLE[index] ?? 'Customer',
      text,
      at,
      fingerprint: `e2e-popup-${String(index)}`,
    });
  });
  return { conversations, messages };
}

beforeAll(async () => {
  browser = await launchWithExtension();
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await addThroughBackup(options, waitingCustomers(Date.now()));
  await options.close();
  popup = await browser.context.newPage();
  // The size Chrome gives the popup: the body's own width, and at most 600 px high.
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('pending-row').first().waitFor();
});
afterAll(async () => {
  await browser.close();
});

describe('the popup queue', () => {
  it('shows at least eight whole rows at the default size', async () => {
    const visible = await popup.getByTestId('pending').evaluate((scroller) => {
      const box = scroller.getBoundingClientRect();
      const bottom = Math.min(box.bottom, window.innerHeight);
      return [...scroller.querySelectorAll('[data-testid="pending-row"]')].filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= box.top - 1 && rect.bottom <= bottom + 1;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(8);
    await popup.screenshot({ path: artifactPath('popup-queue.png') });
  });

  it('hides card numbers and e-mail addresses in previews', async () => {
    const preview = await popup.getByTestId('row-preview').first().textContent();
    expect(preview).toBe('My card ••• was charged twice, write to •••');
  });

  it('names each row by who, where and the time left', async () => {
    const first = popup.locator('.row-open').first();
    const name = await first.evaluate((button) => button.textContent);
    expect(name).toMatch(/^Ana López · LinkedIn\s*(\d+ min|\d+ hr)?.*left/);
    await expect.poll(() => popup.getByRole('button', { name: /Ana López · LinkedIn.*left/ }).count()).toBe(1);
  });

  it('moves with j / k and the arrow keys', async () => {
    await popup.locator('.row-open').first().focus();
    const focusedName = () => popup.evaluate(() => document.activeElement?.querySelector('.row-title')?.textContent ?? '');
    await popup.keyboard.press('j');
    await expect.poll(focusedName).toMatch(/^Ben Ito/);
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focusedName).toMatch(/^Chloé Martin/);
    await popup.keyboard.press('k');
    await expect.poll(focusedName).toMatch(/^Ben Ito/);
    await popup.keyboard.press('ArrowUp');
    await expect.poll(focusedName).toMatch(/^Ana López/);
  });
});
