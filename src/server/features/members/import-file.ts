// Reads a spreadsheet (a member list, the organisation tree) from XLSX (exceljs) or CSV (csv-parse),
// recognised by content, not extension, behind the zip guard. Errors carry the caller's id prefix.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { badRequest, megabytes, payloadTooLarge, unsupportedMedia } from '../../errors';
import { inspectZip, isZip, type ZipLimits } from '../../files/zip-guard';
import { textFault } from '../../text-guard';
import { type CellValue, cellText, columnFor, isBlankRow } from '../../../domain/member-import';

export const MAX_MEMBER_FILE_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;
/** A 20,000-row list inflates to some tens of MB; a zip bomb to gigabytes. */
const XLSX_LIMITS: ZipLimits = { maxEntries: 2_000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 150 * 1024 * 1024, maxRatio: 100 };

export interface Sheet {
  header: CellValue[];
  /** The header's row number in the spreadsheet. */
  headerRow: number;
  rows: { row: number; values: CellValue[] }[];
}

/** How a kind of list is read: its error ids' prefix, its header row, what its rows are called. */
export interface SheetKind {
  prefix: string;
  /** Whether a cell of a row names the column that marks the header ("Họ và tên"). */
  isHeaderCell: (text: string) => boolean;
  /** "đảng viên nào", "đơn vị nào": said when the file has a header and no row. */
  noRows: string;
}

const memberSheet: SheetKind = { prefix: 'members-import', isHeaderCell: (t) => columnFor(t) === 'Họ và tên', noRows: 'đảng viên nào' };

export const readMemberSheet = (bytes: Buffer): Promise<Sheet> => readSheet(bytes, memberSheet);

export async function readSheet(bytes: Buffer, kind: SheetKind): Promise<Sheet> {
  if (bytes.length === 0) throw badRequest(`${kind.prefix}.empty`, 'Tệp tải lên không có nội dung.');
  if (bytes.length > MAX_MEMBER_FILE_BYTES) throw payloadTooLarge(megabytes(MAX_MEMBER_FILE_BYTES));
  if (isZip(bytes)) return checkText(await readXlsx(bytes, kind), kind);
  const text = decodeText(bytes);
  if (text === null) {
    throw unsupportedMedia(`${kind.prefix}.unsupported-type`, 'Tệp không phải Excel (.xlsx) hoặc CSV. Hãy lưu danh sách dưới dạng .xlsx hoặc .csv (UTF-8).');
  }
  return checkText(readCsv(text, kind), kind);
}

/**
 * A list's text follows the rules of text sent in a form (text-guard.ts): a control character (a
 * bell, an escape, NUL written as Excel's "_x0000_") or a broken surrogate refuses the file, naming
 * the row and the column, before anything is stored.
 */
function checkText(sheet: Sheet, kind: SheetKind): Sheet {
  for (const { row, values } of [{ row: sheet.headerRow, values: sheet.header }, ...sheet.rows]) {
    values.forEach((value, i) => {
      const fault = typeof value === 'string' ? textFault(value) : null;
      if (!fault) return;
      const column = cellText(sheet.header[i] ?? null) || `số ${i + 1}`;
      throw badRequest(
        `${kind.prefix}.${fault === 'control' ? 'control-character' : 'invalid-unicode'}`,
        `Dòng ${row}, cột ${column}: ô có ${fault === 'control' ? 'ký tự điều khiển không hợp lệ' : 'ký tự Unicode không hợp lệ'}. Hãy xóa ký tự đó trong tệp rồi tải lên lại.`,
        { row, column },
      );
    });
  }
  return sheet;
}

function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return null;
  }
}

async function readXlsx(bytes: Buffer, kind: SheetKind): Promise<Sheet> {
  const verdict = inspectZip(bytes, XLSX_LIMITS);
  if (verdict === 'bomb') throw badRequest(`${kind.prefix}.zip-bomb`, 'Tệp Excel bị từ chối: nội dung nén quá lớn hoặc có tỉ lệ nén bất thường.');
  if (verdict === 'bad') throw badRequest(`${kind.prefix}.bad-xlsx`, 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badRequest(`${kind.prefix}.bad-xlsx`, 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw badRequest(`${kind.prefix}.empty`, 'Tệp Excel không có dữ liệu.');
  if (sheet.rowCount > MAX_ROWS) throw badRequest(`${kind.prefix}.too-many-rows`, `Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);
  const all: { row: number; values: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = plainValue(cell.value);
    });
    all.push({ row: rowNumber, values });
  });
  return splitHeader(all, kind);
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Có' : '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

function readCsv(text: string, kind: SheetKind): Sheet {
  let records: string[][];
  try {
    // Offices' CSVs come from Excel: comma or semicolon, depending on the machine's regional settings.
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter = (firstLine.match(/;/gu)?.length ?? 0) > (firstLine.match(/,/gu)?.length ?? 0) ? ';' : ',';
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch {
    throw badRequest(`${kind.prefix}.bad-csv`, 'Không đọc được tệp CSV: dấu ngoặc kép hoặc dấu phân cách không đúng.');
  }
  if (records.length > MAX_ROWS) throw badRequest(`${kind.prefix}.too-many-rows`, `Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);
  return splitHeader(records.map((values, i) => ({ row: i + 1, values })), kind);
}

function splitHeader(all: { row: number; values: CellValue[] }[], kind: SheetKind): Sheet {
  const nonBlank = all.filter((r) => !isBlankRow(r.values));
  // Lists often open with a title ("DANH SÁCH ĐẢNG VIÊN …"): the header is the row naming "Họ và tên"
  // (or "Họ tên", or another of its synonyms; "Tên đơn vị" for the tree).
  const headerAt = nonBlank.slice(0, 10).findIndex((r) => r.values.some((v) => kind.isHeaderCell(cellText(v))));
  const rows = headerAt > 0 ? nonBlank.slice(headerAt) : nonBlank;
  const [first, ...rest] = rows;
  if (!first) throw badRequest(`${kind.prefix}.empty`, 'Tệp không có dữ liệu.');
  if (rest.length === 0) throw badRequest(`${kind.prefix}.no-rows`, `Tệp chỉ có dòng tiêu đề, không có ${kind.noRows}.`);
  return { header: first.values, headerRow: first.row, rows: rest };
}
