import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSensitive, labelledSetSchema } from '@/lib/replies/sensitive-evaluate';

const posts = labelledSetSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/replies/sensitive-labelled.json', import.meta.url), 'utf8')),
);

describe('sensitive content on the labelled set', () => {
  it('has at least 120 posts in English and Japanese, about half with something sensitive', () => {
    expect(posts.length).toBeGreaterThanOrEqual(120);
    expect(posts.filter((post) => post.lang === 'ja').length).toBeGreaterThanOrEqual(40);
    const withFindings = posts.filter((post) => post.expected.length > 0).length / posts.length;
    expect(withFindings).toBeGreaterThan(0.4);
    expect(withFindings).toBeLessThan(0.65);
  });

  it('reaches precision and recall of at least 0.95 overall (issue 5 target)', () => {
    const result = evaluateSensitive(posts);
    const rows = Object.entries(result.byKind).map(([kind, score]) => ({ kind, ...score }));
    console.table([...rows, { kind: 'overall', ...result.overall }]);
    console.table(Object.entries(result.byLang).map(([lang, score]) => ({ lang, ...score })));
    if (result.misses.length > 0) console.table(result.misses);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('scores a detector that finds nothing as missing everything (the scorer is not a tautology)', () => {
    const result = evaluateSensitive(posts.map((post) => ({ ...post, text: post.text.replace(/\S/g, ' ') , expected: [] })));
    expect(result.overall.falsePositives).toBe(0);
    const shifted = posts.filter((post) => post.expected.length > 0).map((post) => ({ ...post, expected: post.expected.map((span) => ({ ...span, kind: span.kind === 'negative' ? 'email' as const : 'negative' as const })) }));
    expect(evaluateSensitive(shifted).overall.recall).toBeLessThan(0.2);
  });
});
