/**
 * A small naive Bayes classifier of what a message is about, over the project's tokens (English stems,
 * Japanese words and bigrams), optionally adjacent word pairs, and, for a short follow-up, the terms of
 * the message it answers (marked apart, so "troubleshooting" in our reply is its own evidence). It is trained at build time on the development part of the evaluation
 * set only (bench/replies-intent-model-build.ts) and shipped as a table (intent-model-table.ts); the
 * ranker blends its probabilities with the cue-based intents (intent.ts), which stay what the rest of
 * the product reads (priority, escalations, spam). Pure: no I/O.
 */
import type { Intent } from './intent';
import { queryTerms } from './tokenize';

/** The classes it learns: reply intents with enough real examples (escalations and spam stay cue-only). */
export const MODEL_INTENTS = [
  'complaint',
  'question',
  'price',
  'thanks',
  'refund',
  'delivery',
  'cancel',
  'not-working',
  'praise',
  'account',
  'feedback',
] as const satisfies readonly Intent[];
export type ModelIntent = (typeof MODEL_INTENTS)[number];

export interface IntentModelTable {
  /** Class order of every count array below. */
  intents: readonly ModelIntent[];
  /** Training weight per class (messages, a secondary label counting part). */
  priors: readonly number[];
  /** Per class, the sum of its term counts. */
  totals: readonly number[];
  /** Term → counts per class, as [class index, count] pairs (classes with none left out). */
  terms: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>>;
  /** Laplace smoothing and the temperature that flattens the posterior (log-likelihood divided by it). */
  alpha: number;
  temperature: number;
  /** Adjacent English word pairs are terms too ("not work", "still wait"). */
  wordPairs?: boolean;
  /** A follow-up up to this length also counts the terms of the message it answers. */
  previousUpTo?: number;
}

/** How the terms of a message are read: the table's own settings, so that training and reading agree. */
export type TermOptions = Pick<IntentModelTable, 'wordPairs' | 'previousUpTo'>;

export interface IntentProbability {
  intent: ModelIntent;
  probability: number;
}

export interface TrainingExample {
  text: string;
  /** The message it answers in the thread, when known. */
  previous?: string;
  /** Labelled intents, main one first. */
  intents: readonly string[];
}

/** How much a secondary label counts beside the main one. */
const SECONDARY_WEIGHT = 0.5;

const isModelIntent = (intent: string): intent is ModelIntent => (MODEL_INTENTS as readonly string[]).includes(intent);

/** Marks a term of the previous message apart from the message's own. */
const PREVIOUS_MARK = '<';
const WORD = /^[a-z][a-z']*$/;

/** Terms of one message (and, for a short follow-up, of the one before it), each once: what the model counts and reads. */
export function modelTerms(text: string, previous?: string, options: TermOptions = {}): string[] {
  const own = queryTerms(text);
  const terms = new Set(own);
  if (options.wordPairs) {
    for (let at = 1; at < own.length; at += 1) {
      const [a, b] = [own[at - 1] ?? '', own[at] ?? ''];
      if (WORD.test(a) && WORD.test(b)) terms.add(`${a}_${b}`);
    }
  }
  const upTo = options.previousUpTo ?? 0;
  if (previous !== undefined && previous.trim() !== '' && text.length <= upTo) {
    for (const term of queryTerms(previous)) terms.add(`${PREVIOUS_MARK}${term}`);
  }
  return [...terms];
}

export function trainIntentModel(
  examples: readonly TrainingExample[],
  options: { alpha: number; temperature: number; minCount?: number; wordPairs?: boolean; previousUpTo?: number },
): IntentModelTable {
  const termOptions: TermOptions = { wordPairs: options.wordPairs ?? false, previousUpTo: options.previousUpTo ?? 0 };
  const classOf = new Map(MODEL_INTENTS.map((intent, index) => [intent, index]));
  const priors = MODEL_INTENTS.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const example of examples) {
    const labelled = example.intents.filter(isModelIntent);
    if (labelled.length === 0) continue;
    const terms = modelTerms(example.text, example.previous, termOptions);
    labelled.forEach((intent, position) => {
      const index = classOf.get(intent);
      if (index === undefined) return;
      const weight = position === 0 && example.intents[0] === intent ? 1 : SECONDARY_WEIGHT;
      priors[index] = (priors[index] ?? 0) + weight;
      for (const term of terms) {
        let row = counts.get(term);
        if (!row) {
          row = MODEL_INTENTS.map(() => 0);
          counts.set(term, row);
        }
        row[index] = (row[index] ?? 0) + weight;
      }
    });
  }
  const minCount = options.minCount ?? 2;
  const totals = MODEL_INTENTS.map(() => 0);
  const terms: Record<string, Array<[number, number]>> = {};
  for (const [term, row] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // A term seen once says more about that message than about its intent.
    if (row.reduce((sum, count) => sum + count, 0) < minCount) continue;
    const pairs: Array<[number, number]> = [];
    row.forEach((count, index) => {
      if (count > 0) {
        pairs.push([index, count]);
        totals[index] = (totals[index] ?? 0) + count;
      }
    });
    terms[term] = pairs;
  }
  return {
    intents: MODEL_INTENTS,
    priors,
    totals,
    terms,
    alpha: options.alpha,
    temperature: options.temperature,
    ...(termOptions.wordPairs ? { wordPairs: true } : {}),
    ...(termOptions.previousUpTo ? { previousUpTo: termOptions.previousUpTo } : {}),
  };
}

/**
 * The class probabilities of `text` (read with `previous`, the message it answers, when the table
 * was trained so), most likely first; empty when it shares no term with the model.
 */
export function classifyIntents(table: IntentModelTable, text: string, previous?: string): IntentProbability[] {
  const classes = table.intents.length;
  const vocabulary = Object.keys(table.terms).length;
  if (classes === 0 || vocabulary === 0) return [];
  const priorTotal = table.priors.reduce((sum, prior) => sum + prior, 0);
  const logs = table.intents.map((_, index) => Math.log(((table.priors[index] ?? 0) + 1) / (priorTotal + classes)));
  const likelihood = new Array<number>(classes).fill(0);
  let known = 0;
  for (const term of modelTerms(text, previous, table)) {
    const pairs = table.terms[term];
    if (pairs === undefined) continue;
    known += 1;
    const row = new Array<number>(classes).fill(0);
    for (const [index, count] of pairs) row[index] = count;
    for (let index = 0; index < classes; index += 1) {
      likelihood[index] = (likelihood[index] ?? 0) + Math.log(((row[index] ?? 0) + table.alpha) / ((table.totals[index] ?? 0) + table.alpha * vocabulary));
    }
  }
  if (known === 0) return [];
  const scores = logs.map((prior, index) => prior + (likelihood[index] ?? 0) / table.temperature);
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return table.intents
    .map((intent, index) => ({ intent, probability: (exps[index] ?? 0) / sum }))
    .sort((a, b) => b.probability - a.probability);
}
