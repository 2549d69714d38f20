import { describe, expect, it } from 'vitest';
import { pairLinkedRows, whereOf } from '@/lib/conversations/one-row-per-issue';

const row = (conversationId: string | null, linkedConversationId: string | null) => ({ conversationId, linkedConversationId });

describe('one row per issue', () => {
  it('folds a public comment and its DM into the earlier row, keeping the order', () => {
    const rows = [row('a', null), row('dm', 'comment'), row('b', null), row('comment', 'dm')];
    const paired = pairLinkedRows(rows);
    expect(paired.map(({ row: kept, partner }) => [kept.conversationId, partner?.conversationId ?? null])).toEqual([
      ['a', null],
      ['dm', 'comment'],
      ['b', null],
    ]);
  });

  it('keeps both rows of a one-sided link, and rows without a conversation', () => {
    const paired = pairLinkedRows([row('dm', 'comment'), row('comment', 'other'), row(null, null)]);
    expect(paired).toHaveLength(3);
    expect(paired.every(({ partner }) => partner === null)).toBe(true);
  });

  it('names DMs private and posts and comments public', () => {
    expect([whereOf('conversation'), whereOf('comment'), whereOf('post')]).toEqual(['private', 'public', 'public']);
  });
});
