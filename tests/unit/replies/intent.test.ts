import { describe, expect, it } from 'vitest';
import { detectIntents, intents, isSpam, type Intent } from '@/lib/replies/intent';
import { createReplyRanker } from '@/lib/replies/rank';
import { starterCandidates } from '@/lib/replies/starter-set';

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

describe('spam', () => {
  it.each([
    'Hey guys check out my new channel and please subscribe!!!',
    'Get free gift cards and pay pal money!',
    'You have been specially selected for a vacation package. To be removed from our list, see below.',
    'ご本人様不在の為お荷物を持ち帰りました。下記よりご確認ください。',
    'http://example.biz/win FREE PRIZE!!!',
  ])('recognises %j as spam', (text) => {
    expect(isSpam(detectIntents(text))).toBe(true);
  });

  it.each([
    'My order never arrived and I want a refund',
    '@AmazonHelp https://t.co/AbCdEf123',
    'Can you check my account? I was charged twice',
    'I think this is now a place where people promote channels lol',
    '荷物が届きません。確認してください。',
  ])('does not take the customer message %j for spam', (text) => {
    expect(isSpam(detectIntents(text))).toBe(false);
  });

  it('gives spam no sales or support candidate', () => {
    const ranker = createReplyRanker(starterCandidates());
    expect(ranker.rank('Get free gift cards and pay pal money! Check out my channel and subscribe')).toEqual([]);
    const withSpamNote = createReplyRanker([...starterCandidates(), { id: 'hide', kind: 'template', title: 'Hidden as spam', body: 'Hidden.', tags: ['spam'] }]);
    expect(withSpamNote.rank('Get free gift cards and pay pal money!').map((entry) => entry.id)).toEqual(['hide']);
  });
});

describe('sarcasm', () => {
  it('reads praise beside a complaint as the complaint', () => {
    expect(top("Five days delayed and you're still saying you will get in touch. Wonderful.")).not.toBe('praise');
    expect(top('i love it when your support team transfers me four times to a dead line, really great service')).toBe('complaint');
    expect(top('love this app, amazing work 😍')).toBe('praise');
  });
});
