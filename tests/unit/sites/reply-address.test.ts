import { describe, expect, it } from 'vitest';
import { afterSiteMention, calledBy, greetingByName } from '@/lib/sites/shared/reply-address';

describe('a reply that follows the site’s own mention of the commenter', () => {
  it('drops an opening that greets the same person, so the mention is the greeting', () => {
    expect(afterSiteMention('Hi Phil, sorry about this.', 'Phil B.')).toBe('Sorry about this.');
    expect(afterSiteMention('Phil, I’m really sorry.', 'Phil B.')).toBe('I’m really sorry.');
    expect(afterSiteMention('Hello Zoë! Thanks for this.', 'Zoë Martin')).toBe('Thanks for this.');
    expect(afterSiteMention('山田さん、ご連絡ありがとうございます。', '山田 太郎')).toBe('ご連絡ありがとうございます。');
  });

  it('keeps a text that does not open by greeting them, or greets someone else', () => {
    expect(afterSiteMention('Orders ship within 2 days.', 'Ragavan M.')).toBe('Orders ship within 2 days.');
    expect(afterSiteMention('Hi Philippa, thanks.', 'Phil B.')).toBe('Hi Philippa, thanks.');
  });
});

describe('a reply written into a box without a mention', () => {
  it('greets the person by the name they are called by, never a bare name before the first sentence', () => {
    expect(greetingByName('Orders ship within 2 days.', 'Ragavan M.')).toBe('Hi Ragavan! Orders ship within 2 days.');
    expect(greetingByName('ご連絡ありがとうございます。', '山田 太郎')).toBe('山田さん、ご連絡ありがとうございます。');
    expect(greetingByName('ご連絡ありがとうございます。', 'Jane Doe')).toBe('Janeさん、ご連絡ありがとうございます。');
    // No English greeting word in front of another language: the name leads, as the site's mention would.
    expect(greetingByName('Grazie mille!', 'Gianluca Gilardi')).toBe('Gianluca Gilardi Grazie mille!');
  });

  it('adds nothing when the text already greets or names them', () => {
    expect(greetingByName('Hi Tracey, thanks for this.', 'Tracey Fleming-Reese')).toBe('Hi Tracey, thanks for this.');
    expect(greetingByName('Thanks, Tracey!', 'Tracey Fleming-Reese')).toBe('Thanks, Tracey!');
    expect(greetingByName('Thanks!', '')).toBe('Thanks!');
  });

  it('calls a person by the first word of their name', () => {
    expect(calledBy('  Gianluca   Gilardi ')).toBe('Gianluca');
    expect(calledBy('')).toBe('');
    // The same name the templates' {{first_name}} greets, so their greeting is recognised.
    expect(calledBy('Dr. Jane Doe')).toBe('Jane');
    expect(afterSiteMention('Hi Jane, thanks for this.', 'Dr. Jane Doe')).toBe('Thanks for this.');
  });
});
