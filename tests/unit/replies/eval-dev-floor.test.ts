/**
 * The development part of the real-message evaluation set (tests/fixtures/replies/eval/dev.json) must
 * not get worse: each figure stays at or above what it was when the detectors were last tuned, less a
 * small margin. Only the dev part is read here; the held-aside part is for the benchmark's report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intentFigures, rankingFigures, sensitiveFigures, spamFigures } from '../../../bench/replies-eval-metrics';
import { evalPartSchema } from '../../../bench/replies-eval-set';

const dev = evalPartSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/replies/eval/dev.json'), 'utf8')));
/** How far a figure may fall below its tuned value (about two messages in the ranking). */
const MARGIN = 0.02;
/**
 * The dev ranking figures include the intent classifier, which is trained on this very part (so they
 * are training-set figures: its cross-validated ones are in bench/replies-intent-model-build.ts --cv).
 * Spam and sensitive figures fell when 85 more SpamAssassin messages and the notices and bank-details
 * sources were added (Dec 2026): these are the figures on the larger part. Ranking and intent figures
 * fell when the 364 tweets to some 30 brands (twcs-brands, with their threads) were added: harder,
 * shorter messages than the AmazonHelp sample the cues were tuned on. Spam recall fell again when the
 * UK text-message spam was added (its premium-rate wording is not yet recognised as spam); the
 * sensitive figures are those after findSensitive was tuned on the larger part.
 */
const TUNED = {
  rankingTop1: 0.714,
  rankingTop3: 0.906,
  intentTop1: 0.565,
  spamPrecision: 1,
  spamRecall: 0.5,
  sensitivePrecision: 0.988,
  sensitiveRecall: 0.961,
};

describe('evaluation set, development part: accuracy floor', () => {
  it('is the development part only', () => {
    expect(dev.part).toBe('dev');
    expect(dev.messages.length).toBeGreaterThanOrEqual(250);
  });

  it('ranks an acceptable reply first and in the top 3 as often as when tuned', () => {
    const ranking = rankingFigures(dev.messages);
    expect(ranking.top1).toBeGreaterThanOrEqual(TUNED.rankingTop1 - MARGIN);
    expect(ranking.top3).toBeGreaterThanOrEqual(TUNED.rankingTop3 - MARGIN);
  });

  it('detects the labelled main intent as often as when tuned', () => {
    expect(intentFigures(dev.messages).top1).toBeGreaterThanOrEqual(TUNED.intentTop1 - MARGIN);
  });

  it('recognises spam and suggests nothing for it', () => {
    const spam = spamFigures(dev.messages);
    expect(spam.precision).toBeGreaterThanOrEqual(TUNED.spamPrecision - MARGIN);
    expect(spam.recall).toBeGreaterThanOrEqual(TUNED.spamRecall - MARGIN);
    expect(spam.labelledSpamWithSuggestions).toBeLessThanOrEqual(spam.labelled - spam.truePositives);
  });

  it('finds sensitive spans with the precision and recall it had when tuned', () => {
    const { overall } = sensitiveFigures(dev.messages);
    expect(overall.precision).toBeGreaterThanOrEqual(TUNED.sensitivePrecision - MARGIN);
    expect(overall.recall).toBeGreaterThanOrEqual(TUNED.sensitiveRecall - MARGIN);
  });
});
