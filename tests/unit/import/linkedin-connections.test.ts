import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLinkedInConnections } from '@/lib/import/linkedin-connections';

const sample = readFileSync(new URL('../../fixtures/import/Connections.csv', import.meta.url), 'utf8');

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('parseLinkedInConnections on an export as LinkedIn writes it', () => {
  const { rows, errors } = parseLinkedInConnections(sample);

  it('skips the Notes lines, reads every connection and reports the empty row by its line', () => {
    expect(rows).toHaveLength(10);
    expect(errors).toEqual([{ line: 16, reason: 'no name (First Name and Last Name are empty)' }]);
  });

  it('gives the first row exactly, without the keys of empty cells', () => {
    expect(rows[0]).toEqual({
      firstName: 'Maren',
      lastName: 'Holt',
      profileUrl: 'https://www.linkedin.com/in/maren-holt-4a1b2c/',
      company: 'Northwind Analytics',
      position: 'Head of Customer Success',
      connectedOn: '2026-11-25',
    });
    expect(rows[7]).toEqual({
      firstName: 'Priya',
      lastName: 'Raman',
      profileUrl: 'https://www.linkedin.com/in/PriyaRaman/',
      connectedOn: '2026-04-08',
    });
  });

  it('keeps commas, quotes, line breaks and non-Latin scripts in names and fields', () => {
    expect(rows[1]).toMatchObject({ email: 'tobias.engel@example.com', company: 'Fabrikam, Inc.' });
    expect(rows[2]).toMatchObject({ firstName: 'Ana "Nani"', position: 'Director, Patient Experience' });
    expect(rows[3]).toMatchObject({
      firstName: '健太',
      lastName: '佐藤',
      company: '株式会社ノースウィンド',
      profileUrl: 'https://www.linkedin.com/in/%E4%BD%90%E8%97%A4-%E5%81%A5%E5%A4%AA-8b2a61193/',
    });
    expect(rows[6]).toMatchObject({ firstName: 'Ольга', lastName: 'Смирнова' });
    expect(rows[8]).toMatchObject({ lastName: "O'Neil", position: 'Account Executive\nEMEA' });
  });

  it('reads the same with CRLF or CR line ends and a byte-order mark', () => {
    expect(parseLinkedInConnections(`\uFEFF${sample.replaceAll('\n', '\r\n')}`)).toEqual({ rows, errors });
    expect(parseLinkedInConnections(sample.replaceAll('\n', '\r'))).toEqual({ rows, errors });
  });
});

describe('parseLinkedInConnections on bad rows', () => {
  const file = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    HEADER,
    'Ada,Lovelace,,,,,01 Jan 2026', // 5
    'Ada,Lovelace,https://www.example.com/in/ada,,,,01 Jan 2026', // 6
    'Ada,Lovelace,https://www.linkedin.com/company/engines/,,,,01 Jan 2026', // 7
    'Ada,Lovelace,https://www.linkedin.com/in/ada,,,,31 Feb 2026', // 8
    'Ada,Lovelace,https://www.linkedin.com/in/ada,,,', // 9
    'Ada,Lovelace,https://www.linkedin.com/in/ada,,,,01 Jan 2026,surplus', // 10
    'Grace,,https://www.linkedin.com/in/grace,,,,', // 11: no date, no last name: fine
    'Alan,Turing,http://uk.linkedin.com/in/alan-turing?trk=x,,,,2026-03-04', // 12
  ].join('\n');
  const { rows, errors } = parseLinkedInConnections(file);

  it('gives each its line and a clear reason, and keeps the good rows', () => {
    expect(errors).toEqual([
      { line: 5, reason: 'no profile URL' },
      { line: 6, reason: 'not a LinkedIn profile URL: https://www.example.com/in/ada' },
      { line: 7, reason: 'not a LinkedIn profile URL: https://www.linkedin.com/company/engines/' },
      { line: 8, reason: 'unreadable Connected On date: 31 Feb 2026' },
      { line: 9, reason: 'expected 7 columns, found 6' },
      { line: 10, reason: 'expected 7 columns, found 8' },
    ]);
    expect(rows).toEqual([
      { firstName: 'Grace', lastName: '', profileUrl: 'https://www.linkedin.com/in/grace/' },
      { firstName: 'Alan', lastName: 'Turing', profileUrl: 'https://www.linkedin.com/in/alan-turing/', connectedOn: '2026-03-04' },
    ]);
  });

  it('reads the header by its names, whatever the column order or preamble', () => {
    const reordered = ['Connected On,URL,Last Name,First Name', '05 May 2025,https://www.linkedin.com/in/kim,Lee,Kim'].join('\n');
    expect(parseLinkedInConnections(reordered)).toEqual({
      rows: [{ firstName: 'Kim', lastName: 'Lee', profileUrl: 'https://www.linkedin.com/in/kim/', connectedOn: '2025-05-05' }],
      errors: [],
    });
  });

  it('says so when the file is not a Connections export', () => {
    expect(parseLinkedInConnections('name,email\nAda,ada@example.com\n').errors).toEqual([
      { line: 1, reason: expect.stringContaining('no header row') as string },
    ]);
    expect(parseLinkedInConnections('')).toEqual({ rows: [], errors: [{ line: 1, reason: expect.stringContaining('no header row') as string }] });
  });

  it('never throws, whatever the text', () => {
    const piece = fc.constantFrom(HEADER, '\n', '\r\n', ',', '"', 'https://www.linkedin.com/in/x', '01 Jan 2026', 'é', '%E0%A4%A', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string(), (pieces, noise) => {
        const result = parseLinkedInConnections(pieces.join('') + noise);
        expect(Array.isArray(result.rows) && Array.isArray(result.errors)).toBe(true);
      }),
    );
  });
});
