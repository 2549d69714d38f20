import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';

const AXE_PATH = path.resolve(process.cwd(), 'node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** Each failing element's selector and what axe says is wrong with it. */
  nodes: Array<{ target: string; summary: string }>;
}

/** The part of axe-core's API the evaluate call below uses (it runs inside the page). */
declare const axe: {
  run(
    context: Document,
    options: { resultTypes: string[] },
  ): Promise<{
    violations: Array<{
      id: string;
      impact?: AxeViolation['impact'];
      help: string;
      nodes: Array<{ target: unknown[]; failureSummary?: string }>;
    }>;
  }>;
};

/**
 * axe-core's violations for a page or frame as it stands. The script is added as a script tag where
 * the page allows it; extension pages forbid inline scripts (MV3's content security policy), and there
 * it is evaluated through the DevTools protocol instead, which the policy does not govern.
 */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => 'axe' in globalThis);
  if (!loaded) {
    await target.addScriptTag({ path: AXE_PATH }).catch(() => undefined);
    if (!(await target.evaluate(() => 'axe' in globalThis))) {
      await target.evaluate(readFileSync(AXE_PATH, 'utf8'));
    }
  }
  return target.evaluate(async () => {
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(' '), summary: node.failureSummary ?? '' })),
    }));
  });
}

const BLOCKING = new Set<AxeViolation['impact']>(['serious', 'critical']);

/** The serious and critical violations (what the suite fails on); the rest is printed under `where`. */
export async function blockingViolations(target: Page | Frame, where: string): Promise<AxeViolation[]> {
  const violations = await axeViolations(target);
  const minor = violations.filter((violation) => !BLOCKING.has(violation.impact));
  for (const violation of minor) {
    console.log(`[axe] ${where}: ${violation.impact ?? 'unknown'} ${violation.id} (${violation.help}) on ${violation.nodes.map((node) => node.target).join(', ')}`);
  }
  return violations.filter((violation) => BLOCKING.has(violation.impact));
}
