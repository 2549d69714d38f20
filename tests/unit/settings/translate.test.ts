import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import ja from '@/locales/ja.json';
import { createTranslator, resolveLanguage } from '@/lib/i18n/translate';

describe('translations', () => {
  it('have the same keys and placeholders in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [key, message] of Object.entries(en)) {
      const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort();
      expect(placeholders(ja[key as keyof typeof ja]), key).toEqual(placeholders(message));
      expect(ja[key as keyof typeof ja].trim(), key).not.toBe('');
    }
  });

  it('substitutes in order and leaves a missing substitution visible', () => {
    expect(createTranslator('en')('panelFirstSeen', '3 Mar 2026')).toBe('First seen 3 Mar 2026');
    expect(createTranslator('ja')('panelRemoveTag', 'VIP')).toBe('タグ VIP を削除');
    expect(createTranslator('en')('panelFirstSeen')).toBe('First seen $1');
  });

  it('follows the browser unless the user chose a language', () => {
    expect(resolveLanguage('auto', 'ja-JP')).toBe('ja');
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'ja')).toBe('en');
    expect(resolveLanguage('ja', 'en-US')).toBe('ja');
  });
});
