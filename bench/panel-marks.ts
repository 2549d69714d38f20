import type { Frame, Page } from 'playwright-core';
import { panelFrame, type ExtensionBrowser } from '../tests/e2e/browser.ts';

/** What the panel frame marks each time it renders a person (entrypoints/panel/main.tsx). */
export const PANEL_RENDERED_MARK = 'replyline:panel-rendered';

/** The handle the adapter derives from a profile URL: the /in/<slug>/ slug, decoded and lower-cased. */
export function handleOf(profileUrl: string): string {
  const slug = new URL(profileUrl).pathname.split('/').filter((segment) => segment !== '')[1];
  if (slug === undefined) throw new Error(`not a profile URL: ${profileUrl}`);
  return decodeURIComponent(slug).normalize('NFC').toLowerCase();
}

/**
 * Absolute time (epoch ms, `performance.timeOrigin + startTime` in the panel frame) of the first
 * `replyline:panel-rendered` mark for `handle` at or after `notBeforeEpochMs`, or null if none comes
 * within `timeoutMs`. One call into the frame that waits on a PerformanceObserver: no polling that
 * would load the machine while it is being measured.
 */
export function panelRenderedAt(frame: Frame, handle: string, notBeforeEpochMs: number, timeoutMs: number): Promise<number | null> {
  return frame.evaluate(
    ({ name, handle, notBefore, timeout }) =>
      new Promise<number | null>((resolve) => {
        const epochMs = (entry: PerformanceEntry) => performance.timeOrigin + entry.startTime;
        const isOurs = (entry: PerformanceEntry) => {
          if (entry.name !== name || !(entry instanceof PerformanceMark)) return false;
          const detail: unknown = entry.detail;
          return typeof detail === 'object' && detail !== null && 'handle' in detail && detail.handle === handle && epochMs(entry) >= notBefore;
        };
        const finish = (result: number | null) => {
          observer.disconnect();
          clearTimeout(timer);
          resolve(result);
        };
        const observer = new PerformanceObserver((list) => {
          const found = list.getEntries().find(isOurs);
          if (found) finish(epochMs(found));
        });
        const timer = setTimeout(() => finish(null), timeout);
        observer.observe({ type: 'mark', buffered: true });
      }),
    { name: PANEL_RENDERED_MARK, handle, notBefore: notBeforeEpochMs, timeout: timeoutMs },
  );
}

/** This context's high-resolution epoch clock minus its wall clock (Date.now, 1 ms steps). */
function hiResMinusWallMs(target: Page | Frame): Promise<number> {
  return target.evaluate(() => performance.timeOrigin + performance.now() - Date.now());
}

/**
 * How far the panel frame's `timeOrigin`-based clock is ahead of the page's (they live in different
 * processes, and each derives its epoch from its own reading of the wall clock): the median over a few
 * samples of the difference of (hi-res epoch − Date.now) in each. Within ±1 ms of zero means the T0 and
 * T1 of the anchor-to-panel figures are comparable.
 */
export async function panelClockAheadOfPageMs(page: Page, panel: Frame, samples = 5): Promise<number> {
  const differences: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    differences.push((await hiResMinusWallMs(panel)) - (await hiResMinusWallMs(page)));
  }
  differences.sort((a, b) => a - b);
  return differences[Math.floor(differences.length / 2)]!;
}

/** The panel frame and the time of its mark for `handle` (not before `notBeforeEpochMs`), or why there is none. */
export async function panelMark(
  browser: ExtensionBrowser,
  page: Page,
  handle: string,
  notBeforeEpochMs: number,
  timeoutMs: number,
): Promise<{ panel: Frame; atEpochMs: number } | { reason: string }> {
  let panel: Frame;
  try {
    panel = await panelFrame(page, browser.extensionId, timeoutMs);
  } catch {
    return { reason: `no panel frame within ${timeoutMs} ms` };
  }
  const atEpochMs = await panelRenderedAt(panel, handle, notBeforeEpochMs, timeoutMs);
  return atEpochMs === null ? { reason: `no mark for ${handle} within ${timeoutMs} ms` } : { panel, atEpochMs };
}
