import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { yearOfConversations } from './support/history';
import { artifactPath } from './support/artifacts';
import { addThroughBackup, ask as askFrom } from './support/ask';


const CONNECTIONS = readFileSync(path.resolve(process.cwd(), 'tests/fixtures/import/Connections.csv'));
const HISTORY_CONVERSATIONS = 4000;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#general`);
});
afterAll(async () => {
  await browser.close();
});

/** A request to the background, sent from the options page exactly as its sections send them. */
function ask<T>(type: string, payload: unknown): Promise<T> {
  return askFrom<T>(page, type, payload);
}

async function open(section: string): Promise<void> {
  await page.getByTestId(`nav-${section}`).click();
  await page.getByTestId(`section-${section}`).waitFor();
}

async function downloaded(click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { download, text: readFileSync(file, 'utf8') };
}

const count = (store: string) => page.getByTestId(`count-${store}`).textContent();

describe('the options page in Chromium', () => {
  it('creates an SLA policy with business hours, lists it, and edits it', async () => {
    await open('policies');
    await page.getByTestId('policy-add').click();
    const form = page.getByTestId('policy-form');
    await form.getByTestId('policy-name').fill('VIP on LinkedIn');
    await form.getByRole('checkbox', { name: 'LinkedIn' }).check();
    await form.getByTestId('target-first').fill('2');
    await form.getByTestId('business-hours-on').check();
    await form.getByTestId('time-zone').selectOption('Asia/Tokyo');
    // Monday: a lunch break makes two intervals.
    await form.getByLabel('Monday closes at (HH:MM, 24:00 for midnight)').fill('12:00');
    await form.getByRole('button', { name: 'Add hours on Monday' }).click();
    const mondayEnds = form.getByLabel('Monday closes at (HH:MM, 24:00 for midnight)');
    await form.getByLabel('Monday opens at (HH:MM)').nth(1).fill('13:00');
    await mondayEnds.nth(1).fill('18:00');
    await form.getByTestId('holiday-date').fill('2026-12-31');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await form.getByTestId('policy-save').click();

    const row = page.getByTestId('policy-row').filter({ hasText: 'VIP on LinkedIn' });
    await row.waitFor();
    expect(await row.textContent()).toContain('business hours, Asia/Tokyo');
    const stored = (await ask<Array<{ name: string; targets: { firstResponseMinutes: number }; businessHours: unknown }>>('policies.list', {})).find(
      (policy) => policy.name === 'VIP on LinkedIn',
    );
    expect(stored?.targets.firstResponseMinutes).toBe(120);
    expect(stored?.businessHours).toMatchObject({
      timeZone: 'Asia/Tokyo',
      holidays: ['2026-12-31'],
      weekly: expect.arrayContaining([
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '13:00', end: '18:00' },
        { day: 2, start: '09:00', end: '17:00' },
      ]) as unknown,
    });

    await row.getByRole('button', { name: 'Edit policy VIP on LinkedIn' }).click();
    await form.getByTestId('policy-name').fill('VIP on LinkedIn, Tokyo');
    await form.getByRole('button', { name: 'Remove holiday 2026-12-31' }).click();
    await form.getByTestId('holiday-date').fill('2027-01-01');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await form.getByTestId('policy-save').click();
    await page.getByTestId('policy-row').filter({ hasText: 'VIP on LinkedIn, Tokyo' }).waitFor();
    const edited = (await ask<Array<{ name: string; businessHours: { holidays?: string[] } | null }>>('policies.list', {})).filter((policy) =>
      policy.name.startsWith('VIP on LinkedIn'),
    );
    expect(edited.map((policy) => [policy.name, policy.businessHours?.holidays])).toEqual([['VIP on LinkedIn, Tokyo', ['2027-01-01']]]);
  });

  it('creates a template whose preview fills its variables, and an article', async () => {
    await open('templates');
    await page.getByTestId('templates-add').click();
    const form = page.getByTestId('template-form');
    await form.getByTestId('template-title').fill('Order follow-up');
    await form.getByTestId('template-body').fill('Hi {{first_name}}, your order {{order}} left today. {{agent_name}}');
    await expect.poll(() => form.getByTestId('template-preview').textContent()).toBe('Hi Jane, your order A-10234 left today. Sam');
    await form.getByTestId('template-shortcut').fill('shipped');
    await form.getByTestId('template-save').click();
    const templates = page.getByTestId('templates-list');
    await templates.getByText('Order follow-up').waitFor();
    expect(await templates.textContent()).toContain('/shipped');

    await open('articles');
    await page.getByTestId('articles-add').click();
    const article = page.getByTestId('article-form');
    await article.getByTestId('article-title').fill('Where is my parcel?');
    await article.getByTestId('article-customer-text').fill('You can follow your parcel from your account page.');
    await article.getByTestId('article-body').fill('Track any order from your account page; parcels leave within two working days.');
    await article.getByTestId('article-url').fill('https://help.example.com/parcels');
    await page.screenshot({ path: artifactPath('options-article-form.png'), fullPage: false });
    await article.getByTestId('article-save').click();
    const articles = page.getByTestId('articles-list');
    await articles.getByText('Where is my parcel?').waitFor();
    expect(await articles.textContent()).toContain('https://help.example.com/parcels');
    // The customer's text and the internal notes are kept apart: only the first may go into a reply.
    const stored = (await ask<Array<{ title: string; body: string; customerText?: string }>>('articles.list', {})).find((item) => item.title === 'Where is my parcel?');
    expect(stored).toMatchObject({
      customerText: 'You can follow your parcel from your account page.',
      body: 'Track any order from your account page; parcels leave within two working days.',
    });
    await page.getByRole('button', { name: 'Edit Where is my parcel?' }).click();
    expect(await page.getByTestId('article-customer-text').inputValue()).toBe('You can follow your parcel from your account page.');
    await page.getByTestId('article-customer-text').fill('');
    await page.getByTestId('article-save').click();
    await articles.getByText('Where is my parcel?').waitFor();
    const cleared = (await ask<Array<{ title: string; customerText?: string }>>('articles.list', {})).find((item) => item.title === 'Where is my parcel?');
    expect(cleared?.customerText).toBe('');
  });

  it('imports LinkedIn Connections.csv, reporting the bad line, and creates nothing the second time', async () => {
    await open('data');
    await page.getByTestId('import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: CONNECTIONS });
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toBe('10 connections ready to import.');
    expect(await page.getByTestId('line-problems').textContent()).toMatch(/^Line 16: /);

    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('p').first().textContent()).toBe('Imported: 10 new, 0 updated, 0 already known.');
    expect(await report.getByTestId('line-problems').textContent()).toMatch(/^Line 16: .+/);
    await expect.poll(() => count('contacts')).toBe('10');

    // The same file again: the input keeps no file, so it is chosen again as a person would.
    await page.getByTestId('import-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: CONNECTIONS });
    await page.getByTestId('import-run').click();
    await expect.poll(() => report.locator('p').first().textContent()).toMatch(/^Imported: 0 new, /);
    expect(await count('contacts')).toBe('10');
  });

  it('exports a JSON backup, erases everything after confirmation, and restores the backup', async () => {
    const before = { contacts: await count('contacts'), templates: await count('templates'), policies: await count('slaPolicies') };
    const { download, text } = await downloaded(() => page.getByTestId('export-backup').click());
    expect(download.suggestedFilename()).toMatch(/^replyline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(text) as { format: string; stores: Record<string, Array<{ title?: string; name?: string }>> };
    expect(backup.format).toBe('replyline-backup');
    expect(backup.stores.contacts).toHaveLength(10);
    expect(backup.stores.templates?.map((template) => template.title)).toContain('Order follow-up');

    const erase = page.getByTestId('erase');
    expect(await erase.isDisabled()).toBe(true);
    await page.getByTestId('erase-word').fill('ERASE');
    await erase.click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe('Everything was erased.');
    await expect.poll(() => count('contacts')).toBe('0');
    expect(await count('templates')).toBe('0');

    await page.getByTestId('restore-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.getByTestId('restore-report').textContent()).toMatch(/^Restored: \d+ records written/);
    await expect.poll(() => count('contacts')).toBe(before.contacts);
    expect(await count('templates')).toBe(before.templates);
    expect(await count('slaPolicies')).toBe(before.policies);
    await open('policies');
    await page.getByTestId('policy-row').filter({ hasText: 'VIP on LinkedIn, Tokyo' }).waitFor();
  });

  it('downloads contacts as CSV', async () => {
    await open('data');
    const { download, text } = await downloaded(() => page.getByTestId('csv-export-contacts').click());
    expect(download.suggestedFilename()).toMatch(/^replyline-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThanOrEqual(11);
    expect(text).toContain('Maren');
    expect(text).toContain('Northwind Analytics');
  });

  it('draws the dashboard for a year of history and exports a chart’s figures', async () => {
    const { written } = await addThroughBackup(page, { conversations: yearOfConversations(HISTORY_CONVERSATIONS, Date.now(), 'e2e-history') });
    expect(written).toBeGreaterThanOrEqual(HISTORY_CONVERSATIONS);

    await open('dashboard');
    const yearAgo = new Date();
    yearAgo.setFullYear(yearAgo.getFullYear() - 1);
    const day = (date: Date) =>
      `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From').fill(day(yearAgo));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.locator('.dashboard').getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    for (const chart of ['first-response', 'attainment', 'volume-by-day', 'volume-by-site', 'backlog']) {
      await page.getByTestId(`chart-${chart}`).locator('canvas').waitFor();
    }
    expect(await page.getByTestId('frt-median').textContent()).not.toBe('—');
    expect(await page.getByTestId('attainment').textContent()).toMatch(/%$/);

    const { text } = await downloaded(() => page.getByTestId('csv-volume-by-day').click());
    const rows = text.trim().split(/\r?\n/);
    expect(rows[0]).toBe('day,conversations');
    const total = rows.slice(1).reduce((sum, row) => sum + Number(row.split(',')[1]), 0);
    expect(total).toBeGreaterThan(HISTORY_CONVERSATIONS * 0.95);

    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      scrollTo(0, 0);
    });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('dashboard.png'), fullPage: false });
    await open('policies');
    await page.getByTestId('policy-list').waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('options-policies.png'), fullPage: false });
  });
});
