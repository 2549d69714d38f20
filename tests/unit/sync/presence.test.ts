import { describe, expect, it } from 'vitest';
import { createPresenceTable } from '@/lib/sync/presence';

const at = (iso: string) => Date.parse(iso);

describe('presence table', () => {
  const event = (agentId: string, conversationKey: string, activity: 'viewing' | 'replying', expiresAt: string) => ({
    agentId,
    agentName: agentId.toUpperCase(),
    conversationKey,
    activity,
    expiresAt,
  });

  it('lists the other agents in a conversation, replying first, and forgets them at expiry', () => {
    let now = at('2026-03-02T09:00:00.000Z');
    const table = createPresenceTable(() => now);
    table.apply(event('ann', 'x:1', 'viewing', '2026-03-02T09:01:00.000Z'));
    table.apply(event('bob', 'x:1', 'replying', '2026-03-02T09:00:30.000Z'));
    table.apply(event('me', 'x:1', 'replying', '2026-03-02T09:01:00.000Z'));
    table.apply(event('cy', 'x:2', 'viewing', '2026-03-02T09:01:00.000Z'));

    expect(table.inConversation('x:1', 'me').map((entry) => `${entry.agentId}:${entry.activity}`)).toEqual(['bob:replying', 'ann:viewing']);
    now = at('2026-03-02T09:00:45.000Z');
    expect(table.inConversation('x:1', 'me').map((entry) => entry.agentId)).toEqual(['ann']);
  });

  it('moves an agent to the conversation of their latest event', () => {
    const table = createPresenceTable(() => at('2026-03-02T09:00:00.000Z'));
    table.apply(event('ann', 'x:1', 'viewing', '2026-03-02T09:01:00.000Z'));
    table.apply(event('ann', 'x:2', 'replying', '2026-03-02T09:01:00.000Z'));
    expect(table.inConversation('x:1')).toEqual([]);
    expect(table.inConversation('x:2').map((entry) => entry.activity)).toEqual(['replying']);
  });

  it('treats an already expired event as leaving that conversation only', () => {
    const table = createPresenceTable(() => at('2026-03-02T09:00:00.000Z'));
    table.apply(event('ann', 'x:1', 'replying', '2026-03-02T09:01:00.000Z'));
    table.apply(event('ann', 'x:9', 'viewing', '2026-03-02T08:59:00.000Z')); // a stale "left" elsewhere
    expect(table.inConversation('x:1')).toHaveLength(1);
    table.apply(event('ann', 'x:1', 'viewing', '2026-03-02T09:00:00.000Z'));
    expect(table.inConversation('x:1')).toEqual([]);
  });

  it('tells subscribers about changes, including expiries found by prune', () => {
    let now = at('2026-03-02T09:00:00.000Z');
    const table = createPresenceTable(() => now);
    let notified = 0;
    const unsubscribe = table.subscribe(() => (notified += 1));
    table.apply(event('ann', 'x:1', 'viewing', '2026-03-02T09:01:00.000Z'));
    expect(table.prune()).toBe(false);
    now = at('2026-03-02T09:02:00.000Z');
    expect(table.prune()).toBe(true);
    expect(notified).toBe(2);
    unsubscribe();
    table.apply(event('bob', 'x:1', 'viewing', '2026-03-02T09:03:00.000Z'));
    expect(notified).toBe(2);
  });
});
