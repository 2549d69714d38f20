import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, raggedReason, toCsv, unprotectCell } from '@/lib/import/csv';

const cellsOf = (text: string) => parseCsv(text).records.map((record) => record.cells);
const linesOf = (text: string) => parseCsv(text).records.map((record) => record.line);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(cellsOf('a,"b, c","say ""hi""","two\nlines"\n')).toEqual([['a', 'b, c', 'say "hi"', 'two\nlines']]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('ends records at %s and counts physical lines', (_name, eol) => {
    const text = ['h1,h2', 'a,"multi', 'line"', 'b,c', ''].join(eol);
    expect(cellsOf(text)).toEqual([['h1', 'h2'], ['a', `multi${eol}line`], ['b', 'c']]);
    expect(linesOf(text)).toEqual([1, 2, 4]);
  });

  it('skips a byte-order mark, empty lines and the trailing line break', () => {
    const text = '\uFEFFname\n\n\nAda\n';
    expect(cellsOf(text)).toEqual([['name'], ['Ada']]);
    expect(linesOf(text)).toEqual([1, 4]);
  });

  it('keeps empty fields, including a last empty field', () => {
    expect(cellsOf('a,,\n,b,')).toEqual([['a', '', ''], ['', 'b', '']]);
  });

  it('reports text after a closing quote and keeps it', () => {
    const { records, problems } = parseCsv('x\n"ab"cd,e\n');
    expect(records[1]?.cells).toEqual(['abcd', 'e']);
    expect(problems).toEqual([{ line: 2, reason: expect.stringContaining('after a closing quote') as string }]);
  });

  it('reports a quote that is never closed at the line where its record starts', () => {
    const { records, problems } = parseCsv('a,b\nc,"never\nclosed\n');
    expect(records.map((record) => record.cells)).toEqual([['a', 'b']]);
    expect(problems).toEqual([{ line: 2, reason: expect.stringContaining('never closed') as string }]);
  });

  it('never throws and reads back what toCsv wrote', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', '漢', ',', '"', '\n', '\r', ' ', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { maxLength: 6 }), (rows) => {
        const safeRows = rows.map((row) => row.map((value) => `k${value}`)); // no formula guard, no empty line
        expect(cellsOf(toCsv(safeRows))).toEqual(safeRows);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseCsv(text)));
  });
});

describe('raggedReason', () => {
  it('accepts the header width and trailing empty cells, reports the rest', () => {
    expect(raggedReason(['a', 'b'], 2)).toBeUndefined();
    expect(raggedReason(['a', 'b', '', ' '], 2)).toBeUndefined();
    expect(raggedReason(['a'], 2)).toBe('expected 2 columns, found 1');
    expect(raggedReason(['a', 'b', 'c'], 2)).toBe('expected 2 columns, found 3');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and ends every line with CRLF', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded'], ['', null, undefined, 3, true]])).toBe(
      'plain,"a,b","say ""hi""","two\nlines"," padded"\r\n,,,3,true\r\n',
    );
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(toCsv([['=HYPERLINK("http://evil.example")', '+1', '-2', '@SUM(A1)', '\tx', 'a=b']])).toBe(
      `"'=HYPERLINK(""http://evil.example"")",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n`,
    );
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv([[-5, 0.5]])).toBe('-5,0.5\r\n');
  });

  it('unprotectCell undoes the guard only where toCsv put it', () => {
    expect(unprotectCell("'=1+1")).toBe('=1+1');
    expect(unprotectCell("'quoted")).toBe("'quoted");
  });
});
