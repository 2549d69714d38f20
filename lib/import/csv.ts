/**
 * RFC 4180 CSV, read leniently and written strictly. Reading keeps each record's physical line
 * (1-based, where the record starts: a quoted field may span lines) so that importers can report
 * problems where a person sees them in an editor.
 *
 * Kept rather than papaparse (issue 15.5, tried on this file's tests): papaparse gives no line of a
 * record, and after text following a closing quote ('"ab"cd,e') it folds the rest of the file into
 * one field, where this reader keeps "abcd", "e" and the records after them.
 */

export interface CsvRecord {
  /** The physical line the record starts on, 1-based; CRLF, LF and a lone CR each end a line. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;
const BOM = '\uFEFF';

/**
 * Splits CSV text into records. Quoted fields may hold commas, doubled quotes and line breaks.
 * Empty lines are skipped (they hold no record); a trailing line break adds no record. Text after a
 * closing quote is kept and reported; a quote that is never closed drops that record and is reported.
 */
export function parseCsv(text: string): CsvParseResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const length = source.length;
  let position = 0;
  let line = 1;

  while (position < length) {
    const recordLine = line;
    const cells: string[] = [];
    let reportedStrayText = false;
    let unterminated = false;

    // Each pass reads one field and the delimiter after it.
    for (;;) {
      let value: string;
      if (source.charCodeAt(position) === QUOTE) {
        const quoted = readQuoted(source, position + 1);
        value = quoted.value;
        line += quoted.lineBreaks;
        position = quoted.end;
        if (!quoted.closed) {
          unterminated = true;
          break;
        }
        const stray = readUnquoted(source, position);
        if (stray.end > position) {
          if (!reportedStrayText) {
            problems.push({ line: recordLine, reason: 'text after a closing quote (kept as part of the field)' });
            reportedStrayText = true;
          }
          value += stray.value;
          position = stray.end;
        }
      } else {
        const plain = readUnquoted(source, position);
        value = plain.value;
        position = plain.end;
      }
      cells.push(value);

      const code = position < length ? source.charCodeAt(position) : -1;
      if (code === COMMA) {
        position += 1;
        continue;
      }
      if (code === CR) {
        position += source.charCodeAt(position + 1) === LF ? 2 : 1;
        line += 1;
      } else if (code === LF) {
        position += 1;
        line += 1;
      }
      break;
    }

    if (unterminated) {
      problems.push({ line: recordLine, reason: 'a quoted field is never closed (the rest of the file was ignored)' });
      break;
    }
    const emptyLine = cells.length === 1 && cells[0] === '';
    if (!emptyLine) records.push({ line: recordLine, cells });
  }
  return { records, problems };
}

function readQuoted(source: string, start: number): { value: string; end: number; closed: boolean; lineBreaks: number } {
  let value = '';
  let chunkStart = start;
  let lineBreaks = 0;
  let position = start;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (code === QUOTE) {
      value += source.slice(chunkStart, position);
      if (source.charCodeAt(position + 1) === QUOTE) {
        value += '"';
        position += 2;
        chunkStart = position;
        continue;
      }
      return { value, end: position + 1, closed: true, lineBreaks };
    }
    if (code === LF || (code === CR && source.charCodeAt(position + 1) !== LF)) lineBreaks += 1;
    position += 1;
  }
  return { value: value + source.slice(chunkStart), end: position, closed: false, lineBreaks };
}

function readUnquoted(source: string, start: number): { value: string; end: number } {
  let position = start;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (code === COMMA || code === LF || code === CR) break;
    position += 1;
  }
  return { value: source.slice(start, position), end: position };
}

/** A cell as importers store it: trimmed, NFC, and its line breaks (CRLF, CR) written as LF. */
export function cleanCell(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Whether every cell of a record is empty or blank (",,,," rows that spreadsheets leave behind). */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Why a record does not fit a header of `width` columns, or undefined when it does. Extra cells
 * that are all empty are tolerated: spreadsheets add trailing commas.
 */
export function raggedReason(cells: readonly string[], width: number): string | undefined {
  if (cells.length === width) return undefined;
  if (cells.length > width && isBlankRecord(cells.slice(width))) return undefined;
  return `expected ${width} columns, found ${cells.length}`;
}

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Writes records as RFC 4180 CSV with CRLF line ends. Text cells that a spreadsheet would run as a
 * formula get a leading apostrophe; numbers and booleans are written as they are.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}

function formatCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Undoes toCsv's formula guard when reading our own exports back into the database. */
export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
