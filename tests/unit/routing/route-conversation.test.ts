import { describe, expect, it } from 'vitest';
import { ME_AGENT, routingRuleSchema, type ConversationEvent, type RoutingRule } from '@/lib/model';
import { escalationOf } from '@/lib/routing/escalation-priority';
import { ruleMatches } from '@/lib/routing/match-rule';
import { higherPriority, priorityRank } from '@/lib/routing/priority-rank';
import { prioritySetByHand } from '@/lib/routing/priority-source';
import { routeConversation } from '@/lib/routing/route-conversation';
import { routingPatch } from '@/lib/routing/routing-patch';

const AT = '2026-03-02T09:00:00.000Z';

function rule(id: string, patch: { sites?: RoutingRule['when']['sites']; tags?: string[]; keywords?: string[] }, then: Partial<RoutingRule['then']>): RoutingRule {
  return {
    id,
    enabled: true,
    when: { sites: patch.sites ?? [], tags: patch.tags ?? [], keywords: patch.keywords ?? [] },
    then: { priority: then.priority ?? null, assignTo: then.assignTo ?? null },
  };
}

const normal = { priority: 'normal' as const, ownerId: null, events: [] as ConversationEvent[] };
const handLow = { priority: 'low' as const, ownerId: null, events: [{ type: 'prioritized', at: AT, detail: 'hand' }] satisfies ConversationEvent[] };
const subject = (newTexts: string[], patch: { site?: 'x' | 'linkedin'; tags?: string[] } = {}) => ({ site: patch.site ?? 'x', tags: patch.tags ?? [], newTexts });
const context = (rules: RoutingRule[] = [], meAgentId: string | null = null) => ({ rules, meAgentId });

describe('priority order', () => {
  it('ranks low < normal < high < urgent and picks the higher', () => {
    expect(['urgent', 'low', 'high', 'normal'].map((p) => priorityRank(p as never))).toEqual([3, 0, 2, 1]);
    expect(higherPriority('high', 'urgent')).toBe('urgent');
    expect(higherPriority('high', 'low')).toBe('high');
  });
});

describe('escalation intents', () => {
  it.each([
    ['I will contact my lawyer about this', 'urgent', 'legal-threat'],
    ['弁護士に相談します', 'urgent', 'legal-threat'],
    ['The charger caught fire and burned my hand', 'urgent', 'safety'],
    ['Please cancel my subscription today', 'high', 'cancel'],
    ['I am going to tell the press about this', 'high', 'press'],
  ])('raises %j to %s (%s)', (text, priority, intent) => {
    expect(escalationOf([text])).toEqual({ priority, intent });
  });

  it('leaves a plain question alone and takes the highest over several messages', () => {
    expect(escalationOf(['When does the shop open?'])).toBeNull();
    expect(escalationOf(['Please cancel my order', 'Otherwise I will sue you'])).toEqual({ priority: 'urgent', intent: 'legal-threat' });
  });
});

describe('rules', () => {
  it('matches on every non-empty condition: site, tag ignoring case, keyword ignoring case and width', () => {
    const vip = rule('vip', { sites: ['x'], tags: ['VIP'], keywords: ['refund'] }, { priority: 'high' });
    expect(ruleMatches(vip, subject(['I want a ＲＥＦＵＮＤ'], { tags: ['vip'] }))).toBe(true);
    expect(ruleMatches(vip, subject(['I want a refund'], { tags: ['nordics'] }))).toBe(false);
    expect(ruleMatches(vip, subject(['I want a refund'], { site: 'linkedin', tags: ['vip'] }))).toBe(false);
    expect(ruleMatches(vip, subject(['Hello'], { tags: ['vip'] }))).toBe(false);
    expect(ruleMatches({ ...vip, enabled: false }, subject(['refund'], { tags: ['vip'] }))).toBe(false);
  });

  it('refuses a rule that does nothing', () => {
    expect(routingRuleSchema.safeParse(rule('none', {}, {})).success).toBe(false);
    expect(routingRuleSchema.safeParse(rule('some', {}, { priority: 'high' })).success).toBe(true);
  });
});

describe('routeConversation', () => {
  it('raises to the highest of the intents and the matching rules', () => {
    const decision = routeConversation(normal, subject(['Please cancel my plan']), context([rule('x-high', { sites: ['x'] }, { priority: 'high' })]));
    expect(decision.priority?.value).toBe('high');
    expect(routeConversation(normal, subject(['I will sue']), context()).priority).toEqual({ value: 'urgent', source: { kind: 'intent', intent: 'legal-threat' } });
  });

  it('never lowers a priority', () => {
    const urgent = { ...normal, priority: 'urgent' as const };
    expect(routeConversation(urgent, subject(['Please cancel']), context([rule('low', {}, { priority: 'low' })])).priority).toBeNull();
  });

  it('keeps a priority chosen by hand against site and tag rules, but an escalation in the new message raises it', () => {
    expect(prioritySetByHand(handLow.events)).toBe(true);
    const siteRule = rule('x-high', { sites: ['x'] }, { priority: 'high' });
    expect(routeConversation(handLow, subject(['hello again']), context([siteRule])).priority).toBeNull();
    expect(routeConversation(handLow, subject(['I will call my lawyer']), context([siteRule])).priority?.value).toBe('urgent');
    expect(routeConversation(handLow, subject(['refund now']), context([rule('kw', { keywords: ['refund'] }, { priority: 'high' })])).priority?.value).toBe('high');
  });

  it('an automatic priority does not count as chosen by hand', () => {
    const patch = routingPatch(normal, { priority: { value: 'high', source: { kind: 'rule', ruleId: 'r' } }, ownerId: null }, AT);
    expect(patch?.priority).toBe('high');
    expect(prioritySetByHand(patch?.events ?? [])).toBe(false);
    expect(routingPatch(normal, { priority: null, ownerId: null }, AT)).toBeNull();
  });

  it('assigns an unowned conversation by the first rule with an owner; "me" is the team agent, nobody without one', () => {
    const rules = [rule('li', { sites: ['linkedin'] }, { assignTo: 'agent-ann' }), rule('mine', { tags: ['vip'] }, { assignTo: ME_AGENT }), rule('x', { sites: ['x'] }, { assignTo: 'agent-bo' })];
    expect(routeConversation(normal, subject(['hi'], { tags: ['vip'] }), context(rules, 'agent-me')).ownerId).toBe('agent-me');
    expect(routeConversation(normal, subject(['hi'], { tags: ['vip'] }), context(rules, null)).ownerId).toBeNull();
    expect(routeConversation(normal, subject(['hi']), context(rules)).ownerId).toBe('agent-bo');
    expect(routeConversation({ ...normal, ownerId: 'agent-cy' }, subject(['hi']), context(rules)).ownerId).toBeNull();
    const patch = routingPatch(normal, { priority: null, ownerId: 'agent-bo' }, AT);
    expect(patch).toMatchObject({ ownerId: 'agent-bo', events: [{ type: 'assigned', detail: 'agent-bo', by: 'routing' }] });
  });
});
