/**
 * A contacts CSV from anywhere (a CRM, a spreadsheet, our own export): the person maps its columns
 * to contact fields (guessMapping proposes a mapping from the header, English or Japanese), sees a
 * preview of the first rows as they would be imported, then imports.
 */
import { contactStages, type ContactStage } from '@/lib/model';
import { cleanCell, isBlankRecord, parseCsv, raggedReason, unprotectCell, type CsvProblem, type CsvRecord } from './csv';
import { mapHeader } from './header';
import { identityFromHandle, identityFromUrl, siteFromName } from './identity-ref';
import { importRowProblem, importRowSchema, type ImportIdentity, type ImportRow } from './import-row';

export const contactColumns = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'position',
  'headline',
  'site',
  'handle',
  'profileUrl',
  'tags',
  'stage',
  'notes',
] as const;
export type ContactColumn = (typeof contactColumns)[number];

/** Which column (0-based) holds each field; a field without a column is not imported. */
export type ColumnMapping = Partial<Record<ContactColumn, number>>;

const HEADER_ALIASES: Readonly<Record<ContactColumn, readonly string[]>> = {
  name: ['Name', 'Full Name', 'Display Name', 'Contact Name', 'displayName', '氏名', '名前', '表示名', 'フルネーム', 'お名前'],
  firstName: ['First Name', 'Given Name', 'First', 'ファーストネーム', '名'],
  lastName: ['Last Name', 'Surname', 'Family Name', 'Last', 'ラストネーム', '姓'],
  email: ['Email', 'Email Address', 'E-mail', 'Mail', 'メール', 'メールアドレス', 'Eメール', '電子メール'],
  phone: ['Phone', 'Phone Number', 'Telephone', 'Tel', 'Mobile', 'Mobile Phone', '電話', '電話番号', '携帯', '携帯電話'],
  company: ['Company', 'Company Name', 'Organization', 'Organisation', 'Employer', 'Account', '会社', '会社名', '企業', '企業名', '所属', '組織'],
  position: ['Position', 'Title', 'Job Title', 'Role', 'Job', '役職', '肩書き', '肩書', '職種', '職位'],
  headline: ['Headline', 'Tagline', 'Bio', '見出し', 'ヘッドライン'],
  site: ['Site', 'Network', 'Platform', 'Social Network', 'サイト', 'SNS'],
  handle: ['Handle', 'Username', 'User Name', 'Screen Name', 'ユーザー名', 'ハンドル', 'アカウント'],
  profileUrl: ['Profile URL', 'URL', 'Profile', 'LinkedIn URL', 'linkedin_url', 'Link', 'プロフィール', 'プロフィールURL'],
  tags: ['Tags', 'Tag', 'Labels', 'Label', 'タグ', 'ラベル'],
  stage: ['Stage', 'Status', 'Lifecycle Stage', 'ステージ', '段階', 'ステータス'],
  notes: ['Notes', 'Note', 'Comment', 'Comments', 'Memo', 'メモ', '備考', 'ノート'],
};

/** A mapping proposed from the header's names; columns it does not recognise stay unmapped. */
export function guessMapping(header: string[]): ColumnMapping {
  return mapHeader(header, HEADER_ALIASES);
}

const STAGE_NAMES: Readonly<Record<string, ContactStage>> = {
  ...Object.fromEntries(contactStages.map((stage) => [stage, stage])),
  prospect: 'lead',
  新規: 'new',
  リード: 'lead',
  見込み客: 'lead',
  連絡済み: 'contacted',
  アプローチ済み: 'contacted',
  有望: 'qualified',
  商談中: 'qualified',
  顧客: 'customer',
  既存顧客: 'customer',
  解約: 'churned',
  離脱: 'churned',
};

const TAG_SEPARATORS = /[,;|、，；]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface ContactsCsvResult {
  header: string[];
  rows: ImportRow[];
  errors: CsvProblem[];
}

export interface ImportPreview extends ContactsCsvResult {
  /** How many data rows the file has in all, good and bad. */
  totalRows: number;
}

/** The header of a contacts file (its first non-empty line), for guessMapping and the mapping form. */
export function csvHeader(csv: string): string[] {
  return parseCsv(csv).records[0]?.cells.map((cell) => cell.trim()) ?? [];
}

/** Every row as it would be imported, and every row that cannot be, with its line and why. */
export function parseContactsCsv(csv: string, mapping: ColumnMapping): ContactsCsvResult {
  const { header, rows, errors } = readContactsCsv(csv, mapping);
  return { header, rows, errors };
}

