import fc from 'fast-check';
import { safeParse } from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { pageRequests } from '@/lib/messaging/page-protocol';
import { cleanPageStrings, cleanPageText } from '@/lib/model/clean-text';
import { storableIssue } from '@/lib/sync/storable-json';

describe('cleanPageText', () => {
  it('removes NUL and replaces lone surrogates with U+FFFD', () => {
    expect(cleanPageText('a\u0000b')).toBe('ab');
    expect(cleanPageText('\u0000\u0000')).toBe('');
    expect(cleanPageText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanPageText('x\udc00y')).toBe('x\ufffdy');
    expect(cleanPageText('\udc00\ud800')).toBe('\ufffd\ufffd'); // a low before a high pairs with nothing
    expect(cleanPageText('end\ud83d')).toBe('end\ufffd');
  });

  it('keeps paired surrogates (emoji), Japanese and other control characters as they are', () => {
    for (const text of ['👍🏽 thanks', 'ありがとうございます', 'tab\tnew\nline', '\ud83d\ude00', '']) {
      expect(cleanPageText(text)).toBe(text);
    }
  });

  it('always gives storable text, and changes nothing already storable (fast-check)', () => {
    // UTF-16 code units, so lone surrogates and NUL come up often.
    const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 });
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = cleanPageText(text);
        expect(storableIssue(clean)).toBeUndefined();
        expect(cleanPageText(clean)).toBe(clean);
        if (storableIssue(text) === undefined) expect(clean).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('cleans every string and key of a nested value', () => {
    expect(cleanPageStrings({ 'k\u0000': ['a\ud800', { b: 'c\u0000' }], n: 1, t: true, z: null })).toEqual({ k: ['a\ufffd', { b: 'c' }], n: 1, t: true, z: null });
  });
});

describe('the page.context request: where page text enters the background', () => {
  it('hands the background a page context whose text is clean', () => {
    const person = { handle: 'kim\u0000', profileUrl: 'https://www.linkedin.com/in/kim/', displayName: 'Kim \ud800Lee' };
    const parsed = safeParse(pageRequests['page.context'].request, {
      url: 'https://www.linkedin.com/messaging/thread/1/',
      context: {
        site: 'linkedin',
        kind: 'conversation',
        person,
        conversation: {
          threadKey: 'thread\u0000-1',
          participants: [person],
          messages: [{ author: person, direction: 'in', text: 'Hello\u0000 there \udfff!', at: '2026-03-02T09:00:00.000Z' }],
        },
        misses: [],
      },
    });
    expect(parsed.success).toBe(true);
    const context = parsed.data!.context;
    expect(context.person).toEqual({ handle: 'kim', profileUrl: 'https://www.linkedin.com/in/kim/', displayName: 'Kim \ufffdLee' });
    expect(context.conversation?.threadKey).toBe('thread-1');
    expect(context.conversation?.messages[0]?.text).toBe('Hello there \ufffd!');
    expect(storableIssue(context)).toBeUndefined();
  });
});
