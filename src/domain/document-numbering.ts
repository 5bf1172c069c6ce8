// Numbers, symbols and date lines of Party documents (Hướng dẫn 36-HD/VPTW): pure formatting, no I/O.
// The documents layer prints these strings as they are; what is counted per which period is in
// document-types.ts, the counting itself in server/documents/numbering.ts.
import { parseIsoDate } from './dates';

export { isValidIsoDate, parseIsoDate } from './dates';

/** "Số 45-KH/ĐU": no colon after "Số". `symbol` is "KH/ĐU" or "-KH/ĐU". */
export function formatPlanNumber(n: number, symbol: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số văn bản không hợp lệ: ${n}`);
  return `Số ${n}${withDash(symbol)}`;
}

/**
 * The number line of a document header. `number` is the full number and symbol ("45-KH/ĐU") or null
 * for an unissued draft, which prints a blank to be filled in by hand: "Số    -KH/ĐU".
 */
export function formatNumberLine(number: string | null, symbol: string, blank = '    '): string {
  // `blank` is the whole gap between "Số" and the symbol.
  if (number === null || number.trim() === '') return `Số${blank}${withDash(symbol)}`;
  const trimmed = number.trim().replace(/^Số:?\s*/u, '');
  return /^\d+$/.test(trimmed) ? formatPlanNumber(Number(trimmed), symbol) : `Số ${trimmed}`;
}

function withDash(symbol: string): string {
  const s = symbol.trim();
  return s.startsWith('-') ? s : `-${s}`;
}

/** "KH/ĐU": the type of document's abbreviation, then the issuer's. */
export function documentSymbol(docType: string, issuerAbbreviation: string): string {
  return `${docType}/${issuerAbbreviation}`;
}

/**
 * The issuer's abbreviation in a document symbol, from its name: "Đảng ủy phường Nông Tiến" → "ĐU",
 * "Chi bộ Tổ dân phố 3" → "CB", "Đảng bộ …" → "ĐB". Unknown kinds of issuer fall back to "ĐU", the
 * commune/ward committee this product is for; an organisation setting can always override it.
 */
export function issuerAbbreviation(issuer: string): string {
  const name = issuer.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (/^chi bộ(?!\p{L})/u.test(name)) return 'CB';
  if (/^đảng bộ(?!\p{L})/u.test(name)) return 'ĐB';
  return 'ĐU';
}

/** The gaps of an undated draft's date line, each the whole space between two words. */
export interface DateLineBlanks {
  day: string;
  month: string;
  year: string;
}

const DEFAULT_BLANKS: DateLineBlanks = { day: '    ', month: '    ', year: '20…' };

/**
 * "Nông Tiến, ngày 15 tháng 5 năm 2026". Days below 10 and the months January and February take a
 * leading zero ("ngày 05 tháng 01 năm 2027"), so nobody can add a digit by hand. An undated draft
 * (`date` null) prints blanks: "Nông Tiến, ngày    tháng    năm 20…".
 * `date` is an ISO date (YYYY-MM-DD); an impossible date throws.
 */
export function formatDateLine(place: string, date: string | null, blanks: DateLineBlanks = DEFAULT_BLANKS): string {
  const prefix = place.trim() ? `${place.trim()}, ngày` : 'Ngày';
  if (date === null) return `${prefix}${blanks.day}tháng${blanks.month}năm ${blanks.year}`;
  const { year, month, day } = parseIsoDate(date);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${prefix} ${dd} tháng ${mm} năm ${year}`;
}
