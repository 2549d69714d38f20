/**
 * The demo: Chromium with the freshly built extension, on a saved real LinkedIn profile served at its
 * real address (no network needed). With a display, the window stays open to try the panel; without
 * one (a server, CI), it runs headless, adds a note through the panel and saves a screenshot.
 */
import { launchWithExtension, panelFrame } from '../tests/e2e/browser';
import { fixturePages } from '../tests/e2e/fixture-pages';
import { artifactPath } from '../tests/e2e/support/artifacts';

const SCREENSHOT = artifactPath('demo.png');
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';

const browser = await launchWithExtension({ headless: !headed }).catch((error: unknown) => {
  // A missing Chromium or build is the user's next step, not a crash: say it in one line.
  console.error(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const page = await browser.context.newPage();
await page.goto(fixturePages.abgarProfile.url);
const panel = await panelFrame(page, browser.extensionId);
await panel.getByTestId('person-name').waitFor();
console.log(`Replyline is showing ${await panel.getByTestId('person-name').textContent()} on ${page.url()}`);

if (headed) {
  console.log('Try the panel: add a note, set a stage, open another saved profile. Close the window to finish.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
} else {
  await panel.getByTestId('note-input').fill('Demo note: met at the Stockholm meetup, follow up about the board role.');
  await panel.getByTestId('note-save').click();
  await panel.getByTestId('note').first().waitFor();
  await page.screenshot({ path: SCREENSHOT });
  console.log(`No display: ran headless, added a note and saved a screenshot to ${SCREENSHOT}`);
  await browser.close();
}
