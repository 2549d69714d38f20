import { describe, expect, it } from 'vitest';
import { clearMissTallies, readMissTallies, recordMisses } from '@/lib/diagnostics/recognition-misses';

describe('recognition miss tallies', () => {
  it('count each miss per site, newest first, without query strings', async () => {
    await recordMisses('linkedin', ['profile.name'], 'https://www.linkedin.com/in/ada/?miniProfileUrn=secret', new Date('2026-03-01T10:00:00Z'));
    await recordMisses('linkedin', ['profile.name', 'profile.topCard'], 'https://www.linkedin.com/in/bob/', new Date('2026-03-02T10:00:00Z'));
    await recordMisses('x', ['post.author'], 'https://x.com/a/status/1', new Date('2026-03-01T12:00:00Z'));

    const tallies = await readMissTallies();
    expect(tallies.map(({ site, miss, count }) => [site, miss, count])).toEqual([
      ['linkedin', 'profile.name', 2],
      ['linkedin', 'profile.topCard', 1],
      ['x', 'post.author', 1],
    ]);
    expect(tallies[0]?.lastUrl).toBe('https://www.linkedin.com/in/bob/');
  });

  it('ignore page views without gaps, and clear', async () => {
    await recordMisses('x', [], 'https://x.com/home', new Date());
    expect(await readMissTallies()).toEqual([]);
    await recordMisses('x', ['post.author'], 'https://x.com/a/status/1?s=20', new Date('2026-03-01T12:00:00Z'));
    expect((await readMissTallies())[0]?.lastUrl).toBe('https://x.com/a/status/1');
    await clearMissTallies();
    expect(await readMissTallies()).toEqual([]);
  });
});
