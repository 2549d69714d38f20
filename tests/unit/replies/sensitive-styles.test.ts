/**
 * The ways real texts write personal data that the first detectors missed: UK, Irish and
 * continental phone numbers, vanity numbers, e-mails spelled with "at", UK PO boxes and
 * monomarks, European street addresses, identifier codes, PINs and bank numbers, and the
 * ordinary numbers and shouted sales pitches next to them that are none of these.
 */
import { describe, expect, it } from 'vitest';
import { findSensitive } from '@/lib/replies/sensitive';

function found(text: string): string[] {
  return findSensitive(text).map((finding) => `${finding.kind}${finding.detail ? `/${finding.detail}` : ''}:${text.slice(finding.start, finding.end)}`);
}

describe('findSensitive: phone numbers as people write them', () => {
  it.each<[string, string[]]>([
    ['Call Free 0800 1956669 or text back', ['phone:0800 1956669']],
    ['Help? 0845 2814032 16 after 1st free', ['phone:0845 2814032']],
    ['Mobile: 086 6048101', ['phone:086 6048101']],
    ['Tel: 01 6188428\nFax: 01 6602244', ['phone:01 6188428', 'phone:01 6602244']],
    ['Tel +39 0323 586216', ['phone:+39 0323 586216']],
    ['TEL: 31 205241510', ['phone:31 205241510']],
    ['U 447801259231 have a secret admirer', ['phone:447801259231']],
    ['davidm@x.com\n(352) 394 - 6161 EXT 1015', ['email:davidm@x.com', 'phone:(352) 394 - 6161']],
    ['TOLL-FREE: 1-877-451-TEEN (1-877-451-8336)', ['phone:1-877-451-TEEN', 'phone:1-877-451-8336']],
    ['call 1-800-FLOWERS now', ['phone:1-800-FLOWERS']],
    ['予約連絡先：03-5428-6654(完全予約制)', ['phone:03-5428-6654']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'GET OVER $500 DOLLARS CASH!!!',
    'ICQ# : 113 069 081',
    'room 0123 456 on floor 3',
    'Close 300603 post',
    'Cost 150p/day, 6days, 16+',
    'I paid $49.99 on 12/03/2024 at 10:30',
    'order 3 units of model H500GT',
    'lucky numbers 37-13-34-85-56-42',
  ])('finds no phone number in %j', (text) => {
    expect(found(text).filter((finding) => finding.startsWith('phone'))).toEqual([]);
  });

  it('needs "Tel", "Fax" or the like before a nine-digit number', () => {
    expect(found('ticket 01 6188428')).not.toContain('phone:01 6188428');
  });
});

describe('findSensitive: e-mail addresses spelled with "at"', () => {
  it.each<[string, string[]]>([
    ['e: chris.higgins at hts.horizon.ie', ['email:chris.higgins at hts.horizon.ie']],
    ['Lee Hosty -x- hostyle AT csn.ul.ie -x-', ['email:hostyle AT csn.ul.ie']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(['available at amazon.co.uk', 'We met at 5 at home.com', 'version 2.4 at 10.30', 'look at example.com'])('finds none in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findSensitive: postal addresses in the UK, Ireland and the continent', () => {
  it.each<[string, string[]]>([
    ['Club4 PO Box1146 MK45 2WT', ['account/address:PO Box1146 MK45 2WT']],
    ['TCs SAE Box326 CW25WX 150ppm', ['account/address:Box326 CW25WX']],
    ['Call 0871-872-9755 BOX95QU', ['phone:0871-872-9755', 'account/address:BOX95QU']],
    ['Close 300603 post BCM4284 Ldn WC1N3XX', ['account/address:BCM4284 Ldn WC1N3XX']],
    ['WinnersClub PO BOX 84, M26 3UZ. 16+', ['account/address:PO BOX 84, M26 3UZ']],
    ['Fleishman-Hillard Saunders\n15 Fitzwilliam Quay\nDublin 4', ['account/address:15 Fitzwilliam Quay\nDublin 4']],
    ['School of Computing\nKevin Street, Dublin 8\nIreland', ['account/address:Kevin Street, Dublin 8']],
    ['Bank: Wise, Rue du Trône 100, 3rd floor, Brussels, 1050, Belgium', ['account/address:Rue du Trône 100, 3rd floor, Brussels, 1050']],
    ['TransferWise Europe SA\nSquare de Meeûs 38 bte 40\nBrussels', ['account/address:Square de Meeûs 38 bte 40']],
    ['Via 42 Martiri, 165', ['account/address:Via 42']],
    ['Lienaustraße 32, 22159 Hamburg', ['account/address:Lienaustraße 32, 22159 Hamburg']],
    ['Kerkstraat 5, 1017 GC Amsterdam', ['account/address:Kerkstraat 5, 1017 GC Amsterdam']],
    ['Oberzwehrener Str. 62b', ['account/address:Oberzwehrener Str. 62b']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Place 2 eggs in the pan',
    'put it in the box 3 times',
    'XBOX360 for sale',
    'Spring 2024 collection is out',
    'String 2 of the guitar is loose',
    'Square 4 of the grid',
  ])('finds no address in %j', (text) => {
    expect(found(text).filter((finding) => finding.includes('address'))).toEqual([]);
  });
});

describe('findSensitive: references, PINs and bank numbers', () => {
  it.each<[string, string[]]>([
    ['To claim call 08719180248 Identifier Code: 45239 Expires', ['phone:08719180248', 'order:45239']],
    ['Your renewal Pin is tgxxrz', ['account:renewal Pin is tgxxrz']],
    ['BSB Code: 774001', ['account:BSB Code: 774001']],
    ['IBAN: BE10 9670 9734 3304', ['account/iban:BE10 9670 9734 3304']],
    ['**IBAN:** BE53 9670 2464 6753', ['account/iban:BE53 9670 2464 6753']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Reference: Bits2Banking',
    'Simply text the password "MIX" to 85069 to verify.',
    'YOU WON A FREE PORN PASSWORD!!',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still takes a lower-case booking code with digits after a reference word', () => {
    expect(found('order #abcd1234 is late')).toEqual(['order:#abcd1234']);
  });

  it('still reports "IBAN" as account talk when no IBAN follows', () => {
    expect(found('what is your IBAN?')).toEqual(['account:IBAN']);
  });
});

describe('findSensitive: shouted sales pitches are no rant', () => {
  it.each(['BEST PRICES FAST DELIVERY\nNO CONSULTATION FEE!', 'ALL FREE!!! YOU PAY NOTHING!!!', 'IF NOT, YOU NEED TO JOIN US TODAY!'])('finds no sentiment in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still hears a customer shouting about money', () => {
    expect(found('WHERE IS MY MONEY?!')).toEqual(['negative:WHERE IS MY MONEY']);
  });
});