/** The first `limit` rows as they would be imported, with the problems of the whole file. */
export function previewImport(csv: string, mapping: ColumnMapping, limit: number): ImportPreview {
  const result = readContactsCsv(csv, mapping);
  return { ...result, rows: result.rows.slice(0, Math.max(0, limit)) };
}

function readContactsCsv(csv: string, mapping: ColumnMapping): ImportPreview {
  const { header, records, problems } = splitFile(csv);
  const rows: ImportRow[] = [];
  const errors: CsvProblem[] = [...problems];
  for (const record of records) {
    const read = readRow(record, mapping, header.length);
    if (typeof read === 'string') errors.push({ line: record.line, reason: read });
    else rows.push(read);
  }
  return { header, rows, errors: errors.sort((a, b) => a.line - b.line), totalRows: records.length };
}

function splitFile(csv: string): { header: string[]; records: CsvRecord[]; problems: CsvProblem[] } {
  const { records, problems } = parseCsv(csv);
  const [first, ...rest] = records;
  if (first === undefined) return { header: [], records: [], problems: [{ line: 1, reason: 'the file is empty' }, ...problems] };
  return { header: first.cells.map((cell) => cell.trim()), records: rest.filter((record) => !isBlankRecord(record.cells)), problems };
}

function readRow(record: CsvRecord, mapping: ColumnMapping, width: number): ImportRow | string {
  const ragged = raggedReason(record.cells, width);
  if (ragged !== undefined) return ragged;
  const cell = (column: ContactColumn): string => {
    const index = mapping[column];
    return index === undefined ? '' : unprotectCell(cleanCell(record.cells[index] ?? ''));
  };

  const identity = readIdentity(cell('site'), cell('handle'), cell('profileUrl'));
  if (typeof identity === 'string') return identity;
  const stage = readStage(cell('stage'));
  if (typeof stage === 'string') return stage;
  const tags = readTags(cell('tags'));
  if (tags.some((tag) => tag.length > 40)) return 'tags: a tag is longer than 40 characters';

  const draft = {
    line: record.line,
    displayName: displayName(cell('name'), cell('firstName'), cell('lastName')) || identity?.handle || cell('email'),
    ...optional('identity', identity),
    ...optional('email', cell('email')),
    ...optional('phone', cell('phone')),
    ...optional('company', cell('company')),
    ...optional('position', cell('position')),
    ...optional('headline', cell('headline')),
    ...optional('tags', tags.length > 0 ? tags : undefined),
    ...stage,
    ...optional('note', cell('notes')),
  };
  const parsed = importRowSchema.safeParse(draft);
  return parsed.success ? parsed.data : importRowProblem(parsed.error);
}

function optional<K extends string, V>(key: K, value: V | undefined | ''): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

/** "山田 太郎" for Japanese names (family name first), "Jane Doe" otherwise. */
function displayName(name: string, first: string, last: string): string {
  if (name !== '') return name;
  const familyFirst = CJK.test(first) || CJK.test(last);
  return (familyFirst ? [last, first] : [first, last]).filter((part) => part !== '').join(' ');
}

function readIdentity(siteText: string, handle: string, url: string): ImportIdentity | undefined | string {
  if (url !== '') {
    const fromUrl = identityFromUrl(url);
    if (fromUrl === undefined) return `not a profile URL on LinkedIn, X, Facebook or Instagram: ${url}`;
    return fromUrl;
  }
  if (handle === '') return undefined;
  if (siteText === '') return `the handle ${handle} needs a site (linkedin, x, facebook or instagram)`;
  const site = siteFromName(siteText);
  if (site === undefined) return `unknown site: ${siteText} (expected linkedin, x, facebook or instagram)`;
  return identityFromHandle(site, handle) ?? `not a ${site} handle: ${handle}`;
}

function readStage(text: string): { stage?: ContactStage } | string {
  if (text === '') return {};
  const stage = STAGE_NAMES[text.normalize('NFKC').toLowerCase()];
  return stage === undefined ? `unknown stage: ${text} (expected ${contactStages.join(', ')})` : { stage };
}

function readTags(text: string): string[] {
  const tags = text.split(TAG_SEPARATORS).map((tag) => tag.trim()).filter((tag) => tag !== '');
  return [...new Set(tags)];
}
