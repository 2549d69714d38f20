import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { artifactPath } from './support/artifacts';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
});
afterAll(async () => {
  await browser.close();
});

async function open(section: string): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await page.getByTestId(`section-${section}`).waitFor();
}

describe('the options page of a new install', () => {
  it('the dashboard says what to do instead of showing 0% and blank charts', async () => {
    await open('dashboard');
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByTestId('dashboard-empty').textContent()).toContain('No conversations in these dates yet');
    expect(await page.getByTestId('attainment').count()).toBe(0);
    expect(await page.locator('.dashboard canvas').count()).toBe(0);
    await page.screenshot({ path: artifactPath('dashboard-empty.png') });
  });

  it('policies name each target; without a backend nothing is "waiting to sync"', async () => {
    await open('policies');
    const rows = page.getByTestId('policy-row');
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain('First response: 30 min · Next response: 30 min · Resolution: 1 day');
    await page.screenshot({ path: artifactPath('options-policies-labelled.png') });

    await open('team');
    await expect.poll(() => page.getByTestId('sync-status').textContent()).not.toBe('');
    expect(await page.getByTestId('sync-status').textContent()).not.toMatch(/waiting/);
    await open('data');
    await page.getByTestId('store-counts').waitFor();
    expect(await page.getByTestId('count-outbox').count()).toBe(0);
    expect(await page.getByTestId('store-counts').textContent()).not.toMatch(/waiting to sync/);
  });

  it('in Japanese the starter policies, the targets and the empty dashboard are Japanese too', async () => {
    await open('general');
    await page.getByTestId('language').selectOption('ja');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Replyline の設定');
    await open('policies');
    await expect.poll(() => page.getByTestId('policy-row').allTextContents()).toEqual([
      expect.stringContaining('緊急: 30分'),
      expect.stringContaining('X: 1時間'),
      expect.stringContaining('その他すべて: 24時間'),
    ]);
    expect(await page.getByTestId('policy-row').first().textContent()).toContain('初回応答: 30 分');
    await page.screenshot({ path: artifactPath('options-policies-ja.png') });
    await open('dashboard');
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.getByTestId('dashboard-empty').textContent()).toContain('この期間の会話はまだありません');
    await open('general');
    await page.getByTestId('language').selectOption('en');
  });
});
