import { describe, expect, it } from 'vitest';
import { classifyIntents, modelTerms, trainIntentModel } from '@/lib/replies/intent-model';
import { INTENT_MODEL } from '@/lib/replies/intent-model-table';
import { createReplyRanker, type RankCandidate } from '@/lib/replies/rank';

const examples = [
  { text: 'my parcel has not arrived yet', intents: ['delivery'] },
  { text: 'still no parcel, tracking says nothing', intents: ['delivery', 'complaint'] },
  { text: 'when will my parcel arrive', intents: ['delivery', 'question'] },
  { text: 'still nothing here, it has not come', intents: ['delivery'] },
  { text: 'it has not come yet, still nothing', intents: ['delivery'] },
  { text: 'the app crashes every time I open it', intents: ['not-working'] },
  { text: 'app keeps crashing after the update', intents: ['not-working'] },
  { text: 'thank you so much for your help', intents: ['thanks'] },
  { text: 'thank you, that sorted it', intents: ['thanks'] },
];

describe('the intent classifier', () => {
  const table = trainIntentModel(examples, { alpha: 0.5, temperature: 1, minCount: 2 });

  it('learns which words go with which intent, and gives probabilities that sum to 1', () => {
    const result = classifyIntents(table, 'the parcel is not here');
    expect(result[0]?.intent).toBe('delivery');
    expect(result.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 6);
    expect(classifyIntents(table, 'app crashing again')[0]?.intent).toBe('not-working');
  });

  it('says nothing about a text that shares no term with what it learned', () => {
    expect(classifyIntents(table, 'zebra quantum')).toEqual([]);
  });

  it('keeps only terms seen at least twice (a one-off word says more about its message than its intent)', () => {
    expect(Object.keys(table.terms)).toContain('parcel');
    expect(Object.keys(table.terms)).not.toContain('sort');
  });

  it('is shipped, built from the development part', () => {
    expect(INTENT_MODEL).not.toBeNull();
    expect(Object.keys(INTENT_MODEL?.terms ?? {}).length).toBeGreaterThan(100);
  });
});

const candidate = (id: string, title: string, body: string, tags: string[]): RankCandidate => ({ id, kind: 'template', title, body, tags, lang: 'en' });
const library = [
  candidate('status', 'Where your order is', 'Here is where your parcel is now.', ['delivery']),
  candidate('meeting', 'Book a time', 'Pick another time that suits you to try again.', ['meeting-request']),
  candidate('login', 'Trouble signing in', 'Try again with the reset link.', ['account']),
  candidate('pricing', 'Our plans', 'Another time, have a look at our plans.', ['price']),
];

