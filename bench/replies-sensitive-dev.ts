/**
 * findSensitive on the development part of the real-message evaluation set alone: precision and
 * recall per kind and per finer kind, and every dev miss with the text around it. What tuning
 * the sensitive detectors reads; it never opens the held-aside part (bench/replies-eval.ts reports
 * that one, once, at the end).
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-sensitive-dev.ts [--misses] [--source KEY]
 *
 * Writes bench/results/replies-sensitive-dev.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { sensitiveFigures } from './replies-eval-metrics';
import { evalPartSchema } from './replies-eval-set';

const root = path.resolve(import.meta.dirname, '..');
const dev = evalPartSchema.parse(JSON.parse(readFileSync(path.join(root, 'tests/fixtures/replies/eval/dev.json'), 'utf8')));
if (dev.part !== 'dev') throw new Error('dev.json is not the development part');

const sourceFlag = process.argv.indexOf('--source');
const onlySource = sourceFlag >= 0 ? process.argv[sourceFlag + 1] : undefined;
const messages = onlySource === undefined ? dev.messages : dev.messages.filter((message) => message.source === onlySource);

const figures = sensitiveFigures(messages);
const bySource = Object.fromEntries(
  [...new Set(messages.map((message) => message.source))].map((source) => {
    const { overall } = sensitiveFigures(messages.filter((message) => message.source === source));
    return [source, { expected: overall.expected, precision: overall.precision, recall: overall.recall }];
  }),
);

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/replies-sensitive-dev.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      machine: { loadavg: loadavg().map((value) => Math.round(value * 100) / 100), cpus: cpus().length, node: process.version },
      part: 'dev',
      source: onlySource ?? 'all',
      messages: messages.length,
      overall: figures.overall,
      byKind: figures.byKind,
      byDetail: figures.byDetail,
      bySource,
      misses: figures.misses,
    },
    null,
    2,
  )}\n`,
);

const { overall } = figures;
console.log(`dev: ${messages.length} messages, ${overall.expected} spans; precision ${overall.precision}, recall ${overall.recall}`);
for (const [kind, score] of Object.entries(figures.byKind)) {
  if (score.expected + score.found === 0) continue;
  console.log(`  ${kind}: P ${score.precision} R ${score.recall} (expected ${score.expected}, found ${score.found}, fp ${score.falsePositives}, fn ${score.falseNegatives})`);
}
for (const [detail, { expected, recalled }] of Object.entries(figures.byDetail)) console.log(`  account/${detail}: recalled ${recalled} of ${expected}`);
for (const [source, score] of Object.entries(bySource)) console.log(`  ${source}: P ${score.precision} R ${score.recall} (${score.expected})`);

if (process.argv.includes('--misses')) {
  const text = new Map(messages.map((message) => [message.id, message.text]));
  for (const miss of figures.misses) {
    const whole = text.get(miss.id) ?? '';
    const at = whole.indexOf(miss.text);
    const around = whole.slice(Math.max(0, at - 40), at + miss.text.length + 40).replace(/\n/g, '⏎');
    console.log(`${miss.error} ${miss.kind} ${miss.id} "${miss.text}" :: …${around}…`);
  }
}
