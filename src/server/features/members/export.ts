// Exports a unit's members in the same columns offices import, as XLSX or CSV.
import ExcelJS from 'exceljs';
import { formatDayFirst } from '../../../domain/dates';
import { memberColumns, optionalColumns } from '../../../domain/member-import';
import type { MemberDto } from './schema';
import { toCsv } from '../../files/csv';
import { xlsxHeaderFooterText } from '../../documents/xlsx-header';

const header = [...memberColumns, ...optionalColumns];

function toRow(m: MemberDto, index: number): (string | number)[] {
  return [
    index + 1,
    m.fullName,
    formatDayFirst(m.birthDate),
    m.gender === 'male' ? 'Nam' : 'Nữ',
    m.cellName,
    formatDayFirst(m.joinedOn),
    formatDayFirst(m.officialOn),
    m.cardNumber ?? '',
    m.phone ?? '',
    m.email ?? '',
    m.exempt ? 'Có' : '',
  ];
}

export async function membersToXlsx(list: MemberDto[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QuánTriệt';
  const sheet = workbook.addWorksheet('Đảng viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  list.forEach((m, i) => sheet.addRow(toRow(m, i)));
  sheet.columns.forEach((col, i) => {
    col.width = [6, 28, 12, 9, 28, 14, 14, 16, 14, 26, 14][i];
  });
  sheet.headerFooter.oddHeader = xlsxHeaderFooterText(title);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function membersToCsv(list: MemberDto[]): Buffer {
  return toCsv([[...header], ...list.map(toRow)]);
}
