import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '@/lib/sites';
import { FIXTURE_URLS } from './fixtures';

describe('adapters', () => {
  it('has one adapter per site', () => {
    expect(adapters.map((adapter) => adapter.site).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'x']);
  });
});

describe('adapterFor', () => {
  it.each(Object.entries(FIXTURE_URLS))('finds the site of the saved page %s from its URL', (file, url) => {
    const site = file.split('/')[0];
    expect(adapterFor(url)?.site).toBe(site);
    expect(adapterFor(new URL(url))?.site).toBe(site);
  });

  it.each([
    'http://www.linkedin.com/feed/',
    'https://linkedin.com.evil.example/in/ada/',
    'https://notx.com/jason',
    'https://example.com/',
    'not a url',
    '',
    '/in/abgargulo/',
  ])('finds nothing for %j', (url) => {
    expect(adapterFor(url)).toBeUndefined();
  });
});
