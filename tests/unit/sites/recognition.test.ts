import { describe, expect, it } from 'vitest';
import { recognitionGaps } from '@/lib/sites/shared/recognition';

describe('recognitionGaps', () => {
  it('ignores facts a person or page may simply not have', () => {
    expect(recognitionGaps({ misses: ['profile.avatar', 'profile.headline', 'me'] })).toEqual([]);
  });

  it('keeps what means the page was not read as expected', () => {
    expect(recognitionGaps({ misses: ['profile.topCard', 'profile.avatar', 'profile.name'] })).toEqual([
      'profile.topCard',
      'profile.name',
    ]);
  });
});
