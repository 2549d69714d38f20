const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4})$/i; // 25 Nov 2026 (LinkedIn's export)
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i; // Nov 25, 2026
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const JAPANESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * A calendar date written as LinkedIn writes it ("25 Nov 2026"), as ISO ("2026-11-25"), as
 * "Nov 25, 2026" or as "2026年11月25日", given as 'YYYY-MM-DD'; undefined when it is none of these
 * or not a real date. Slashed dates are refused: 03/04/2026 is March or April depending on who wrote it.
 */
export function parseCalendarDate(text: string): string | undefined {
  const value = text.trim().normalize('NFKC');
  let match = DAY_MONTH_YEAR.exec(value);
  if (match) return isoDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  match = MONTH_DAY_YEAR.exec(value);
  if (match) return isoDate(Number(match[3]), monthNumber(match[1]), Number(match[2]));
  match = ISO_DATE.exec(value) ?? JAPANESE_DATE.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return undefined;
}

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTHS[name.toLowerCase()];
}

function isoDate(year: number, month: number | undefined, day: number): string | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1 || year < 1000) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
