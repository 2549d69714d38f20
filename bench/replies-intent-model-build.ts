/**
 * Trains the intent classifier (lib/replies/intent-model.ts) on the development part of the
 * evaluation set ONLY and writes it as lib/replies/intent-model-table.ts. The held-aside part is
 * never read here.
 *
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts          # write the table
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts --check  # fail when stale
 *   node --import ./scripts/run-ts.mjs bench/replies-intent-model-build.ts --cv     # choose the settings
 *
 * --cv scores settings by 3-fold cross-validation inside the development part (train on two folds,
 * rank the third with the starter set), so the figures it prints are not inflated by training on the
 * messages they are measured on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { trainIntentModel } from '../lib/replies/intent-model';
import { createReplyRanker } from '../lib/replies/rank';
import { starterCandidates } from '../lib/replies/starter-set';
import { rankingFigures } from './replies-eval-metrics';
import { fnv1a, type EvalMessage } from './replies-eval-set';
import { devMessages, examplesOf, shippedTableSource } from './replies-intent-model';

const root = path.resolve(import.meta.dirname, '..');
const tablePath = path.join(root, 'lib/replies/intent-model-table.ts');

type ModelSettings = Parameters<typeof trainIntentModel>[1];

function crossValidate(messages: readonly EvalMessage[], settings: ModelSettings, modelWeight: number, minModelEvidence: number, reserveFrom: number, reserveDepth = 1) {
  const folds = [0, 1, 2].map((fold) => messages.filter((message) => fnv1a(`cv:${message.id}`) % 3 === fold));
  let n = 0;
  let top1 = 0;
  let top3 = 0;
  folds.forEach((test, fold) => {
    const train = folds.filter((_, other) => other !== fold).flat();
    const intentModel = trainIntentModel(examplesOf(train), settings);
    const figures = rankingFigures(test, createReplyRanker(starterCandidates(), { intentModel, modelWeight, minModelEvidence, reserveFrom, reserveDepth }));
    n += figures.n;
    top1 += figures.top1 * figures.n;
    top3 += figures.top3 * figures.n;
  });
  return { n, top1: Math.round((top1 / n) * 1000) / 1000, top3: Math.round((top3 / n) * 1000) / 1000 };
}

function main(): void {
  const messages = devMessages();
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
