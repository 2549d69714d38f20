import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The saved real pages, kept in the repository (see its README for each page's source). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

/** The path of a saved page, or a clear error naming the missing file and where it comes from. */
export function fixtureFile(name: string): string {
  const file = path.join(FIXTURES_DIR, name);
  if (!existsSync(file)) {
    throw new Error(
      `Saved page ${name} is missing from ${path.relative(process.cwd(), FIXTURES_DIR)}/: ` +
        'restore it with `git checkout -- tests/fixtures/pages` (its source is in tests/fixtures/pages/README.md).',
    );
  }
  return file;
}
