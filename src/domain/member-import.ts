// Rules for member lists imported from the spreadsheets offices keep. Pure: the server reads the
// file, looks up cells and card numbers, and passes them in; this decides what each row means.
import { parseDayFirstDate } from './dates';
import { foldVietnamese, normaliseFullName } from './vietnamese-names';
import { restoreNeutralised } from './spreadsheet-text';
import { memberDateIssues, type MemberDateField } from './member-dates';

export const memberColumns = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Chi bộ',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Số thẻ đảng viên',
  'Điện thoại',
  'Email',
] as const;
/** Accepted on import and written on export, so that a list makes the round trip whole. */
export const optionalColumns = ['Miễn sinh hoạt'] as const;
export type MemberColumn = (typeof memberColumns)[number] | (typeof optionalColumns)[number];

export type CellValue = string | number | Date | null | undefined;

export interface ImportIssue {
  row: number; // the spreadsheet's row number (header is row 1)
  column: string | null;
  message: string;
}

export interface MemberDraft {
  row: number;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  joinedOn: string | null;
  officialOn: string | null;
  cellId: string;
  cardNumber: string | null;
  phone: string | null;
  email: string | null;
  exempt: boolean;
}

export interface ImportContext {
  /** Cells of the commune, keyed by folded name ("chi bo trang da 1") and short name ("trang da 1"). */
  cells: { id: string; name: string }[];
  /** Card numbers already used by members of other communes. */
  foreignCardNumbers: Set<string>;
  /** Vietnam's date: no date of a record may be after it. */
  today: string;
}

const dateColumn: Record<MemberDateField, MemberColumn> = { birthDate: 'Ngày sinh', joinedOn: 'Ngày vào Đảng', officialOn: 'Ngày chính thức' };

const key = (s: string) => foldVietnamese(s).replace(/\s+/gu, ' ').trim();

/** Maps each known column to its index; reports missing and unknown headers. */
export function readHeader(header: CellValue[]): { columns: Map<MemberColumn, number>; issues: ImportIssue[] } {
  const known = new Map<string, MemberColumn>([...memberColumns, ...optionalColumns].map((c) => [key(c), c]));
  const columns = new Map<MemberColumn, number>();
  const issues: ImportIssue[] = [];
  header.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const column = known.get(key(text));
    if (!column) issues.push({ row: 1, column: text, message: `Cột "${text}" không đúng mẫu. Các cột phải là: ${memberColumns.join(', ')}.` });
    else if (columns.has(column)) issues.push({ row: 1, column: text, message: `Cột "${text}" bị lặp lại.` });
    else columns.set(column, index);
  });
  for (const column of memberColumns) {
    if (column !== 'STT' && !columns.has(column)) issues.push({ row: 1, column, message: `Thiếu cột "${column}".` });
  }
  return { columns, issues };
}

export function validateMemberRows(
  rows: { row: number; values: CellValue[] }[],
  columns: Map<MemberColumn, number>,
  context: ImportContext,
): { drafts: MemberDraft[]; issues: ImportIssue[] } {
  const cellIndex = new Map<string, { id: string; name: string }>();
  for (const cell of context.cells) {
    cellIndex.set(key(cell.name), cell);
    cellIndex.set(key(cell.name.replace(/^chi bộ\s+/iu, '')), cell);
  }
  const seenCards = new Map<string, number>();
  const drafts: MemberDraft[] = [];
  const issues: ImportIssue[] = [];

  for (const { row, values } of rows) {
    const get = (c: MemberColumn) => cellText(values[columns.get(c) ?? -1]);
    const rowIssues: ImportIssue[] = [];
    const fail = (column: MemberColumn, message: string) => rowIssues.push({ row, column, message });

    const fullName = normaliseFullName(get('Họ và tên'));
    if (!fullName) fail('Họ và tên', 'Thiếu họ và tên.');
    else if (fullName.split(' ').length < 2) fail('Họ và tên', `Họ và tên "${fullName}" phải có cả họ và tên.`);

    const genderText = key(get('Giới tính'));
    const gender = genderText === 'nam' ? 'male' : genderText === 'nu' ? 'female' : null;
    if (!gender) fail('Giới tính', `Giới tính "${get('Giới tính')}" không hợp lệ (ghi "Nam" hoặc "Nữ").`);

    const cellName = get('Chi bộ');
    const cell = cellName ? cellIndex.get(key(cellName)) : undefined;
    if (!cellName) fail('Chi bộ', 'Thiếu tên chi bộ.');
    else if (!cell) fail('Chi bộ', `Không có chi bộ "${cellName}" trong đảng bộ.`);

    const dates = {
      birthDate: readDate(values[columns.get('Ngày sinh') ?? -1], 'Ngày sinh', fail),
      joinedOn: readDate(values[columns.get('Ngày vào Đảng') ?? -1], 'Ngày vào Đảng', fail),
      officialOn: readDate(values[columns.get('Ngày chính thức') ?? -1], 'Ngày chính thức', fail),
    };
    for (const issue of memberDateIssues(dates, context.today)) fail(dateColumn[issue.field], issue.message);

    const cardNumber = get('Số thẻ đảng viên').replace(/\s+/gu, '') || null;
    if (cardNumber) {
      const first = seenCards.get(cardNumber);
      if (first) fail('Số thẻ đảng viên', `Số thẻ ${cardNumber} trùng với dòng ${first}.`);
      else seenCards.set(cardNumber, row);
      if (context.foreignCardNumbers.has(cardNumber)) fail('Số thẻ đảng viên', `Số thẻ ${cardNumber} đã thuộc về đảng viên của đơn vị khác.`);
    }

    const email = get('Email') || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) fail('Email', `Email "${email}" không hợp lệ.`);
    const phone = get('Điện thoại').replace(/[\s.]/gu, '') || null;
    if (phone && !/^\+?\d{8,15}$/u.test(phone)) fail('Điện thoại', `Số điện thoại "${get('Điện thoại')}" không hợp lệ.`);
    const exemptText = key(get('Miễn sinh hoạt'));

    if (rowIssues.length > 0 || !gender || !cell) {
      issues.push(...rowIssues);
      continue;
    }
    drafts.push({ row, fullName, gender, ...dates, cellId: cell.id, cardNumber, phone, email, exempt: ['co', 'x', 'mien'].includes(exemptText) });
  }
  return { drafts, issues };
}

function readDate(value: CellValue, column: MemberColumn, fail: (c: MemberColumn, m: string) => void): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail(column, `${column} không hợp lệ.`), null;
    return value.toISOString().slice(0, 10);
  }
  const text = cellText(value);
  if (!text) return null;
  const parsed = parseDayFirstDate(text);
  if (parsed.ok) return parsed.iso;
  fail(column, parsed.reason === 'impossible' ? `${column} "${text}" không tồn tại.` : `${column} "${text}" không đúng dạng ngày/tháng/năm.`);
  return null;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return restoreNeutralised(String(value).normalize('NFC').trim());
}

/** True when a row of the sheet holds nothing (trailing empty lines are common in Excel files). */
export function isBlankRow(values: CellValue[]): boolean {
  return values.every((v) => cellText(v) === '');
}
