import { describe, expect, it } from 'vitest';
import { replyLength, replyLimit } from '@/lib/replies/limits';

describe('reply limits', () => {
  it('has each site’s limit for public replies and DMs', () => {
    expect(replyLimit('x', 'public').limit).toBe(280);
    expect(replyLimit('linkedin', 'public').limit).toBe(1_250);
    expect(replyLimit('instagram', 'public').limit).toBe(2_200);
    expect(replyLimit('facebook', 'public').limit).toBe(8_000);
    expect(replyLimit('x', 'private').limit).toBe(10_000);
    expect(replyLimit('instagram', 'private').limit).toBe(1_000);
  });

  it('counts as X does: CJK and emoji weigh 2, a link 23', () => {
    const x = replyLimit('x', 'public');
    expect(replyLength('Hello', x)).toBe(5);
    expect(replyLength('こんにちは', x)).toBe(10);
    expect(replyLength('Hi 👋🏽', x)).toBe(5);
    expect(replyLength('See https://example.com/a/very/long/path/indeed ok', x)).toBe(4 + 23 + 3);
    expect(replyLength('a'.repeat(281), x)).toBeGreaterThan(x.limit);
  });

  it('counts what a person sees as characters elsewhere', () => {
    expect(replyLength('こんにちは 👋🏽', replyLimit('instagram', 'public'))).toBe(7);
  });
});
