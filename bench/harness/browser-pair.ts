import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/e2e/browser.ts';

export type Variant = 'without' | 'with';

/** Two headless Chromiums on the fixture routing: one bare, one with the built extension (REPLYLINE_OUT_DIR picks the build). */
export interface BrowserPair {
  without: ExtensionBrowser;
  with: ExtensionBrowser;
  /** Closes the bare one early (one browser less on a small machine once the pairs are done). */
  closeWithout(): Promise<void>;
  close(): Promise<void>;
}

export async function launchPair(): Promise<BrowserPair> {
  const without = await launchWithExtension({ withExtension: false });
  let withoutOpen = true;
  const withExt = await launchWithExtension({ withExtension: true }).catch(async (error: unknown) => {
    await without.close();
    throw error;
  });
  const closeWithout = async () => {
    if (!withoutOpen) return;
    withoutOpen = false;
    await without.close();
  };
  return {
    without,
    with: withExt,
    closeWithout,
    async close() {
      await closeWithout();
      await withExt.close();
    },
  };
}

export interface Pair<S> {
  round: number;
  order: 'without first' | 'with first';
  without: S;
  with: S;
}

export interface PairLoopOptions<S> {
  /** Measured rounds; each has one run of each variant. */
  rounds: number;
  /** Rounds run first and discarded: the first pages in a fresh browser are slower. */
  warmUpRounds?: number;
  /** One run of one variant; null when the run missed (the caller records why) and the round is dropped. */
  measure: (variant: Variant, round: number) => Promise<S | null>;
  /** After each round (progress output, load marks). */
  afterRound?: (round: number, warmUp: boolean) => void;
}

/**
 * The with/without loop: the order alternates every round, so that neither variant always goes first
 * (the second run of a round finds a warmer machine).
 */
export async function alternatingPairs<S>({ rounds, warmUpRounds = 1, measure, afterRound }: PairLoopOptions<S>): Promise<Pair<S>[]> {
  const pairs: Pair<S>[] = [];
  for (let index = 0; index < warmUpRounds + rounds; index += 1) {
    const warmUp = index < warmUpRounds;
    const round = index - warmUpRounds + 1;
    const withFirst = index % 2 === 1;
    const first = await measure(withFirst ? 'with' : 'without', round);
    const second = await measure(withFirst ? 'without' : 'with', round);
    const [without, withExt] = withFirst ? [second, first] : [first, second];
    if (!warmUp && without !== null && withExt !== null) {
      pairs.push({ round, order: withFirst ? 'with first' : 'without first', without, with: withExt });
    }
    afterRound?.(round, warmUp);
  }
  return pairs;
}

/** Chromium's product string, e.g. Chrome/156.0.…. */
export async function chromiumVersion(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await page.close();
  }
}

/** A new tab for `run`, closed afterwards whatever happens. */
export async function inNewTab<T>(browser: ExtensionBrowser, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}
