import { describe, expect, it } from 'vitest';
import { claimsIn, honestText } from '@/lib/replies/claims';
import { starterTemplateData } from '@/lib/replies/starter-set';

const none = new Set<never>();

describe('claims a reply makes', () => {
  it('reads them in English and Japanese', () => {
    expect(claimsIn("Hi Nora, I've checked order A-1 for you.")).toEqual(['checked-order']);
    expect(claimsIn("Sorry — we've sent you a DM so we can sort it out.")).toEqual(['dm-sent']);
    expect(claimsIn("I've started the refund for your order.")).toEqual(['refund-issued']);
    expect(claimsIn("Just checking in after yesterday's fix.")).toEqual(['issue-fixed']);
    expect(claimsIn('ご注文の状況を確認しました。')).toEqual(['checked-order']);
    expect(claimsIn('ダイレクトメッセージでご連絡しました。')).toEqual(['dm-sent']);
    expect(claimsIn('返金手続きを行いました。')).toEqual(['refund-issued']);
    expect(claimsIn("I'll check your order and come back to you.")).toEqual([]);
  });

  it('turns a claim not yet true into a promise, and keeps it once it is', () => {
    const text = "Hi Nora, I've checked order A-1 for you. It has left our warehouse and is on its way.";
    expect(honestText(text, ['checked-order'], none)).toEqual({
      text: "Hi Nora, I'll check order A-1 for you now and come back to you here.",
      promised: ['checked-order'],
      unverified: [],
    });
    expect(honestText(text, ['checked-order'], new Set(['checked-order'] as const)).text).toBe(text);
    expect(honestText("Sorry — we've sent you a DM.", [], none).text).toBe("Sorry — we'll send you a DM.");
    expect(honestText('ご注文A-1の状況を確認しました。商品は発送済みです。', [], none).text).toBe('ご注文A-1の状況をすぐにお調べし、こちらでご連絡いたします。');
  });

  it('reports what it cannot say as a promise', () => {
    expect(honestText("Just checking in after yesterday's fix. Working now?", [], none).unverified).toEqual(['issue-fixed']);
    // Declared, but the words do not show where: not offered until it is done.
    expect(honestText('All good on our side.', ['refund-issued'], none).unverified).toEqual(['refund-issued']);
  });

  it('finds every claim the starter templates declare in their words', () => {
    for (const template of starterTemplateData) {
      expect(claimsIn(template.body), template.key).toEqual(expect.arrayContaining(template.asserts ?? []));
    }
  });
});
