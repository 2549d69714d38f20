/**
 * The external training corpus (tests/fixtures/replies/training/): every row is readable, every label
 * is either mapped to our intents by the written table or deliberately dropped, and each source says
 * where it came from and under which licence.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_INTENTS } from '@/lib/replies/intent-model';
import { externalExamples, TRAINING_SOURCES, trainingRows } from '../../../bench/replies-intent-model-training';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the external training corpus', () => {
  it('names a pinned origin and a licence file that is there', () => {
    for (const source of TRAINING_SOURCES) {
      expect(source.origin).toMatch(/^github:[\w.-]+\/[\w.-]+@[0-9a-f]{40}:.+/);
      const licenceFile = /\((tests\/fixtures\/replies\/training\/[^)]+)\)/.exec(source.licence)?.[1];
      expect(licenceFile).toBeDefined();
      expect(existsSync(path.join(root, licenceFile ?? ''))).toBe(true);
    }
  });

  it('maps labels to intents the classifier learns, and has rows for the mapped labels', () => {
    for (const source of TRAINING_SOURCES) {
      const rows = trainingRows(source);
      expect(rows.length).toBeGreaterThan(100);
      for (const intents of Object.values(source.labels)) {
        expect(intents.length).toBeGreaterThan(0);
        for (const intent of intents) expect(MODEL_INTENTS).toContain(intent);
      }
      const labels = new Set(rows.map((row) => row.label));
      for (const label of labels) expect(Object.keys(source.labels)).toContain(label);
    }
  });

  it('becomes training examples at the given weight that leave the priors alone, and none at weight 0', () => {
    const examples = externalExamples(0.25);
    expect(examples.length).toBeGreaterThan(100);
    expect(examples.every((example) => example.weight === 0.25 && example.countsTowardPriors === false)).toBe(true);
    expect(externalExamples(0)).toEqual([]);
  });
});
