import { describe, expect, it } from 'vitest';
import { slaPolicySchema } from '@/lib/model';
import { defaultSlaPolicies } from '@/lib/sla/default-policies';
import { evaluateSla } from '@/lib/sla/evaluate';
import { matchPolicy } from '@/lib/sla/match-policy';

const now = '2026-03-02T10:00:00.000Z';
let count = 0;
const makeId = () => `00000000-0000-4000-8000-${String(++count).padStart(12, '0')}`;

describe('defaultSlaPolicies', () => {
  const policies = defaultSlaPolicies(now, makeId);

  it('are valid records, enabled, around the clock, warning at 75%, acknowledgements not counting', () => {
    for (const candidate of policies) {
      expect(slaPolicySchema.parse(candidate)).toEqual(candidate);
      expect(candidate).toMatchObject({
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        enabled: true,
        warnAtPercent: 75,
        businessHours: null,
        pauseOutsideBusinessHours: false,
        autoAckSatisfiesFirstResponse: false,
      });
    }
    expect(new Set(policies.map((candidate) => candidate.id)).size).toBe(policies.length);
  });

  it('give urgent anything 30 minutes, X an hour, everything else 24 hours', () => {
    const firstResponse = (site: 'x' | 'linkedin' | 'facebook' | 'instagram', priority: 'normal' | 'urgent' | 'low') =>
      matchPolicy(policies, { site, priority, tags: [] })?.targets.firstResponseMinutes;
    expect(firstResponse('linkedin', 'urgent')).toBe(30);
    expect(firstResponse('x', 'urgent')).toBe(30);
    expect(firstResponse('x', 'normal')).toBe(60);
    expect(firstResponse('facebook', 'normal')).toBe(24 * 60);
    expect(firstResponse('instagram', 'low')).toBe(24 * 60);
    const onX = matchPolicy(policies, { site: 'x', priority: 'normal', tags: [] });
    expect(onX?.targets).toEqual({ firstResponseMinutes: 60, nextResponseMinutes: 60, resolutionMinutes: 24 * 60 });
    const elsewhere = matchPolicy(policies, { site: 'linkedin', priority: 'normal', tags: [] });
    expect(elsewhere?.targets).toEqual({ firstResponseMinutes: 1440, nextResponseMinutes: 1440, resolutionMinutes: 3 * 1440 });
  });

  it('put an X mention an hour from now on the clock', () => {
    const onX = matchPolicy(policies, { site: 'x', priority: 'high', tags: [] });
    expect(evaluateSla(onX, [{ type: 'inbound', at: now }], now).dueAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('are fresh objects each time (editing one install does not edit the next)', () => {
    const again = defaultSlaPolicies(now, makeId);
    again[0]!.match.priorities.push('high');
    expect(defaultSlaPolicies(now, makeId)[0]!.match.priorities).toEqual(['urgent']);
  });
});