describe('the ranker with the classifier and the thread', () => {
  const table = trainIntentModel(examples, { alpha: 0.5, temperature: 1, minCount: 2 });

  it('keeps the third place for the likeliest intent when the words matched only unrelated texts', () => {
    const message = 'Still nothing, it has not come, they said they will try again another time';
    const without = createReplyRanker(library, { intentModel: null }).rank(message, { limit: 3 });
    const withModel = createReplyRanker(library, { intentModel: table, reserveFrom: 0.3 }).rank(message, { limit: 3 });
    expect(withModel.map((entry) => entry.id)).toContain('status');
    expect(withModel.length).toBeLessThanOrEqual(3);
    const scores = withModel.map((entry) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The classifier changed something the cues alone would not have ranked.
    expect(without.map((entry) => entry.id)).not.toEqual(withModel.map((entry) => entry.id));
  });

  it('reads a short follow-up in the light of the message before it', () => {
    const ranker = createReplyRanker(library, { intentModel: null });
    const alone = ranker.rank('No, not yet.', { limit: 2 }).map((entry) => entry.id);
    const followUp = ranker.rank('No, not yet.', { limit: 2, previous: 'Has your parcel arrived? Here is the tracking for your order.' }).map((entry) => entry.id);
    expect(alone).not.toContain('status');
    expect(followUp[0]).toBe('status');
  });
});

describe('the shipped table', () => {
  it('is what a fresh build from the development part writes', async () => {
    const { readFileSync } = await import('node:fs');
    const { shippedTableSource } = await import('../../../bench/replies-intent-model');
    expect(readFileSync('lib/replies/intent-model-table.ts', 'utf8')).toBe(shippedTableSource());
  });
});

describe('the classifier reading word pairs and the message answered', () => {
  it('adds adjacent English word pairs as terms when asked, and marks the previous message apart', () => {
    expect(modelTerms('app keeps crashing').some((term) => term.includes('_'))).toBe(false);
    expect(modelTerms('app keeps crashing', undefined, { wordPairs: true }).some((term) => term.includes('_'))).toBe(true);
    const withPrevious = modelTerms('Yep', 'Is your router light red?', { previousUpTo: 280 });
    expect(withPrevious.some((term) => term.startsWith('<') && term.includes('router'))).toBe(true);
    // A follow-up longer than the limit says what it is about by itself.
    expect(modelTerms('Yep, and the parcel has still not come today', 'Is your router light red?', { previousUpTo: 10 }).some((term) => term.startsWith('<'))).toBe(false);
  });

  it('tells the same short answer apart by the message it answers', () => {
    const threads = [
      { text: 'yes', previous: 'Is the app crashing when you open it?', intents: ['not-working'] },
      { text: 'yes it does', previous: 'Does the app crash after the update?', intents: ['not-working'] },
      { text: 'yes', previous: 'Has your parcel arrived yet?', intents: ['delivery'] },
      { text: 'yes it has', previous: 'Did the parcel arrive?', intents: ['delivery'] },
    ];
    const table = trainIntentModel(threads, { alpha: 0.5, temperature: 1, minCount: 2, previousUpTo: 280 });
    expect(table.previousUpTo).toBe(280);
    expect(classifyIntents(table, 'yes', 'The app is crashing?')[0]?.intent).toBe('not-working');
    expect(classifyIntents(table, 'yes', 'Your parcel arrived?')[0]?.intent).toBe('delivery');
  });
});

describe('the classifier trained with an external corpus', () => {
  const external = [
    { text: 'how do I reset my password', intents: ['account'], weight: 0.25, countsTowardPriors: false },
    { text: 'I forgot my password, help me reset it', intents: ['account'], weight: 0.25, countsTowardPriors: false },
  ];

  it('counts an external example at its weight, in the word counts and not in the priors', () => {
    const table = trainIntentModel([...examples, ...external], { alpha: 0.5, temperature: 1, minCount: 2 });
    const account = table.intents.indexOf('account');
    expect(table.priors[account]).toBe(0);
    expect(table.terms['password']).toEqual([[account, 0.5]]);
    expect(classifyIntents(table, 'password reset please')[0]?.intent).toBe('account');
  });

  it('keeps a term seen twice whatever the weight of the examples it was seen in', () => {
    const table = trainIntentModel(external, { alpha: 0.5, temperature: 1, minCount: 2 });
    expect(Object.keys(table.terms)).toContain('reset');
    expect(Object.keys(table.terms)).not.toContain('forgot');
  });

  it('leaves out an example of weight 0', () => {
    const table = trainIntentModel([...examples, { text: 'password password', intents: ['account'], weight: 0 }], { alpha: 0.5, temperature: 1, minCount: 1 });
    expect(Object.keys(table.terms)).not.toContain('password');
  });
});

describe('complement naive Bayes', () => {
  it('scores a class by the counts of the others and still finds the intent', () => {
    const table = trainIntentModel(examples, { alpha: 0.5, temperature: 1, minCount: 2, complement: true });
    expect(table.complement).toBe(true);
    const result = classifyIntents(table, 'the parcel is not here');
    expect(result[0]?.intent).toBe('delivery');
    expect(result.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 6);
    expect(classifyIntents(table, 'app crashing again')[0]?.intent).toBe('not-working');
  });
});
