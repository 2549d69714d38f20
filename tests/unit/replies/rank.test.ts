import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReplyRanker, DEFAULT_RANK_LIMIT, type RankCandidate } from '@/lib/replies/rank';
import { stemEnglish, tokenize } from '@/lib/replies/tokenize';

const candidate = (id: string, fields: Partial<RankCandidate> = {}): RankCandidate => ({
  id,
  kind: 'template',
  title: fields.title ?? id,
  body: fields.body ?? '',
  ...fields,
});

const library: RankCandidate[] = [
  candidate('refund', { title: 'Your refund', body: 'I have started the refund; the money is back on your card in 5 days.', tags: ['refund'], lang: 'en' }),
  candidate('delivery', { title: 'Where your order is', body: 'Your parcel left the warehouse, here is the tracking link.', tags: ['delivery'], lang: 'en' }),
  candidate('password', { title: 'Resetting your password', body: 'Use the forgot password link on the sign-in page.', tags: ['account'], lang: 'en' }),
  candidate('apology', { title: 'Sorry we let you down', body: 'I am sorry, that is not the experience we want you to have.', tags: ['complaint'], lang: 'en' }),
  candidate('ack', { title: 'Thanks for getting in touch', body: 'I will look into it and come back to you.', tags: ['generic'], lang: 'en' }),
  candidate('ja-refund', { title: '返金のお手続き', body: 'ご注文の返金手続きを行いました。5営業日ほどで反映されます。', tags: ['refund'], lang: 'ja' }),
  candidate('ja-login', { title: 'ログインできない場合', body: 'パスワード再設定のメールをお送りします。', tags: ['account'], lang: 'ja' }),
  candidate('ja-ack', { title: 'お問い合わせありがとうございます', body: '確認してお返事いたします。', tags: ['generic'], lang: 'ja' }),
];

