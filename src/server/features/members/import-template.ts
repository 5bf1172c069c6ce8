// The member list's template as an Excel workbook: the header row and one example row, with the
// date and number columns kept as text so Excel neither turns "03/02/2005" into a US date nor drops
// the leading zero of a card number.
import ExcelJS from 'exceljs';
import { allColumns } from '../../../domain/member-import';

const example = ['1', 'Nguyễn Văn An', '15/05/1980', 'Nam', 'Chi bộ Tổ dân phố 1', '03/02/2005', '03/02/2006', '01000001', '0912345678', 'an.nv@example.vn', ''];
const widths = [6, 28, 12, 9, 28, 14, 14, 16, 14, 26, 14];

export async function memberTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QuánTriệt';
  const sheet = workbook.addWorksheet('Đảng viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = allColumns.map((header, i) => ({ header, width: widths[i], style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
