import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitive, type SensitiveKind } from '@/lib/replies/sensitive';

/** The findings as "kind:text" pairs, which is what a person reading the panel sees. */
function found(text: string): string[] {
  return findSensitive(text).map((finding) => `${finding.kind}:${text.slice(finding.start, finding.end)}`);
}

describe('findSensitive: personal data', () => {
  it.each<[string, string[]]>([
    ['Reach me at jane.doe+orders@mail.example.co.uk please', ['email:jane.doe+orders@mail.example.co.uk']],
    ['メールは yamada＠example．jp です', ['email:yamada＠example．jp']],
    ['write to tom [at] brightmail [dot] com', ['email:tom [at] brightmail [dot] com']],
    ['Mail me at a@b.com.', ['email:a@b.com']],
  ])('finds the e-mail address in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['UK office +44 20 7946 0958 today', ['phone:+44 20 7946 0958']],
    ['call +1 (415) 555-0132 or 415-555-0132', ['phone:+1 (415) 555-0132', 'phone:415-555-0132']],
    ['携帯 +81 90-1234-5678 まで', ['phone:+81 90-1234-5678']],
    ['090-1234-5678 か 03-1234-5678 か 0120-123-456', ['phone:090-1234-5678', 'phone:03-1234-5678', 'phone:0120-123-456']],
    ['０９０−１２３４−５６７８に', ['phone:０９０−１２３４−５６７８']],
    ['090ー1234ー5678（長音で打つ人もいる）', ['phone:090ー1234ー5678']],
    ['toll free 1-800-555-0199.', ['phone:1-800-555-0199']],
    ['+1 415 555 0132 ext 12', ['phone:+1 415 555 0132']],
  ])('finds the phone number in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['my order #12345 is late', ['order:#12345']],
    ['order number 123-4567890-1234567', ['order:123-4567890-1234567']],
    ['Amazon says 114-3941689-8772232 was delivered', ['order:114-3941689-8772232']],
    ['ticket 88231 still open', ['order:88231']],
    ['case #4411, any news?', ['order:#4411']],
    ['注文番号 12345678 です', ['order:12345678']],
    ['お問い合わせ番号 #A1B2C3 の件', ['order:#A1B2C3']],
    ['tracking 1Z999AA10123456784 says delivered', ['order:1Z999AA10123456784']],
    ['tracking number 9400 1000 0000 0000 0000 00', ['order:9400 1000 0000 0000 0000 00']],
    ['my booking ref is QX4R9T', ['order:QX4R9T']],
  ])('finds the order or ticket number in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['card 4111 1111 1111 1111 declined', ['card:4111 1111 1111 1111']],
    ['paid with 4111-1111-1111-1111', ['card:4111-1111-1111-1111']],
    ['number 4111111111111111', ['card:4111111111111111']],
    ['Amex 3782 822463 10005', ['card:3782 822463 10005']],
    // Printed in fours, a mistyped card number (Luhn fails) is still a card number.
    ['4111 1111 1111 1112 by mistake', ['card:4111 1111 1111 1112']],
  ])('finds the card number in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('does not take an unbroken number for a card when it fails Luhn or has no card prefix', () => {
    expect(found('got 4111111111111112 back, and 1790012345678901234 too')).toEqual([]);
  });
});

