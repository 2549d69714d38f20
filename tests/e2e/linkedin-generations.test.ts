import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './browser';
import { allFixturePages } from './fixture-pages';
import { artifactPath } from './support/artifacts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser.close();
});

function urlOf(file: string): string {
  const page = allFixturePages.find((candidate) => candidate.file === file);
  if (!page) throw new Error(`No fixture ${file}`);
  return page.url;
}

async function panelOn(url: string, screenshot: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page, browser.extensionId);
  await panel.getByTestId('person-name').waitFor({ state: 'attached' });
  await page.screenshot({ path: artifactPath(screenshot) });
  return { page, panel };
}

describe('older and signed-out LinkedIn pages', () => {
  it('a saved 2020 top card shows the person and their headline', async () => {
    const { page, panel } = await panelOn(urlOf('linkedin/profile-2020-topcard-fragment-a.html'), 'panel-linkedin-2020-top-card.png');
    expect(await panel.getByTestId('person-name').textContent()).toBe('Rishabh Singh');
    expect(await panel.getByTestId('person-headline').textContent()).toBe('#futureshaper');
    await page.close();
  });

  it('a signed-out public post page shows its author', async () => {
    const { page, panel } = await panelOn(urlOf('linkedin/post-public-2026-a.html'), 'panel-linkedin-public-post.png');
    expect(await panel.getByTestId('person-name').textContent()).toBe('Anduril Industries');
    await page.close();
  });
});
