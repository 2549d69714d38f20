import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle, ReplyTemplate } from '@/lib/model';
import { compactText, gateReply, sensitiveValuesOf } from '@/lib/replies/public-safety';
import { findSensitive } from '@/lib/replies/sensitive';
import { createSuggester } from '@/lib/replies/suggest';

const now = '2025-06-01T09:00:00.000Z';
const base = { createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };

describe('the public safety gate', () => {
  const complaint = 'My order #A-10428841 never arrived, write to nora.customer@example.com or call +1 415 555 0182';
  const values = sensitiveValuesOf([complaint]);

  it('knows the values the customer wrote', () => {
    expect(values.map((value) => value.kind).sort()).toEqual(['email', 'order', 'phone']);
  });

  it('refuses public text repeating them, however spaced or punctuated', () => {
    for (const text of [
      'Hi Nora, I checked order A-10428841 for you.',
      'Hi Nora, about a10428841: it is on its way.',
      'Your parcel 104 288 41 is on its way.',
      'We wrote to NORA.CUSTOMER@EXAMPLE.COM.',
      'We will call 415-555-0182 today.',
    ]) {
      expect(gateReply(text, 'public', values).allowed, text).toBe(false);
      expect(gateReply(text, 'private', values).allowed, text).toBe(true);
    }
    expect(gateReply('Sorry Nora, let us sort your order out in a DM.', 'public', values)).toEqual({ allowed: true, reasons: [] });
  });

  it('refuses public text holding personal data of its own', () => {
    expect(gateReply('Write to me at ken.agent@example.org', 'public', []).reasons).toEqual([{ code: 'own-value', kind: 'email' }]);
    expect(gateReply('Thanks, we are on it!', 'public', []).allowed).toBe(true);
  });

  it('does not take sentiment for personal data', () => {
    expect(sensitiveValuesOf(['This is a scam, absolutely furious'])).toEqual([]);
  });
});

/** The customer's value as a reader would spot it: its digits (five or more) or the address itself. */
function spotted(text: string, value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const flat = text.normalize('NFKC').toLowerCase();
  if (digits.length >= 5 && flat.replace(/\D/g, '').includes(digits)) return true;
  return value.includes('@') && flat.includes(value.toLowerCase());
}

const digitRun = (min: number, max: number) => fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const word = fc.constantFrom('sorry', 'thanks', 'order', 'parcel', 'we', 'will', 'check', 'today', 'your', 'card', 'refund', 'here', 'it', 'is');

const sensitiveCase = fc.oneof(
  fc.record({ letter: fc.constantFrom('A', 'B', 'ZX'), digits: digitRun(6, 10) }).map(({ letter, digits }) => ({
    value: `#${letter}-${digits}`,
    text: `My order #${letter}-${digits} never arrived and nobody answers.`,
  })),
  fc.record({ user: fc.constantFrom('nora', 'j.doe', 'kim_77'), host: fc.constantFrom('example.com', 'mail.example.org') }).map(({ user, host }) => ({
    value: `${user}@${host}`,
    text: `Please write to ${user}@${host} about my refund`,
  })),
  digitRun(4, 4).map((last) => ({ value: `+1 415 555 ${last}`, text: `Call me on +1 415 555 ${last} please, my parcel is lost` })),
  digitRun(7, 9).map((digits) => ({ value: digits, text: `ご注文番号${digits}の商品がまだ届きません。` })),
);

/** A body made of words, variables whose values are the customer's data, and the value written out. */
const body = (value: string) =>
  fc
    .array(fc.oneof(word, fc.constantFrom('{{order}}', 'order {{order}}', '{{email}}', '{{ref}}', '{{first_name}}', value, `(${value})`)), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join(' '));

describe('property: nothing the customer wrote that findSensitive flags reaches a public reply box', () => {
  it('holds for any customer text with a sensitive value and any set of templates, articles and past replies', () => {
    fc.assert(
      fc.property(
        sensitiveCase.chain((sample) =>
          fc.record({
            sample: fc.constant(sample),
            bodies: fc.array(body(sample.value), { minLength: 1, maxLength: 6 }),
            articleTexts: fc.array(body(sample.value), { maxLength: 3 }),
            pastTexts: fc.array(body(sample.value), { maxLength: 3 }),
            lang: fc.constantFrom('en' as const, 'ja' as const),
          }),
        ),
        ({ sample, bodies, articleTexts, pastTexts, lang }) => {
          fc.pre(findSensitive(sample.text).some((finding) => finding.kind !== 'negative'));
          const templates: ReplyTemplate[] = bodies.map((text, index) => ({
            ...base,
            id: crypto.randomUUID(),
            title: `Template ${index}`,
            body: text,
            lang,
            tags: ['refund', 'delivery', 'order'],
            shortcut: null,
          }));
          const articles: KnowledgeArticle[] = articleTexts.map((text, index) => ({
            ...base,
            id: crypto.randomUUID(),
            title: `Article ${index}`,
            body: text,
            customerText: text,
            url: null,
            tags: ['refund'],
            lang,
          }));
          const pastReplies = pastTexts.map((text, index) => ({ id: `p${index}`, text }));
          const suggestions = createSuggester({ templates, articles, pastReplies }).suggest({
            message: sample.text,
            person: { name: 'Nora Customer' },
            site: 'x',
            lang,
            limit: 20,
            values: { order: sample.value, email: sample.value, ref: sample.value },
            customerTexts: [sample.text],
          });
          for (const suggestion of suggestions) {
            if (suggestion.channel === 'public' && suggestion.insertable) expect(spotted(suggestion.text, sample.value), suggestion.text).toBe(false);
          }
          // And the insert path's own check refuses any public text with the value in it.
          const values = sensitiveValuesOf([sample.text]);
          for (const text of bodies) {
            if (spotted(text, sample.value)) expect(gateReply(text, 'public', values).allowed, text).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compacts text the way the gate compares it', () => {
    expect(compactText('#A-1042 8841')).toBe('a10428841');
    expect(compactText('ＡＢ－１２３４５')).toBe('ab12345');
  });
});

describe('the gate reads personal data without the sentiment detector', () => {
  it('finds exactly what findSensitive finds, less sentiment, on every labelled real message', async () => {
    const { readFileSync } = await import('node:fs');
    const { findPersonalData } = await import('@/lib/replies/sensitive');
    const texts: string[] = [];
    for (const part of ['dev', 'held-aside']) {
      const parsed = JSON.parse(readFileSync(`tests/fixtures/replies/eval/${part}.json`, 'utf8')) as { messages: Array<{ text: string }> };
      texts.push(...parsed.messages.map((message) => message.text));
    }
    texts.push('My password is Hunter2! 〒100-0001 東京都千代田区千代田1-1, account number 12345678, WHERE IS MY ORDER?! scam');
    for (const text of texts) {
      expect(findPersonalData(text), text).toEqual(findSensitive(text).filter((finding) => finding.kind !== 'negative'));
    }
  });
});
