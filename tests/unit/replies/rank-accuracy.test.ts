import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createReplyRanker } from '@/lib/replies/rank';
import { starterCandidates } from '@/lib/replies/starter-set';
import labelled from '../../fixtures/replies/labelled-messages.json';

const labelledSetSchema = z.object({
  messages: z
    .array(
      z.object({
        id: z.string(),
        lang: z.enum(['en', 'ja']),
        site: z.enum(['linkedin', 'x', 'facebook', 'instagram']),
        stage: z.string().optional(),
        message: z.string().min(1),
        expected: z.array(z.string()).min(1),
      }),
    )
    .min(70),
});

describe('ranking accuracy on the labelled set', () => {
  const { messages } = labelledSetSchema.parse(labelled);
  const candidates = starterCandidates();
  const ranker = createReplyRanker(candidates);

  it('refers only to starter keys, in about equal numbers of English and Japanese messages', () => {
    const keys = new Set(candidates.map((candidate) => candidate.id));
    expect(messages.flatMap((message) => message.expected).filter((key) => !keys.has(key))).toEqual([]);
    const english = messages.filter((message) => message.lang === 'en').length;
    expect(Math.abs(english - (messages.length - english))).toBeLessThanOrEqual(messages.length * 0.2);
  });

  it('puts an expected reply in the top 3 for at least 90% of messages', () => {
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const { id, message, stage, expected } of messages) {
      const ranked = ranker.rank(message, { limit: 3, stage }).map((result) => result.id);
      if (expected.includes(ranked[0] ?? '')) top1 += 1;
      if (ranked.some((rankedId) => expected.includes(rankedId))) top3 += 1;
      else misses.push(`${id}: got ${ranked.join(', ')}; expected ${expected.join(' or ')}`);
    }
    const accuracy = { n: messages.length, top1: top1 / messages.length, top3: top3 / messages.length };
    console.log(`reply ranking accuracy: ${JSON.stringify(accuracy)}${misses.length > 0 ? `\nmisses:\n${misses.join('\n')}` : ''}`);
    expect(accuracy.top3).toBeGreaterThanOrEqual(0.9);
  });
});
