/**
 * Builds the evaluation set's two parts from the labeller's files:
 * tests/fixtures/replies/eval/labels/<source>.jsonl → tests/fixtures/replies/eval/{dev,held-aside}.json.
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-eval-build.ts [--check]
 *
 * Each message gets its id (`<source>:<ref>`), its source's site and language, the acceptable starter
 * candidates from its intents (bench/replies-eval-set.ts) and its sensitive spans as offsets. With
 * --check nothing is written; the command fails when the committed parts differ from a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  EVAL_SOURCES,
  SPLIT_RULE,
  candidatesFor,
  evalPartSchema,
  labelLineSchema,
  partOf,
  type EvalMessage,
  type EvalPart,
} from './replies-eval-set';

const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(root, 'tests/fixtures/replies/eval');

function spansOf(id: string, text: string, labels: NonNullable<ReturnType<typeof labelLineSchema.parse>['sens']>): EvalMessage['sensitive'] {
  return labels.map(([kind, value, detail, occurrence]) => {
    let start = -1;
    for (let seen = 0; seen < (occurrence ?? 1); seen += 1) start = text.indexOf(value, start + 1);
    if (start < 0) throw new Error(`${id}: "${value}" is not in the text`);
    return { kind, ...(detail ? { detail } : {}), start, end: start + value.length, text: value };
  });
}

export function buildParts(): Record<'dev' | 'held-aside', EvalPart> {
  const messages: EvalMessage[] = [];
  const seenIds = new Set<string>();
  const seenTexts = new Map<string, string>();
  for (const source of EVAL_SOURCES) {
    const lines = readFileSync(path.join(folder, 'labels', `${source.key}.jsonl`), 'utf8').split('\n').filter((line) => line.trim() !== '');
    lines.forEach((line, index) => {
      let parsed: ReturnType<typeof labelLineSchema.parse>;
      try {
        parsed = labelLineSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`${source.key}.jsonl line ${index + 1}: ${String(error)}`);
      }
      const id = `${source.key}:${parsed.ref}`;
      if (seenIds.has(id)) throw new Error(`${id}: duplicate id`);
      seenIds.add(id);
      const earlier = seenTexts.get(parsed.text);
      if (earlier !== undefined) throw new Error(`${id}: same text as ${earlier}`);
      seenTexts.set(parsed.text, id);
      const lang = parsed.lang ?? source.lang;
      const [intent] = parsed.intents;
      if (intent === undefined) throw new Error(`${id}: no intent`);
      messages.push({
        id,
        source: source.key,
        ref: parsed.ref,
        site: source.site,
        lang,
        text: parsed.text,
        intent,
        intents: parsed.intents,
        candidates: candidatesFor(parsed.intents, lang, parsed.extra),
        sensitive: spansOf(id, parsed.text, parsed.sens ?? []),
        ...(parsed.previous ? { previous: parsed.previous } : {}),
      });
    });
  }
  const sources = EVAL_SOURCES.map(({ key, origin, site, lang }) => ({ key, origin, site, lang }));
  const part = (name: 'dev' | 'held-aside'): EvalPart =>
    evalPartSchema.parse({ part: name, rule: SPLIT_RULE, sources, messages: messages.filter((message) => partOf(message.id) === name) });
  return { dev: part('dev'), 'held-aside': part('held-aside') };
}

function main(): void {
  const parts = buildParts();
  const check = process.argv.includes('--check');
  let stale = false;
  for (const name of ['dev', 'held-aside'] as const) {
    const file = path.join(folder, `${name}.json`);
    const fresh = `${JSON.stringify(parts[name], null, 1)}\n`;
    if (check) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = '';
      }
      if (current !== fresh) stale = true;
    } else writeFileSync(file, fresh);
    console.log(`${name}: ${parts[name].messages.length} messages`);
  }
  if (stale) {
    console.error('the committed parts differ from the labels: run bench/replies-eval-build.ts');
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
