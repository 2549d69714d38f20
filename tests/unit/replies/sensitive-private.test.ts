import { describe, expect, it } from 'vitest';
import { findSensitive, redact, shouldSuggestPrivate } from '@/lib/replies/sensitive';

describe('shouldSuggestPrivate', () => {
  it('suggests going private for personal data and account talk, naming each reason once', () => {
    const findings = findSensitive('order #48213 never came, call me on 090-1234-5678 or 090-9999-8888');
    expect(shouldSuggestPrivate(findings)).toEqual({ suggest: true, reasons: ['phone', 'order'] });
  });

  it('suggests it for strong anger alone, and not for a mild complaint', () => {
    expect(shouldSuggestPrivate(findSensitive('This is a scam and I am furious'))).toEqual({ suggest: true, reasons: ['negative'] });
    expect(shouldSuggestPrivate(findSensitive('A bit disappointed, the colour is off'))).toEqual({ suggest: false, reasons: [] });
  });

  it('lists the reasons in a fixed order whatever order the findings come in', () => {
    const reasons = shouldSuggestPrivate([
      { kind: 'negative', start: 0, end: 1 },
      { kind: 'account', start: 2, end: 3 },
      { kind: 'email', start: 4, end: 5 },
    ]).reasons;
    expect(reasons).toEqual(['email', 'account', 'negative']);
  });
});

describe('redact', () => {
  it('masks personal data and keeps the sentiment, so the quote still reads as it was meant', () => {
    const text = 'Worst service. Order #48213, email jane@example.com, my password is Hunter2!';
    expect(redact(text, findSensitive(text))).toBe('Worst service. Order [order number], email [email], [account details]');
  });

  it('masks in Japanese and can mask the sentiment too', () => {
    const text = '最悪。注文番号 12345678 の件、090-1234-5678 まで';
    expect(redact(text, findSensitive(text), { lang: 'ja', keep: [] })).toBe('［…］。注文番号 ［注文番号］ の件、［電話番号］ まで');
  });

  it('never leaks the original when findings are unsorted, overlapping or out of range', () => {
    const text = 'card 4111 1111 1111 1111 ok';
    const redacted = redact(text, [
      { kind: 'phone', start: 10, end: 24 },
      { kind: 'card', start: 5, end: 24 },
      { kind: 'email', start: 40, end: 50 },
    ]);
    expect(redacted).toBe('card [card number] ok');
    expect(redacted).not.toMatch(/\d/);
  });

  it('leaves a text with no findings as it is', () => {
    expect(redact('thanks, all good', [])).toBe('thanks, all good');
  });
});
