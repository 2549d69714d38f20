import { describe, expect, it } from 'vitest';
import { MASK, maskSensitive } from '@/components/popup/mask';

describe('previews in the popup', () => {
  it('hide e-mail addresses, phone numbers, card and order numbers; keep the rest as written', () => {
    expect(maskSensitive('Mail me at ana.lopez@example.com please')).toBe(`Mail me at ${MASK} please`);
    expect(maskSensitive('My card 4111 1111 1111 1111 was charged twice')).toBe(`My card ${MASK} was charged twice`);
    const phone = maskSensitive('Call +44 20 7946 0958 after 5');
    expect(phone).not.toMatch(/7946/);
    expect(phone).toContain(MASK);
    expect(maskSensitive('Thanks for the quick help!')).toBe('Thanks for the quick help!');
  });

  it('leaves angry words: they are not data', () => {
    const text = 'This is ridiculous, worst service ever';
    expect(maskSensitive(text)).toBe(text);
  });
});
