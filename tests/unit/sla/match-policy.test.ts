import { describe, expect, it } from 'vitest';
import { matchPolicy } from '@/lib/sla/match-policy';
import { policy } from './helpers';

const subject = { site: 'x' as const, priority: 'normal' as const, tags: ['VIP', 'billing'] };

describe('matchPolicy', () => {
  it('takes the first match in order, not in list position', () => {
    const anything = policy({ name: 'anything', order: 5 });
    const onX = policy({ name: 'x', order: 1, match: { sites: ['x'], priorities: [], tags: [] } });
    expect(matchPolicy([anything, onX], subject)?.name).toBe('x');
  });

  it('needs every condition to hold; an empty list matches anything', () => {
    const urgentOnX = policy({ order: 0, match: { sites: ['x'], priorities: ['urgent'], tags: [] } });
    const linkedIn = policy({ order: 1, match: { sites: ['linkedin'], priorities: [], tags: [] } });
    const fallback = policy({ name: 'fallback', order: 2 });
    expect(matchPolicy([urgentOnX, linkedIn, fallback], subject)?.name).toBe('fallback');
    expect(matchPolicy([urgentOnX, linkedIn, fallback], { ...subject, priority: 'urgent' })?.id).toBe(urgentOnX.id);
  });

  it('matches tags when the subject has any of them, ignoring case', () => {
    const vip = policy({ name: 'vip', order: 0, match: { sites: [], priorities: [], tags: ['press', 'vip'] } });
    expect(matchPolicy([vip], subject)?.name).toBe('vip');
    expect(matchPolicy([vip], { ...subject, tags: ['billing'] })).toBeNull();
    expect(matchPolicy([vip], { ...subject, tags: [] })).toBeNull();
  });

  it('skips disabled and deleted policies', () => {
    const disabled = policy({ order: 0, enabled: false });
    const deleted = policy({ order: 1, deletedAt: '2026-02-01T00:00:00.000Z' });
    const live = policy({ name: 'live', order: 2 });
    expect(matchPolicy([disabled, deleted, live], subject)?.name).toBe('live');
    expect(matchPolicy([disabled, deleted], subject)).toBeNull();
  });

  it('keeps the given order between policies of the same order', () => {
    const first = policy({ name: 'first', order: 3 });
    const second = policy({ name: 'second', order: 3 });
    expect(matchPolicy([first, second], subject)?.name).toBe('first');
    expect(matchPolicy([second, first], subject)?.name).toBe('second');
  });
});
