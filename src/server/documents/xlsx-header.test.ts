// A page header naming a unit with "&" ("Văn hóa & Xã hội") survives the XLSX files we write: the
// ampersand is stored doubled (a literal for Excel, not a control code) and reads back as the name.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { xlsxHeaderFooterText } from './xlsx-header';
import { treeToXlsx } from '../features/units/tree-file';
import { membersToXlsx } from '../features/members/export';
import { cellRecordXlsx } from '../features/reflections/record-export';

const NAME = 'Chi bộ Văn hóa & Xã hội';
/** What Excel prints for a header text as stored (&& is a literal ampersand). */
const printedHeaderFooterText = (stored: string) => stored.replaceAll('&&', '&');

async function oddHeaderOf(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets[0]!.headerFooter.oddHeader ?? '';
}

describe('XLSX header and footer text', () => {
  it('doubles every ampersand, and nothing else', () => {
    expect(xlsxHeaderFooterText('A & B && C')).toBe('A && B &&&& C');
    expect(xlsxHeaderFooterText('Đảng ủy phường Nông Tiến')).toBe('Đảng ủy phường Nông Tiến');
    expect(printedHeaderFooterText(xlsxHeaderFooterText('A & B && C'))).toBe('A & B && C');
  });

  it('a unit named with "&" round-trips through the units tree, the member list and the study record', async () => {
    const files = [
      await treeToXlsx([], `Cây tổ chức — ${NAME}`),
      await membersToXlsx([], `Danh sách đảng viên — ${NAME}`),
      (await cellRecordXlsx({ name: NAME }, 2026, [])).bytes,
    ];
    const headers = await Promise.all(files.map(oddHeaderOf));
    expect(headers).toEqual([`Cây tổ chức — Chi bộ Văn hóa && Xã hội`, `Danh sách đảng viên — Chi bộ Văn hóa && Xã hội`, `Kết quả học tập nghị quyết năm 2026 – Chi bộ Văn hóa && Xã hội`]);
    for (const header of headers) {
      expect(header.replaceAll('&&', '')).not.toContain('&'); // no lone ampersand: no control code
      expect(printedHeaderFooterText(header)).toContain(NAME);
    }
  });
});