describe('findSensitive: account talk and strong negative sentiment', () => {
  it.each<[string, string[]]>([
    ['my password is Hunter2! please help', ['account:my password is Hunter2!']],
    ['password: hunter2 thanks', ['account:password: hunter2']],
    ["I can't log in since Monday", ["account:can't log in"]],
    ["here's my login: mike_t88", ["account:here's my login: mike_t88"]],
    ['what is my account number?', ['account:my account number']],
    ['my username is wrong apparently', ['account:my username is']],
    ['SSN is 078-05-1120', ['account:SSN is 078-05-1120']],
    ['ログインできないです', ['account:ログインできない']],
    ['パスワードは abc123 です', ['account:パスワードは abc123']],
    ['アカウントが乗っ取られました', ['account:アカウントが乗っ取られ']],
    ['会員番号 00123456 です', ['account:会員番号 00123456']],
  ])('marks the account talk in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['the worst service, a total scam, I am furious', ['negative:worst', 'negative:scam', 'negative:furious']],
    ['Never again. Disgusting.', ['negative:Never again', 'negative:Disgusting']],
    ["I'll be calling my lawyer", ['negative:calling my lawyer']],
    ["We're going to sue", ["negative:We're going to sue"]],
    ['WHERE IS MY ORDER I PAID TWO WEEKS AGO!!!', ['negative:WHERE IS MY ORDER I PAID TWO WEEKS AGO']],
    ['最悪。詐欺。二度と買わない。ふざけるな', ['negative:最悪', 'negative:詐欺', 'negative:二度と買わない', 'negative:ふざけるな']],
    ['激怒しています。訴える', ['negative:激怒', 'negative:訴える']],
    ['smashed on arrival 😡', ['negative:😡']],
  ])('marks the strong negative sentiment in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'A bit disappointed the blue one sold out',
    "I'm not angry, just confused",
    "it's not a scam, I checked",
    'not the worst delivery I have had',
    'Worst case we pick it up tomorrow',
    'Thanks Sue, you were great',
    'I hate to bother you again',
    'JUST GOT MY ORDER AND I LOVE IT!!!',
    '怒ってないですよ',
    '詐欺ではないかと思ったけど届きました',
    '最低でも3日かかりますか',
    '最悪の場合は店頭で受け取ります',
    '二度とない機会でした',
    'ありえないくらい美味しい',
    '公式アカウントをフォローしました',
    'Password managers are great',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findSensitive: numbers that are not personal data', () => {
  it.each([
    'Only $49.99 until Friday',
    'Doors open 2024-05-01 at 10:30',
    'Updated to v2.3.1 today',
    'Founded in 1998, still going',
    '12,345 followers and counting',
    'Loving it #2024goals',
    'shout out to @user12345678',
    'see https://x.com/acme/status/1790012345678901234',
    'www.example.com/orders/0312345678 has the details',
    'Server at 192.168.0.1 and 10.0.0.1',
    'ISBN 978-4-16-790000-0',
    '価格は税込12,800円です',
    '2024年5月1日 10:30から',
    'We would like to order 20000 units',
    'Flight 2231 was great',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findSensitive: the contract', () => {
  it('gives UTF-16 offsets into the text as written, emoji and full-width characters included', () => {
    const text = '😀🎉 ０９０−１２３４−５６７８ order #77120 😡';
    expect(found(text)).toEqual(['phone:０９０−１２３４−５６７８', 'order:#77120', 'negative:😡']);
  });

  it('gives one finding per stretch of text: an order number is not also a phone, a card not also a phone', () => {
    expect(found('order #0312345678')).toEqual(['order:#0312345678']);
    expect(found('tracking 9400 1000 0000 0000 0000 00')).toEqual(['order:9400 1000 0000 0000 0000 00']);
    expect(found('my login is jane@example.com')).toEqual(['account:my login is', 'email:jane@example.com']);
  });

  it('returns sorted, non-overlapping, non-empty findings for any text, and never throws', () => {
    const pieces = fc.constantFrom(
      ' ', '-', '+', '(', ')', '#', '@', '.', ':', '0', '1', '4', '9', 'order ', 'my password is ', 'worst ', 'not ',
      '注文番号', 'ログインできない', '最悪', '０', '−', 'ー', 'A', 'x', '😡', 'https://', '\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const findings = findSensitive(text);
        let previousEnd = 0;
        for (const finding of findings) {
          expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          previousEnd = finding.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on pathological 50 KB inputs (5 runs of each fit well inside the test timeout)', () => {
    const size = 50_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const inputs = [
      fill('a'), fill('a.'), fill('a@'), fill('@a.'), fill('1'), fill('1 '), fill('1-'), fill('+1 '), fill('(1'),
      fill('order '), fill('order #'), fill('#1'), fill('WORST '), fill('NO '), fill('never '), fill('not worst '),
      fill('a [at] b [dot] '), fill('二度と'), fill('注文番号'), fill('０−'), fill('my password is '), fill('https://1'),
    ];
    let runs = 0;
    for (const input of inputs) {
      for (let run = 0; run < 5; run += 1) {
        findSensitive(input);
        runs += 1;
      }
    }
    expect(runs).toBe(inputs.length * 5);
  }, 30_000);

  it('returns nothing for an empty text and for a value that is not a string', () => {
    expect(findSensitive('')).toEqual([]);
    expect(findSensitive(undefined as unknown as string)).toEqual([]);
  });

  it('knows every kind it reports', () => {
    const kinds = new Set<SensitiveKind>(
      findSensitive('order #12345, 090-1234-5678, a@b.co, 4111 1111 1111 1111, my password is x1, worst').map((f) => f.kind),
    );
    expect([...kinds].sort()).toEqual(['account', 'card', 'email', 'negative', 'order', 'phone']);
  });
});

describe('findSensitive: what a negator negates', () => {
  it('keeps a strong word when the negator is about a verb between them', () => {
    expect(found("The call gets cut every time, don't want stupid IVR")).toEqual(['negative:stupid']);
    expect(found("It isn't that terrible, honestly")).toEqual([]);
    expect(found('not a scam')).toEqual([]);
  });
});
