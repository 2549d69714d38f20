/**
 * A new SLA target kind is one entry in lib/model/sla-target-kinds.ts plus its locale strings and tests:
 * the source that names a kind of its own is only the table, the locales, and the starter policies'
 * chosen minutes (a new optional kind leaves those alone; a required one would be asked for them by the
 * compiler). Everything else iterates the table, so it must not grow a kind's name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLA_TARGET_KINDS, slaTargetKinds } from '@/lib/sla/target-kinds';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(?:ts|tsx|json)$/.test(name) ? [relative] : [];
  });
}

const files = ['lib', 'entrypoints', 'components', 'locales', 'server'].flatMap(sourceFiles);
const texts = new Map(files.map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
const filesMatching = (pattern: RegExp) => files.filter((file) => pattern.test(texts.get(file) ?? '')).sort();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names: readonly string[]) => new RegExp(names.map((name) => `\\b${escape(name)}\\b`).join('|'));

const TABLE_AND_LOCALES = ['lib/model/sla-target-kinds.ts', 'locales/en.json', 'locales/ja.json'];
const STARTER_POLICIES = 'lib/sla/default-policies.ts';

describe('where SLA target kinds are spelled out', () => {
  it('names the next-response kind (one with no meaning beyond its clock) only in the table, the locales and the starter policies', () => {
    expect(filesMatching(/nextResponse|NextResponse/)).toEqual([...TABLE_AND_LOCALES, STARTER_POLICIES].sort());
  });

  it.each(slaTargetKinds)('names the %s kind’s field, labels and test ids only there too', (kind) => {
    const spec = SLA_TARGET_KINDS[kind];
    const names = [spec.minutesField, spec.labelKey, ...spec.metric.headline.flatMap((figure) => [figure.labelKey, ...('testId' in figure ? [figure.testId] : [])])];
    const allowed = new Set([...TABLE_AND_LOCALES, STARTER_POLICIES]);
    const outside = filesMatching(anyOf(names)).filter((file) => !allowed.has(file));
    expect(outside).toEqual([]);
    // And the names are really there: a pattern that matches nothing would pass the line above.
    expect(filesMatching(anyOf(names))).toContain('lib/model/sla-target-kinds.ts');
    expect(filesMatching(anyOf([spec.labelKey]))).toEqual(expect.arrayContaining(['locales/en.json', 'locales/ja.json']));
  });
});
