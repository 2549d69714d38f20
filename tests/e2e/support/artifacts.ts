import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a run's screenshots and timings go. Runs of the suite write to an ignored folder so the tree
 * stays clean; `npm run docs:screenshots` sets REPLYLINE_SCREENSHOTS=docs to refresh the README's images.
 */
export function artifactPath(name: string, kind: 'screenshot' | 'timing' = 'screenshot'): string {
  const docs = kind === 'screenshot' && process.env.REPLYLINE_SCREENSHOTS === 'docs';
  const dir = docs ? path.resolve('docs') : path.resolve('tests/e2e/.artifacts', kind === 'screenshot' ? 'screenshots' : 'timings');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
