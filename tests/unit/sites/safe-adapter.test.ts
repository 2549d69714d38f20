// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapters } from '@/lib/sites';

/** A document whose every query throws, as a hostile or half-torn-down page might. */
function brokenDocument(): Document {
  const doc = document.implementation.createHTMLDocument('broken');
  const fail = () => {
    throw new Error('DOM exploded');
  };
  Object.assign(doc, { querySelector: fail, querySelectorAll: fail, getElementById: fail, getElementsByTagName: fail });
  Object.defineProperty(doc, 'body', { get: fail });
  Object.defineProperty(doc, 'activeElement', { get: fail });
  return doc;
}

describe.each(adapters.map((adapter) => [adapter.site, adapter] as const))('%s adapter on a document that throws', (_site, adapter) => {
  it('reads without throwing and says why', () => {
    const url = new URL({ linkedin: 'https://www.linkedin.com/in/ada/', x: 'https://x.com/ada', facebook: 'https://www.facebook.com/ada/posts/1', instagram: 'https://www.instagram.com/ada/' }[adapter.site]);
    const context = adapter.read(brokenDocument(), url);
    expect(context.site).toBe(adapter.site);
    expect(context.misses.join(' ')).toMatch(/DOM exploded|read\.error/);
  });

  it('finds no composer without throwing', () => {
    expect(adapter.composer(brokenDocument())).toBeNull();
  });
});
