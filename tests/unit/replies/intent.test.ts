import { describe, expect, it } from 'vitest';
import { detectIntents, intents, type Intent } from '@/lib/replies/intent';

const top = (text: string): Intent | undefined => detectIntents(text)[0]?.intent;
const has = (text: string, intent: Intent): boolean => detectIntents(text).some((entry) => entry.intent === intent);

describe('detectIntents', () => {
  it.each<[string, Intent]>([
    ['this is the worst service ever, absolutely unacceptable', 'complaint'],
    ['how much does the team plan cost?', 'price'],
    ['thank you so much!', 'thanks'],
    ['could we book a call next week to see a demo', 'meeting-request'],
    ['I want a refund, you charged me twice', 'refund'],
    ["my parcel hasn't arrived, where is my order", 'delivery'],
    ['please cancel my subscription', 'cancel'],
    ['the app keeps crashing on startup', 'not-working'],
    ['love this app, amazing work 😍', 'praise'],
    ["can't log in, password reset email never came", 'account'],
    ["we're interested in your product, can you tell me more", 'interest'],
    ['サポートの対応が最悪です', 'complaint'],
    ['料金はいくらですか', 'price'],
    ['本当にありがとうございました', 'thanks'],
    ['来週打ち合わせのお時間をいただけますか', 'meeting-request'],
    ['返金をお願いします', 'refund'],
    ['注文した商品が届かない', 'delivery'],
    ['サブスクを解約したい', 'cancel'],
    ['アプリが起動しないです', 'not-working'],
    ['最高のサービスです！大好き', 'praise'],
    ['ログインできない', 'account'],
    ['御社のサービスに興味があります', 'interest'],
  ])('finds the intent of %j', (text, intent) => {
    expect(has(text, intent)).toBe(true);
  });

  it('puts the strongest intent first, with confidences in (0, 1)', () => {
    const detected = detectIntents('Where is my refund?? I returned the item a month ago and nobody replies. Terrible.');
    expect(detected.map((entry) => entry.intent)).toEqual(expect.arrayContaining(['refund', 'complaint', 'question']));
    for (const { confidence } of detected) {
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThan(1);
    }
    const confidences = detected.map((entry) => entry.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(top('I want a refund')).toBe('refund');
  });

  it('grows more confident with more cues', () => {
    const one = detectIntents('disappointed').find((entry) => entry.intent === 'complaint')?.confidence ?? 0;
    const two = detectIntents('disappointed, worst service 😡').find((entry) => entry.intent === 'complaint')?.confidence ?? 0;
    expect(two).toBeGreaterThan(one);
  });

  it('does not read negated praise or polite formulas as praise or thanks', () => {
    expect(has('not great, honestly', 'praise')).toBe(false);
    expect(has('great service!', 'praise')).toBe(true);
    expect(has('Thanks in advance, how do I export my data?', 'thanks')).toBe(false);
    expect(has('Thanks for connecting!', 'thanks')).toBe(false);
    expect(has('I plan to order again next month', 'price')).toBe(false);
  });

  it('finds nothing in empty, blank or neutral text', () => {
    expect(detectIntents('')).toEqual([]);
    expect(detectIntents('   ')).toEqual([]);
    expect(detectIntents('ok')).toEqual([]);
  });

  it('knows every intent the brief lists', () => {
    expect(intents).toEqual(
      expect.arrayContaining(['complaint', 'question', 'price', 'thanks', 'meeting-request', 'refund', 'delivery', 'cancel', 'not-working', 'praise', 'account']),
    );
  });
});