describe('createReplyRanker', () => {
  const ranker = createReplyRanker(library);

  it('returns the most relevant candidate first, scores descending, at most the limit', () => {
    const results = ranker.rank('I was charged but never got my refund, I want my money back', { limit: 3 });
    expect(results[0]?.id).toBe('refund');
    expect(results.length).toBeLessThanOrEqual(3);
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ranker.rank('refund please', { limit: 1 })).toHaveLength(1);
    expect(ranker.rank('refund please order password sorry thanks').length).toBeLessThanOrEqual(DEFAULT_RANK_LIMIT);
  });

  it('matches word forms through stemming and typos through fuzzy search', () => {
    expect(ranker.rank('has it been refunded yet?')[0]?.id).toBe('refund');
    expect(ranker.rank('i forgot my pasword')[0]?.id).toBe('password');
  });

  it('matches Japanese through segmented words and character bigrams', () => {
    expect(ranker.rank('返金してください')[0]?.id).toBe('ja-refund');
    // 「再設定」 sits inside 「パスワード再設定のメール」 in the candidate; bigrams meet whatever the segmentation.
    const bigramOnly = createReplyRanker([
      candidate('reset', { title: '案内', body: 'パスワード再設定のメールをお送りします。', lang: 'ja' }),
      candidate('other', { title: '案内', body: '設備の点検について', lang: 'ja' }),
    ]);
    expect(bigramOnly.rank('再設定したい')[0]?.id).toBe('reset');
  });

  it('boosts candidates that serve the detected intent', () => {
    const twins = createReplyRanker([
      candidate('plain', { title: 'About your order', body: 'We looked at your order.', lang: 'en' }),
      candidate('refund-tagged', { title: 'About your order', body: 'We looked at your order.', tags: ['refund'], lang: 'en' }),
    ]);
    // "money back" shares no word with the tag, so only the detected refund intent tells the twins apart.
    expect(twins.rank('I want my money back for this order')[0]?.id).toBe('refund-tagged');
    // With no words in common, the intent alone still finds the complaint reply.
    expect(ranker.rank('😡😡😡 unacceptable!!')[0]?.id).toBe('apology');
  });

  it("boosts candidates for the contact's stage and demotes those for other stages", () => {
    const staged = createReplyRanker([
      candidate('for-leads', { title: 'Pricing', body: 'Our plans and prices.', tags: ['price', 'stage:lead'], lang: 'en' }),
      candidate('for-customers', { title: 'Pricing', body: 'Our plans and prices.', tags: ['price', 'customer'], lang: 'en' }),
    ]);
    expect(staged.rank('what are your prices?', { stage: 'lead' })[0]?.id).toBe('for-leads');
    expect(staged.rank('what are your prices?', { stage: 'customer' })[0]?.id).toBe('for-customers');
  });

  it('ranks candidates in another language below those in the message language', () => {
    const refundBoth = ranker.rank('refund 返金', { lang: 'ja', limit: 8 });
    const firstEnglish = refundBoth.findIndex((result) => !result.id.startsWith('ja-'));
    const lastJapanese = refundBoth.map((result) => result.id.startsWith('ja-')).lastIndexOf(true);
    expect(refundBoth[0]?.id).toBe('ja-refund');
    expect(lastJapanese).toBeLessThan(firstEnglish === -1 ? Infinity : firstEnglish);
    // A strong English text match still ranks below a Japanese reply that only serves the intent.
    expect(ranker.rank('I need a refund for my order, the refund has not arrived', { lang: 'ja' })[0]?.id).toBe('ja-refund');
    // Without options.lang, the message's own script decides.
    expect(ranker.rank('返金をお願いします')[0]?.id).toBe('ja-refund');
    expect(ranker.rank('refund please')[0]?.id).toBe('refund');
  });

  it('answers an empty or blank message with the generic candidates in the language asked for', () => {
    expect(ranker.rank('', { lang: 'en' }).map((result) => result.id)).toEqual(['ack']);
    expect(ranker.rank('   \n\t', { lang: 'ja' }).map((result) => result.id)).toEqual(['ja-ack']);
    const noGeneric = createReplyRanker([candidate('refund', { tags: ['refund'], lang: 'en' })]);
    expect(noGeneric.rank('')).toEqual([]);
    const staged = createReplyRanker([
      candidate('opener', { tags: ['stage:lead'], lang: 'en' }),
      candidate('check-in', { tags: ['stage:customer'], lang: 'en' }),
    ]);
    expect(staged.rank('', { stage: 'lead' }).map((result) => result.id)).toEqual(['opener']);
  });

  it('never throws, whatever the message', () => {
    const hostile = [
      '🙂🙃😡🤬👍🏽👨‍👩‍👧‍👦',
      'x'.repeat(10_000),
      'refund order password sorry '.repeat(400),
      '!!!???...,,,;;;---',
      '\u0000\u200b\ufeff',
      '𠮷野家',
      '{{first_name}}',
    ];
    for (const message of hostile) {
      expect(() => ranker.rank(message)).not.toThrow();
    }
    expect(ranker.rank('refund', { limit: Number.NaN }).length).toBeLessThanOrEqual(DEFAULT_RANK_LIMIT);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: -3, max: 20 }), (message, limit) => {
        const results = ranker.rank(message, { limit });
        expect(results.length).toBeLessThanOrEqual(Math.max(0, limit));
        for (const { score } of results) expect(score).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the first of two candidates with the same id instead of failing', () => {
    const twice = createReplyRanker([
      candidate('same', { title: 'Refund', tags: ['refund'], lang: 'en' }),
      candidate('same', { title: 'Shipping', tags: ['delivery'], lang: 'en' }),
    ]);
    expect(twice.rank('refund').map((result) => result.id)).toEqual(['same']);
    expect(twice.rank('where is the shipping')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('lower-cases, drops stop words and stems English', () => {
    expect(tokenize('The Refunds were REFUNDED')).toEqual(['refund', 'refund']);
    expect(stemEnglish('cancellation')).toBe(stemEnglish('cancelled'));
    expect(stemEnglish('deliveries')).toBe(stemEnglish('delivery'));
    expect(tokenize('e-mail')).toContain('email');
  });

  it('segments Japanese into words and kanji/katakana bigrams, without particles', () => {
    const terms = tokenize('パスワード再設定のメール');
    expect(terms).toEqual(expect.arrayContaining(['パスワード', 'メール', '再設', '設定']));
    expect(terms).not.toContain('の');
    expect(tokenize('ＲＥＦＵＮＤ')).toEqual(['refund']);
  });
});

describe('a question beside a topic', () => {
  const candidate = (id: string, title: string, body: string, tags: string[]): RankCandidate => ({ id, kind: 'template', title, body, tags, lang: 'en' });
  const library = [
    candidate('ack', 'Thanks for getting in touch', 'We will look into it and come back to you.', ['generic', 'question']),
    candidate('pricing', 'Pricing and plans', 'Here are our plans and what they cost.', ['price', 'question']),
  ];

  it('answers a bare question with the acknowledgement, not with a topical text tagged "question"', () => {
    const ranked = createReplyRanker(library, { intentModel: null }).rank('Why is my router blinking?', { limit: 2 });
    expect(ranked[0]?.id).toBe('ack');
    expect(ranked.find((entry) => entry.id === 'pricing')?.score ?? 0).toBeLessThan(ranked[0]?.score ?? 0);
  });

  it('still offers the topical text for its own topic', () => {
    expect(createReplyRanker(library, { intentModel: null }).rank('How much does the pro plan cost?', { limit: 1 })[0]?.id).toBe('pricing');
  });
});
