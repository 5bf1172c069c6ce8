// Rules for member lists imported from the spreadsheets offices keep. Pure: the server reads the
// file, looks up cells and card numbers, and passes them in; this decides what each row means.
import { parseDayFirstDate } from './dates';
import { foldVietnamese, normaliseFullName } from './vietnamese-names';
import { restoreNeutralised } from './spreadsheet-text';
import { memberDateIssues, type MemberDateField } from './member-dates';
import { suggestNames } from './name-matching';

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
export const allColumns: readonly MemberColumn[] = [...memberColumns, ...optionalColumns];

/** Other headers offices write for the same columns, folded; "Họ tên" is "Họ và tên". */
const columnSynonyms: Record<MemberColumn, string[]> = {
  STT: ['tt', 'so tt', 'so thu tu'],
  'Họ và tên': ['ho ten', 'ho va ten dang vien', 'ho ten dang vien'],
  'Ngày sinh': ['sinh ngay', 'ngay thang nam sinh', 'ngay/thang/nam sinh'],
  'Giới tính': ['gioi', 'nam/nu', 'nam, nu'],
  'Chi bộ': ['chi bo sinh hoat', 'sinh hoat tai chi bo', 'ten chi bo'],
  'Ngày vào Đảng': ['ngay ket nap', 'ngay ket nap dang', 'ngay vao dang cong san viet nam'],
  'Ngày chính thức': ['ngay cong nhan chinh thuc', 'ngay chuyen chinh thuc', 'ngay dang vien chinh thuc'],
  'Số thẻ đảng viên': ['so the', 'so the dang', 'so the dv', 'the dang vien', 'so the dang vien'],
  'Điện thoại': ['sdt', 'so dt', 'dt', 'so dien thoai', 'dien thoai di dong'],
  Email: ['e-mail', 'thu dien tu', 'dia chi email'],
  'Miễn sinh hoạt': ['mien sh', 'mien sinh hoat dang'],
};
const columnsByKey = new Map<string, MemberColumn>(
  allColumns.flatMap((c) => [[key(c), c] as const, ...columnSynonyms[c].map((s) => [s, c] as const)]),
);

/** The column a header names, by its own name or a known synonym; undefined for an unknown header. */
export function columnFor(header: string): MemberColumn | undefined {
  return columnsByKey.get(key(header));
}

/** Columns an unknown header may mean, best first (every column not yet taken follows in the UI). */
export function suggestColumns(header: string, taken: ReadonlySet<MemberColumn>): MemberColumn[] {
  const names = allColumns.filter((c) => !taken.has(c)).flatMap((c) => [c, ...columnSynonyms[c]].map((name) => ({ c, name })));
  const ranked = suggestNames(header, names, (n) => n.name, { limit: 20, min: 0.3 });
  return [...new Set(ranked.map((r) => r.item.c))].slice(0, 3);
}

/** Party card numbers as stored: the digits and letters without spaces ("0999 0001" → "09990001"). */
export function normaliseCardNumber(value: CellValue): string | null {
  return cellText(value).replace(/\s+/gu, '') || null;
}

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
  /** Names written in the file → cell id, as the user mapped them (remembered or just chosen). */
  cellMappings?: ReadonlyMap<string, string>;
}

/** A cell name of the file that is not a cell's name: where it appears and what it was mapped to. */
export interface CellNameUse {
  name: string;
  rows: number[];
  count: number;
  cellId: string | null;
}

const dateColumn: Record<MemberDateField, MemberColumn> = { birthDate: 'Ngày sinh', joinedOn: 'Ngày vào Đảng', officialOn: 'Ngày chính thức' };

function key(s: string) {
  return foldVietnamese(s.normalize('NFC')).replace(/\s+/gu, ' ').trim();
}

/** The same name as the file writes it, for keys of mappings: case, spacing and diacritics aside. */
export const mappingKey = key;

/**
 * Maps each known column to its index; reports missing and unknown headers. `mappings` (header as
 * written → column) names the columns of headers that are neither a column nor a known synonym.
 */
export function readHeader(
  header: CellValue[],
  mappings: Readonly<Record<string, MemberColumn>> = {},
): { columns: Map<MemberColumn, number>; issues: ImportIssue[]; unknown: string[] } {
  const chosen = new Map(Object.entries(mappings).map(([k, v]) => [key(k), v]));
  const columns = new Map<MemberColumn, number>();
  const issues: ImportIssue[] = [];
  const unknown: string[] = [];
  header.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const column = columnFor(text) ?? chosen.get(key(text));
    if (!column) unknown.push(text);
    if (!column) issues.push({ row: 1, column: text, message: `Cột "${text}" không đúng mẫu. Các cột phải là: ${memberColumns.join(', ')}.` });
    else if (columns.has(column)) issues.push({ row: 1, column: text, message: `Cột "${text}" bị lặp lại.` });
    else columns.set(column, index);
  });
  for (const column of memberColumns) {
    if (column !== 'STT' && !columns.has(column)) issues.push({ row: 1, column, message: `Thiếu cột "${column}".` });
  }
  return { columns, issues, unknown };
}

export function validateMemberRows(
  rows: { row: number; values: CellValue[] }[],
  columns: Map<MemberColumn, number>,
  context: ImportContext,
): { drafts: MemberDraft[]; issues: ImportIssue[]; cellNames: CellNameUse[] } {
  const cellIndex = new Map<string, { id: string; name: string }>();
  for (const cell of context.cells) {
    cellIndex.set(key(cell.name), cell);
    cellIndex.set(key(cell.name.replace(/^chi bộ\s+/iu, '')), cell);
  }
  const byId = new Map(context.cells.map((c) => [c.id, c]));
  const mapped = new Map([...(context.cellMappings ?? [])].map(([name, id]) => [key(name), byId.get(id)]));
  const cellNames = new Map<string, CellNameUse>();
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
    let cell = cellName ? cellIndex.get(key(cellName)) : undefined;
    if (!cellName) fail('Chi bộ', 'Thiếu tên chi bộ.');
    else if (!cell) {
      // An unknown name is reported once for all its rows (below), not once per row.
      cell = mapped.get(key(cellName));
      const use = cellNames.get(key(cellName)) ?? { name: cellName, rows: [], count: 0, cellId: cell?.id ?? null };
      use.rows.push(row);
      use.count++;
      cellNames.set(key(cellName), use);
    }

    const dates = {
      birthDate: readDate(values[columns.get('Ngày sinh') ?? -1], 'Ngày sinh', fail),
      joinedOn: readDate(values[columns.get('Ngày vào Đảng') ?? -1], 'Ngày vào Đảng', fail),
      officialOn: readDate(values[columns.get('Ngày chính thức') ?? -1], 'Ngày chính thức', fail),
    };
    for (const issue of memberDateIssues(dates, context.today)) fail(dateColumn[issue.field], issue.message);

    const cardNumber = normaliseCardNumber(values[columns.get('Số thẻ đảng viên') ?? -1]);
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
  for (const use of cellNames.values()) {
    if (use.cellId) continue;
    const where = use.count === 1 ? '' : ` (${use.count} dòng)`;
    issues.push({ row: use.rows[0]!, column: 'Chi bộ', message: `Không có chi bộ "${use.name}" trong đảng bộ${where}. Hãy chọn chi bộ tương ứng.` });
  }
  issues.sort((a, b) => a.row - b.row);
  return { drafts, issues, cellNames: [...cellNames.values()] };
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
