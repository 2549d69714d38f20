/**
 * Trains the intent classifier (lib/replies/intent-model.ts) on the development part of the
 * evaluation set and the external corpus (tests/fixtures/replies/training/) ONLY and writes it as
 * lib/replies/intent-model-table.ts. The held-aside part is never read here.
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts                # write the table
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts --check        # fail when stale
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts --cv           # choose the settings
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts --cv-external  # choose the corpus weight
 *
 * --cv scores settings by 3-fold cross-validation inside the development part (train on two folds
 * and the external corpus, rank the third with the starter set), so the figures it prints are not
 * inflated by training on the messages they are measured on. --cv-external compares, in one run, the
 * external corpus at several weights (0: without it) by that cross-validation and by the dev figures
 * of a table trained on all of dev, and writes bench/results/replies-intent-external.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trainIntentModel } from '../lib/replies/intent-model';
import { createReplyRanker } from '../lib/replies/rank';
import { starterCandidates } from '../lib/replies/starter-set';
import { rankingFigures } from './replies-eval-metrics';
import { fnv1a, type EvalMessage } from './replies-eval-set';
import { devMessages, EXTERNAL_WEIGHT, MODEL_SETTINGS, shippedTableSource, tableSource, trainingExamples } from './replies-intent-model';
import { TRAINING_SOURCES } from './replies-intent-model-training';

const root = path.resolve(import.meta.dirname, '..');
const tablePath = path.join(root, 'lib/replies/intent-model-table.ts');

type ModelSettings = Parameters<typeof trainIntentModel>[1];

/** The ranker settings the product ships (lib/replies/rank.ts defaults). */
const SHIPPED_RANKER = { modelWeight: 0.6, minModelEvidence: 0.2, reserveFrom: 0.2, reserveDepth: 2 };

function crossValidate(
  messages: readonly EvalMessage[],
  settings: ModelSettings,
  modelWeight: number,
  minModelEvidence: number,
  reserveFrom: number,
  reserveDepth = 1,
  externalWeight = EXTERNAL_WEIGHT,
) {
  const folds = [0, 1, 2].map((fold) => messages.filter((message) => fnv1a(`cv:${message.id}`) % 3 === fold));
  let n = 0;
  let top1 = 0;
  let top3 = 0;
  folds.forEach((test, fold) => {
    const train = folds.filter((_, other) => other !== fold).flat();
    const intentModel = trainIntentModel(trainingExamples(train, externalWeight), settings);
    const figures = rankingFigures(test, createReplyRanker(starterCandidates(), { intentModel, modelWeight, minModelEvidence, reserveFrom, reserveDepth }));
    n += figures.n;
    top1 += figures.top1 * figures.n;
    top3 += figures.top3 * figures.n;
  });
  return { n, top1: Math.round((top1 / n) * 1000) / 1000, top3: Math.round((top3 / n) * 1000) / 1000 };
}

/** Dev figures of a table trained on all of dev: training data included, so an upper bound. */
function devFigures(messages: readonly EvalMessage[], settings: ModelSettings, externalWeight: number) {
  const intentModel = trainIntentModel(trainingExamples(messages, externalWeight), settings);
  const figures = rankingFigures(messages, createReplyRanker(starterCandidates(), { intentModel, ...SHIPPED_RANKER }));
  return { n: figures.n, top1: figures.top1, top3: figures.top3, tableBytes: tableSource(intentModel, externalWeight).length };
}

function compareExternalWeights(messages: readonly EvalMessage[]): void {
  const loadavg: number[][] = [os.loadavg()];
  const rows: Array<Record<string, unknown>> = [];
  const settingsGrid: ModelSettings[] = [
    MODEL_SETTINGS,
    { ...MODEL_SETTINGS, alpha: 0.1, temperature: 8 },
    { ...MODEL_SETTINGS, minCount: 3 },
    { ...MODEL_SETTINGS, complement: true },
    { ...MODEL_SETTINGS, alpha: 1, complement: true },
  ];
  for (const settings of settingsGrid) {
    for (const externalWeight of [0, 0.1, 0.25, 0.5, 1, 2]) {
      const { modelWeight, minModelEvidence, reserveFrom, reserveDepth } = SHIPPED_RANKER;
      const cv = crossValidate(messages, settings, modelWeight, minModelEvidence, reserveFrom, reserveDepth, externalWeight);
      const dev = devFigures(messages, settings, externalWeight);
      rows.push({ settings, externalWeight, cv, dev });
      console.log(
        `alpha=${settings.alpha} temperature=${settings.temperature} minCount=${settings.minCount} complement=${settings.complement ?? false} external=${externalWeight}: cv top1=${cv.top1} top3=${cv.top3} (n=${cv.n}); dev top1=${dev.top1} top3=${dev.top3}; table ${dev.tableBytes} bytes`,
      );
      if (rows.length % 6 === 0) loadavg.push(os.loadavg());
    }
  }
  loadavg.push(os.loadavg());
  const result = {
    generatedAt: new Date().toISOString(),
    machine: { loadavg: { start: loadavg[0], during: loadavg.slice(1, -1), end: loadavg.at(-1) }, cpus: os.cpus().length, node: process.version },
    method:
      'One run, development part only (held-aside never read). cv: 3-fold cross-validation inside dev (folds by fnv1a("cv:"+id) % 3), each fold ranked by a table trained on the other two folds plus the external corpus at the given weight; dev: a table trained on all of dev plus the corpus, ranking all of dev (training data included). Ranker at the shipped settings; external weight 0 is the table without the corpus.',
    corpus: TRAINING_SOURCES.map(({ key, origin, licence, file }) => ({ key, origin, licence, file })),
    rows,
  };
  const out = path.join(root, 'bench/results/replies-intent-external.json');
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, out)}`);
}

function main(): void {
  const messages = devMessages();
  if (process.argv.includes('--cv-external')) {
    compareExternalWeights(messages);
    return;
  }
  if (process.argv.includes('--cv')) {
    const none = rankingFigures(messages, createReplyRanker(starterCandidates(), { intentModel: null }));
    console.log(`no model: top1=${none.top1} top3=${none.top3} (n=${none.n})`);
    for (const [alpha, temperature] of [[0.1, 8], [0.5, 3]] as const) {
      for (const wordPairs of [false, true]) {
        for (const previousUpTo of [0, 280]) {
          for (const modelWeight of [0.4, 0.6]) {
            for (const [reserveFrom, reserveDepth] of [[0.3, 1], [1, 1], [0.2, 2], [0.3, 2]] as const) {
              const cv = crossValidate(messages, { alpha, temperature, minCount: 2, wordPairs, previousUpTo }, modelWeight, 0.2, reserveFrom, reserveDepth);
              console.log(
                `alpha=${alpha} temperature=${temperature} wordPairs=${wordPairs} previousUpTo=${previousUpTo} weight=${modelWeight} reserveFrom=${reserveFrom} depth=${reserveDepth}: cv top1=${cv.top1} top3=${cv.top3}`,
              );
            }
          }
        }
      }
    }
    return;
  }
  const source = shippedTableSource();
  if (process.argv.includes('--check')) {
    if (readFileSync(tablePath, 'utf8') !== source) {
      console.error('lib/replies/intent-model-table.ts is stale: run bench/replies-intent-model-build.ts');
      process.exit(1);
    }
    return;
  }
  writeFileSync(tablePath, source);
  console.log(`wrote ${path.relative(root, tablePath)} (${source.length} bytes)`);
}

main();
