import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Chromium refuses to load an extension whose _locales hold a message name outside [A-Za-z0-9_@]
 * (the service worker then never starts): every key must pass before a build reaches a browser.
 */
describe.each(['en', 'ja'])('locales/%s.json', (lang) => {
  const messages = JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')) as Record<string, unknown>;

  it('has only message names Chromium accepts', () => {
    expect(Object.keys(messages).filter((key) => !/^[A-Za-z0-9_@]+$/.test(key))).toEqual([]);
  });
});
