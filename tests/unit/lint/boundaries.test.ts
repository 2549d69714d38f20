import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaryRules } from '../../../eslint/boundaries.js';

/** The boundary rules exactly as eslint.config.js uses them, on code that breaks or keeps each one. */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...boundaryRules],
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const violations: Array<[file: string, code: string]> = [
  ['components/panel/Violation.tsx', "import { openDb } from '@/lib/db/open';"],
  ['components/options/Violation.tsx', "import type { Outbox } from '@/lib/sync/engine';"],
  ['components/panel/Violation.tsx', "import { sendToBackground } from '@/lib/messaging/send';"],
  ['components/options/Violation.tsx', "import { articleFieldsSchema } from '@/lib/messaging/options-protocol';"],
  ['components/popup/Violation.tsx', "import type { PendingItem } from '../../lib/messaging/protocol';"],
  ['lib/views/violation.ts', "import { route } from '@/lib/messaging/route';"],
  ['lib/views/violation.ts', "import { notesOf } from '../db/notes';"],
  ['lib/sites/violation.ts', "import { notes } from '@/lib/db/notes';"],
  ['lib/sites/violation.ts', "import { sendFromPage } from '../messaging/send-from-page';"],
  ['lib/sites/violation.ts', "import { Panel } from '@/components/panel/Panel';"],
  ['lib/model/violation.ts', "import { HLC_PATTERN } from '@/lib/sync/hlc';"],
  ['lib/model/violation.ts', "import { parseHlc } from '../sync/hlc';"],
  ['lib/overlay/violation.ts', "import { openDb } from '../db/open';"],
  ['server/src/violation.ts', "import { rankReplies } from '@/lib/replies/rank';"],
  ['server/src/violation.ts', "import { createEngine } from '@/lib/sync/engine';"],
];

const allowed: Array<[file: string, code: string]> = [
  ['components/panel/Fine.tsx', "import type { Note } from '@/lib/model';"],
  ['components/panel/Fine.tsx', "import type { PanelView } from '@/lib/views/panel';"],
  ['components/options/Fine.tsx', "import { articleFieldsSchema } from '@/lib/model';"],
  ['lib/views/fine.ts', "import { noteSchema } from '@/lib/model';"],
  ['entrypoints/panel/fine.ts', "import { sendToBackground } from '@/lib/messaging/send';"],
  ['lib/sites/fine.ts', "import { textOf } from './dom-text';"],
  ['lib/model/fine.ts', "import { idSchema } from './common';"],
  ['server/src/fine.ts', "import { pushRequestSchema } from '@/lib/sync/wire';"],
  ['server/src/fine.ts', "import { mergeRecord } from '@/lib/sync/merge';"],
  ['entrypoints/background/fine.ts', "import { openDb } from '@/lib/db/open';"],
];

describe('layer boundaries (eslint/boundaries.js)', () => {
  it.each(violations)('refuses in %s: %s', async (file, code) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Layer boundary: /);
  });

  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
