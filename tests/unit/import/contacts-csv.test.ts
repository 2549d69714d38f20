import { describe, expect, it } from 'vitest';
import { csvHeader, guessMapping, parseContactsCsv, previewImport } from '@/lib/import/contacts-csv';

describe('guessMapping', () => {
  it('maps English header names, loosely spelled', () => {
    expect(guessMapping(['Full Name', 'E-mail', 'Phone Number', 'Company', 'Job Title', 'LinkedIn URL', 'Tags', 'Lifecycle Stage', 'Notes', 'Shoe size'])).toEqual({
      name: 0,
      email: 1,
      phone: 2,
      company: 3,
      position: 4,
      profileUrl: 5,
      tags: 6,
      stage: 7,
      notes: 8,
    });
  });

  it('maps Japanese header names, full-width letters included', () => {
    expect(guessMapping(['姓', '名', 'メールアドレス', '電話番号', '会社名', '役職', 'ＳＮＳ', 'ユーザー名', 'タグ', 'ステージ', '備考'])).toEqual({
      lastName: 0,
      firstName: 1,
      email: 2,
      phone: 3,
      company: 4,
      position: 5,
      site: 6,
      handle: 7,
      tags: 8,
      stage: 9,
      notes: 10,
    });
  });
});

const file = [
  'Name,Email,Company,Title,Site,Handle,Profile URL,Tags,Stage,Notes,Phone',
  'Ada Lovelace,ada@example.com,Engines Ltd,CTO,,,https://www.linkedin.com/in/Ada-Lovelace/,vip; beta,customer,"Met at the fair,\r\nwants a demo",+44 20 7946 0000', // 2-3
  'Grace Hopper,,,,x,@GraceHopper,,,,,', // 4
  'Alan Turing,alan@example,,,,,,,,,', // 5
  'Kim Lee,,,,,,,,,,', // 6
  'Jo Park,,,,myspace,jo,,,,,', // 7
  'Lin Wu,lin@example.com,,,,,,,vip customer,,', // 8
  'Max Roe,,,,,,https://example.com/u/max,,,,', // 9
  "'=cmd,max@example.com,,,,,,,,,", // 10: our own export's formula guard comes off
].join('\n');

describe('parseContactsCsv', () => {
  const { header, rows, errors } = parseContactsCsv(file, guessMapping(csvHeader(file)));

  it('reads rows as they will be imported, identities canonical', () => {
    expect(header[0]).toBe('Name');
    expect(rows).toEqual([
      {
        line: 2,
        displayName: 'Ada Lovelace',
        identity: { site: 'linkedin', handle: 'ada-lovelace', profileUrl: 'https://www.linkedin.com/in/Ada-Lovelace/' },
        email: 'ada@example.com',
        company: 'Engines Ltd',
        position: 'CTO',
        tags: ['vip', 'beta'],
        stage: 'customer',
        note: 'Met at the fair,\nwants a demo',
        phone: '+44 20 7946 0000',
      },
      { line: 4, displayName: 'Grace Hopper', identity: { site: 'x', handle: 'gracehopper', profileUrl: 'https://x.com/gracehopper' } },
      { line: 10, displayName: '=cmd', email: 'max@example.com' },
    ]);
  });

  it('reports every other row with its line and why', () => {
    expect(errors).toEqual([
      { line: 5, reason: 'email: not an e-mail address' },
      { line: 6, reason: 'no profile URL, handle or e-mail address to recognise the person by' },
      { line: 7, reason: 'unknown site: myspace (expected linkedin, x, facebook or instagram)' },
      { line: 8, reason: 'unknown stage: vip customer (expected new, lead, contacted, qualified, customer, churned)' },
      { line: 9, reason: 'not a profile URL on LinkedIn, X, Facebook or Instagram: https://example.com/u/max' },
    ]);
  });

  it('puts a Japanese name family name first', () => {
    const japanese = '姓,名,メールアドレス\n佐藤,健太,kenta@example.jp\n';
    expect(parseContactsCsv(japanese, guessMapping(csvHeader(japanese))).rows[0]?.displayName).toBe('佐藤 健太');
  });

  it('follows the mapping it is given, not the header', () => {
    const custom = 'a,b\nhttps://www.instagram.com/Some.One/,Someone\n';
    expect(parseContactsCsv(custom, { profileUrl: 0, name: 1 }).rows).toEqual([
      { line: 2, displayName: 'Someone', identity: { site: 'instagram', handle: 'some.one', profileUrl: 'https://www.instagram.com/some.one/' } },
    ]);
  });
});

describe('previewImport', () => {
  it('gives the first rows, the count of all rows and all the errors', () => {
    const preview = previewImport(file, guessMapping(csvHeader(file)), 2);
    expect(preview.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(preview.totalRows).toBe(8);
    expect(preview.errors).toHaveLength(5);
  });
});
