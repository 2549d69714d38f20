/**
 * Precision and recall of `findSensitive` against a labelled set (the fixture in
 * tests/fixtures/replies/sensitive-labelled.json), shared by the test and the benchmark.
 * A finding matches an expected span when it has the same kind and they overlap.
 */
import { z } from 'zod';
import { findSensitive } from './sensitive';
import { SENSITIVE_KINDS, type SensitiveKind } from './sensitive-types';

const kindSchema = z.enum(SENSITIVE_KINDS);

export const labelledPostSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['en', 'ja']),
  text: z.string(),
  expected: z.array(z.object({ kind: kindSchema, text: z.string().min(1), occurrence: z.number().int().min(1).optional() })),
});
export type LabelledPost = z.infer<typeof labelledPostSchema>;
export const labelledSetSchema = z.array(labelledPostSchema);

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  id: string;
  kind: SensitiveKind;
  text: string;
  /** 'missed': expected and not found; 'spurious': found and not expected. */
  error: 'missed' | 'spurious';
}

export interface Evaluation {
  overall: Score;
  byKind: Record<SensitiveKind, Score>;
  byLang: Record<'en' | 'ja', Score>;
  misses: Miss[];
}

interface Span {
  kind: SensitiveKind;
  start: number;
  end: number;
}

function expectedSpans(post: LabelledPost): Span[] {
  return post.expected.map((label) => {
    let start = -1;
    for (let seen = 0; seen < (label.occurrence ?? 1); seen += 1) start = post.text.indexOf(label.text, start + 1);
    if (start < 0) throw new Error(`${post.id}: "${label.text}" is not in the text`);
    return { kind: label.kind, start, end: start + label.text.length };
  });
}

const overlaps = (a: Span, b: Span): boolean => a.kind === b.kind && a.start < b.end && b.start < a.end;

function score(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000);
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}

type Counts = [number, number, number];

export function evaluateSensitive(posts: readonly LabelledPost[]): Evaluation {
  const kindCounts = Object.fromEntries(SENSITIVE_KINDS.map((kind) => [kind, [0, 0, 0]])) as Record<SensitiveKind, Counts>;
  const langCounts: Record<'en' | 'ja', Counts> = { en: [0, 0, 0], ja: [0, 0, 0] };
  const misses: Miss[] = [];
  const bump = (kind: SensitiveKind, lang: 'en' | 'ja', slot: 0 | 1 | 2) => {
    kindCounts[kind][slot] += 1;
    langCounts[lang][slot] += 1;
  };
  for (const post of posts) {
    const expected = expectedSpans(post);
    const found = findSensitive(post.text);
    for (const span of expected) {
      if (found.some((finding) => overlaps(finding, span))) bump(span.kind, post.lang, 0);
      else {
        bump(span.kind, post.lang, 2);
        misses.push({ id: post.id, kind: span.kind, text: post.text.slice(span.start, span.end), error: 'missed' });
      }
    }
    for (const finding of found) {
      if (expected.some((span) => overlaps(finding, span))) continue;
      bump(finding.kind, post.lang, 1);
      misses.push({ id: post.id, kind: finding.kind, text: post.text.slice(finding.start, finding.end), error: 'spurious' });
    }
  }
  const total: Counts = [0, 0, 0];
  for (const [truePositives, falsePositives, falseNegatives] of Object.values(kindCounts)) {
    total[0] += truePositives;
    total[1] += falsePositives;
    total[2] += falseNegatives;
  }
  const byKind = Object.fromEntries(SENSITIVE_KINDS.map((kind) => [kind, score(...kindCounts[kind])])) as Record<SensitiveKind, Score>;
  const byLang = { en: score(...langCounts.en), ja: score(...langCounts.ja) };
  return { overall: score(...total), byKind, byLang, misses };
}
