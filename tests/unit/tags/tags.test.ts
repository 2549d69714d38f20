import { describe, expect, it } from 'vitest';
import { hasTag, suggestTags, tagKey, uniqueTags } from '@/lib/tags/tags';
import { parseTags } from '@/components/options/tags';

describe('tags without case', () => {
  it('"nordics" and "Nordics" are one tag: the first spelling stays', () => {
    expect(uniqueTags(['Nordics', 'nordics', ' NORDICS ', 'saas'])).toEqual(['Nordics', 'saas']);
    expect(uniqueTags(['nordics'], ['Nordics'])).toEqual(['Nordics']);
    expect(uniqueTags(['', '  '])).toEqual([]);
  });

  it('compares full-width and composed forms as typed on Japanese keyboards', () => {
    expect(tagKey('ＶＩＰ')).toBe(tagKey('vip'));
    expect(hasTag(['VIP'], 'ｖｉｐ')).toBe(true);
    expect(hasTag(['VIP'], 'vip customer')).toBe(false);
  });

  it('suggests known tags not on the contact yet, those starting with what is typed first', () => {
    const known = ['Nordics', 'SaaS', 'enterprise', 'nordics', 'Renewal'];
    expect(suggestTags(known, 'n', ['saas'])).toEqual(['Nordics', 'enterprise', 'Renewal']);
    expect(suggestTags(known, 'NOR', [])).toEqual(['Nordics']);
    expect(suggestTags(known, '', ['Nordics', 'SaaS'])).toEqual(['enterprise', 'Renewal']);
    expect(suggestTags(known, 'x', [])).toEqual([]);
  });

  it('the options page fields read tags the same way', () => {
    expect(parseTags('Billing, billing、 Refund ,')).toEqual(['Billing', 'Refund']);
  });
});
