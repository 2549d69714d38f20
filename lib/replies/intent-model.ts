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
  /**
   * Complement naive Bayes: a class is scored by how unlike the other classes' counts the terms are,
   * which leans less on the classes with the most examples.
   */
  complement?: boolean;
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
  /** How much the example counts beside one labelled message (an external corpus counts less); 1 when left out. */
  weight?: number;
  /**
   * Whether it counts toward the class priors too (true when left out). An external corpus has its own mix of
   * intents, not the one customers send us, so it adds evidence for words without moving the priors.
   */
  countsTowardPriors?: boolean;
}

/** How much a secondary label counts beside the main one. */
const SECONDARY_WEIGHT = 0.5;

/** Weighted counts keep three decimals: the table ships, and more digits change no ranking. */
const roundCount = (count: number): number => Math.round(count * 1000) / 1000;

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
  options: { alpha: number; temperature: number; minCount?: number; wordPairs?: boolean; previousUpTo?: number; complement?: boolean },
): IntentModelTable {
  const termOptions: TermOptions = { wordPairs: options.wordPairs ?? false, previousUpTo: options.previousUpTo ?? 0 };
  const classOf = new Map(MODEL_INTENTS.map((intent, index) => [intent, index]));
  const priors = MODEL_INTENTS.map(() => 0);
  const counts = new Map<string, number[]>();
  // How often each term was seen, whatever the example's weight: what `minCount` reads.
  const sightings = new Map<string, number>();
  for (const example of examples) {
    const labelled = example.intents.filter(isModelIntent);
    if (labelled.length === 0) continue;
    const terms = modelTerms(example.text, example.previous, termOptions);
    const exampleWeight = example.weight ?? 1;
    if (exampleWeight <= 0) continue;
    labelled.forEach((intent, position) => {
      const index = classOf.get(intent);
      if (index === undefined) return;
      const labelWeight = position === 0 && example.intents[0] === intent ? 1 : SECONDARY_WEIGHT;
      const weight = labelWeight * exampleWeight;
      if (example.countsTowardPriors !== false) priors[index] = (priors[index] ?? 0) + weight;
      for (const term of terms) {
        sightings.set(term, (sightings.get(term) ?? 0) + labelWeight);
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
    if ((sightings.get(term) ?? 0) < minCount) continue;
    const pairs: Array<[number, number]> = [];
    row.forEach((count, index) => {
      const kept = roundCount(count);
      if (kept > 0) {
        pairs.push([index, kept]);
        totals[index] = roundCount((totals[index] ?? 0) + kept);
      }
    });
    terms[term] = pairs;
  }
  return {
    intents: MODEL_INTENTS,
    priors: priors.map(roundCount),
    totals,
    terms,
    alpha: options.alpha,
    temperature: options.temperature,
    ...(termOptions.wordPairs ? { wordPairs: true } : {}),
    ...(termOptions.previousUpTo ? { previousUpTo: termOptions.previousUpTo } : {}),
    ...(options.complement ? { complement: true } : {}),
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
  const grandTotal = table.totals.reduce((sum, total) => sum + total, 0);
  let known = 0;
  for (const term of modelTerms(text, previous, table)) {
    const pairs = table.terms[term];
    if (pairs === undefined) continue;
    known += 1;
    const row = new Array<number>(classes).fill(0);
    let rowTotal = 0;
    for (const [index, count] of pairs) {
      row[index] = count;
      rowTotal += count;
    }
    for (let index = 0; index < classes; index += 1) {
      const count = row[index] ?? 0;
      const total = table.totals[index] ?? 0;
      likelihood[index] =
        (likelihood[index] ?? 0) +
        (table.complement
          ? -Math.log((rowTotal - count + table.alpha) / (grandTotal - total + table.alpha * vocabulary))
          : Math.log((count + table.alpha) / (total + table.alpha * vocabulary)));
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
