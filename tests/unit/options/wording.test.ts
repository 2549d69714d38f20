import { describe, expect, it } from 'vitest';
import { createCounter } from '@/lib/i18n/plural';
import { createTranslator } from '@/lib/i18n/translate';
import { missLabelKey } from '@/components/options/miss-labels';
import { policyName, targetsLine } from '@/components/options/policy-summary';
import { defaultSlaPolicies } from '@/lib/sla/default-policies';
import { facebookMisses } from '@/lib/sites/facebook/common';
import { instagramMisses } from '@/lib/sites/instagram/common';
import { linkedinMisses } from '@/lib/sites/linkedin/common';
import { xMisses } from '@/lib/sites/x/common';
import en from '@/locales/en.json';

describe('counts through Intl.PluralRules', () => {
  it('says "1 row" and "2 rows" in English, one form in Japanese, numbers formatted', () => {
    const n = createCounter('en');
    expect(n('importProblemsBefore', 1)).toBe('1 row cannot be imported');
    expect(n('importProblemsBefore', 2)).toBe('2 rows cannot be imported');
    expect(n('importProblemsBefore', 0)).toBe('0 rows cannot be imported');
    expect(n('syncPending', 1234)).toBe('1,234 changes waiting to sync');
    expect(n('importPreview', 1, '1')).toBe('First 1 of 1 row as it will be imported');
    expect(n('importPreview', 40, '20')).toBe('First 20 of 40 rows as they will be imported');
    expect(createCounter('ja')('importProblemsBefore', 1)).toBe('1 行は取り込めません');
  });

  it('no English message counts with a bare "$1 <plural noun>" left outside the plural forms', () => {
    const bare = Object.entries(en).filter(([key, text]) => !/_(one|other)$/.test(key) && /\$1 (more )?(rows|changes|items|conversations)\b/.test(text));
    // The background's notification (another helper's file) is the one known left.
    expect(bare.map(([key]) => key)).toEqual(['notifyMoreTitle']);
  });
});

describe('policy wording', () => {
  const t = createTranslator('en');
  const ja = createTranslator('ja');
  const [urgent, x] = defaultSlaPolicies('2026-01-01T00:00:00.000Z', () => crypto.randomUUID());

  it('names each target', () => {
    expect(targetsLine(urgent!, 'en', t)).toBe('First response: 30 min · Next response: 30 min · Resolution: 1 day');
    expect(targetsLine({ targets: { firstResponseMinutes: 90 } }, 'en', t)).toBe(
      'First response: 1 hr 30 min · Next response: no target · Resolution: no target',
    );
    expect(targetsLine(urgent!, 'ja', ja)).toMatch(/^初回応答: 30 分/);
  });

  it('translates the starter policies until renamed', () => {
    expect(policyName(urgent!, ja)).toBe('緊急: 30分');
    expect(policyName(x!, t)).toBe('X: 1 hour');
    expect(policyName({ name: 'VIP in Nordics' }, ja)).toBe('VIP in Nordics');
  });
});

describe('recognition misses in plain words', () => {
  it('every miss an adapter reports has words of its own', () => {
    const all = [linkedinMisses, facebookMisses, xMisses, instagramMisses].flatMap((map) => Object.values(map) as string[]);
    expect(all.filter((miss) => missLabelKey(miss) === 'miss_other')).toEqual([]);
    expect(createTranslator('en')(missLabelKey('inbox.author'))).toBe('Who a row of a list is from');
  });
});
