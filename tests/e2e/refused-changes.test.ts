import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { artifactPath } from './support/artifacts';

/** The part of the extension API the evaluate calls below use. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: { message: string } }> };
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser.close();
});

const refusedId = '0b3c7a52-1d4e-4f4b-9a51-6a0e4c1f7d21';
const recordId = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const stamp = '001772442000000:000000:example-client';

/**
 * Puts a change the server refused into the extension's own database, from an extension page (same
 * origin as the worker, so the same IndexedDB), after the worker has opened and migrated it.
 */
async function seedRefusedChange(page: Page): Promise<void> {
  const opened = await page.evaluate(() => chrome.runtime.sendMessage({ replyline: 1, type: 'sync.quarantine.list', payload: {} }));
  expect(opened).toMatchObject({ ok: true, data: { changes: [] } });
  await page.evaluate(
    ({ refusedId, recordId, stamp }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('replyline');
        request.onerror = () => reject(new Error(String(request.error)));
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('quarantine', 'readwrite');
          tx.objectStore('quarantine').put({
            mutationId: refusedId,
            entry: { mutationId: refusedId, store: 'notes', recordId, fields: { body: 'Call Nora back\u0000 about the refund' }, stamps: { body: stamp }, createdAt: '2026-03-02T09:00:00.000Z' },
            reason: 'nul-character',
            path: 'fields.body',
            message: 'contains U+0000 (NUL), which cannot be stored',
            quarantinedAt: '2026-03-02T09:05:00.000Z',
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { refusedId, recordId, stamp },
  );
}

describe('options: changes the team server refused', () => {
  it('shows what was refused and why, and discards it only after a confirmation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
    await seedRefusedChange(page);
    await page.reload();

    const section = page.getByRole('region', { name: /Changes the team server refused/ }).or(page.locator('section', { hasText: 'Changes the team server refused' }));
    await section.first().getByText('Call Nora back[NUL] about the refund').waitFor();
    const text = await section.first().innerText();
    expect(text).toContain('It contains a NUL character (shown as [NUL]), which cannot be stored.');
    expect(text).toContain('contains U+0000 (NUL), which cannot be stored');
    await section.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('options-refused-changes.png'), fullPage: true });

    await page.getByRole('button', { name: /^Discard: / }).click();
    await page.getByText('Discard this change? Your teammates will never get it.').waitFor();
    await page.getByRole('button', { name: 'Yes, discard' }).click();
    await page.getByText('None: every change made here reached the team server.').waitFor();
    const after = await page.evaluate(() => chrome.runtime.sendMessage({ replyline: 1, type: 'sync.quarantine.list', payload: {} }));
    expect(after).toMatchObject({ ok: true, data: { changes: [], unreadable: 0 } });
    await page.close();
  });
});
