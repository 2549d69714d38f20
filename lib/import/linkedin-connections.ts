/**
 * LinkedIn's own Connections.csv ("Get a copy of your data" → Connections). The file opens with a
 * "Notes:" line and a quoted paragraph on missing e-mail addresses, then a blank line, then
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, dates like "25 Nov 2026".
 * The header is found by its names, not by position, so a shorter or longer preamble, reordered
 * columns or a file re-saved by a spreadsheet still read.
 */
import { parseProfileUrl } from '@/lib/sites/linkedin/common';
import { cleanCell, isBlankRecord, parseCsv, raggedReason, type CsvProblem } from './csv';
import { parseCalendarDate } from './dates';
import { mapHeader } from './header';

export interface LinkedInConnection {
  firstName: string;
  lastName: string;
  /** The canonical profile URL, https://www.linkedin.com/in/<slug>/. */
  profileUrl: string;
  email?: string;
  company?: string;
  position?: string;
  /** 'YYYY-MM-DD'. */
  connectedOn?: string;
}

export interface LinkedInConnectionsResult {
  rows: LinkedInConnection[];
  errors: CsvProblem[];
}

/** A connection with the physical line it came from, for importers that report per row later on. */
export interface LinkedInConnectionAt extends LinkedInConnection {
  line: number;
  /** The canonical handle: the slug percent-decoded and lower-cased. */
  handle: string;
}

type Column = 'firstName' | 'lastName' | 'profileUrl' | 'email' | 'company' | 'position' | 'connectedOn';

/**
 * LinkedIn writes these headers in English whatever the member's language; the other names are
 * what people and other tools rename them to, so a hand-edited file still reads.
 */
const HEADER_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  firstName: ['First Name', 'Given Name', 'First', '名'],
  lastName: ['Last Name', 'Surname', 'Family Name', 'Last', '姓'],
  profileUrl: ['URL', 'Profile URL', 'LinkedIn URL', 'Profile', 'プロフィールURL'],
  email: ['Email Address', 'Email', 'E-mail Address', 'メールアドレス'],
  company: ['Company', 'Organization', 'Organisation', '会社', '会社名'],
  position: ['Position', 'Title', 'Job Title', '役職'],
  connectedOn: ['Connected On', 'Connection Date', 'Date Connected', 'つながった日'],
};

const REQUIRED: readonly Column[] = ['firstName', 'lastName', 'profileUrl'];

/** The design's contract: every good row, and every bad one with its line and why. Never throws. */
export function parseLinkedInConnections(csv: string): LinkedInConnectionsResult {
  const { rows, errors } = readLinkedInConnections(csv);
  return { rows: rows.map(withoutPlace), errors };
}

function withoutPlace(row: LinkedInConnectionAt): LinkedInConnection {
  const connection: LinkedInConnection = { firstName: row.firstName, lastName: row.lastName, profileUrl: row.profileUrl };
  if (row.email !== undefined) connection.email = row.email;
  if (row.company !== undefined) connection.company = row.company;
  if (row.position !== undefined) connection.position = row.position;
  if (row.connectedOn !== undefined) connection.connectedOn = row.connectedOn;
  return connection;
}

/** parseLinkedInConnections with each row's line and canonical handle kept. Never throws. */
export function readLinkedInConnections(csv: string): { rows: LinkedInConnectionAt[]; errors: CsvProblem[] } {
  try {
    return readConnections(csv);
  } catch (error) {
    // Nothing above is expected to throw; a file must never take the caller down with it.
    return { rows: [], errors: [{ line: 1, reason: `could not read the file: ${String(error)}` }] };
  }
}

function readConnections(csv: string): { rows: LinkedInConnectionAt[]; errors: CsvProblem[] } {
  const { records, problems } = parseCsv(csv);
  const errors: CsvProblem[] = [...problems];
  const headerAt = records.findIndex((record) => {
    const mapping = mapHeader(record.cells, HEADER_ALIASES);
    return REQUIRED.every((column) => mapping[column] !== undefined);
  });
  if (headerAt < 0) {
    errors.push({
      line: records[0]?.line ?? 1,
      reason: 'no header row with First Name, Last Name and URL: is this LinkedIn’s Connections.csv?',
    });
    return { rows: [], errors: sortByLine(errors) };
  }
  const [header, ...body] = records.slice(headerAt);
  if (header === undefined) return { rows: [], errors: sortByLine(errors) };
  const columns = mapHeader(header.cells, HEADER_ALIASES);
  const rows: LinkedInConnectionAt[] = [];
  for (const record of body) {
    if (isBlankRecord(record.cells)) continue;
    const read = readRow(record.cells, columns, header.cells.length);
    if (typeof read === 'string') errors.push({ line: record.line, reason: read });
    else rows.push({ ...read, line: record.line });
  }
  return { rows, errors: sortByLine(errors) };
}

function readRow(
  cells: readonly string[],
  columns: Partial<Record<Column, number>>,
  width: number,
): Omit<LinkedInConnectionAt, 'line'> | string {
  const ragged = raggedReason(cells, width);
  if (ragged !== undefined) return ragged;
  const cell = (column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : cleanCell(cells[index] ?? '');
  };

  const firstName = cell('firstName');
  const lastName = cell('lastName');
  if (firstName === '' && lastName === '') return 'no name (First Name and Last Name are empty)';

  const url = cell('profileUrl');
  if (url === '') return 'no profile URL';
  const profile = /^https?:\/\//i.test(url) ? parseProfileUrl(url.replace(/^http:/i, 'https:')) : undefined;
  if (profile === undefined) return `not a LinkedIn profile URL: ${url}`;

  const connectedOnText = cell('connectedOn');
  const connectedOn = connectedOnText === '' ? undefined : parseCalendarDate(connectedOnText);
  if (connectedOnText !== '' && connectedOn === undefined) return `unreadable Connected On date: ${connectedOnText}`;

  const email = cell('email');
  const company = cell('company');
  const position = cell('position');
  return {
    firstName,
    lastName,
    profileUrl: profile.profileUrl,
    handle: profile.handle,
    ...(email ? { email } : {}),
    ...(company ? { company } : {}),
    ...(position ? { position } : {}),
    ...(connectedOn ? { connectedOn } : {}),
  };
}

function sortByLine(errors: CsvProblem[]): CsvProblem[] {
  return errors.sort((a, b) => a.line - b.line);
}
