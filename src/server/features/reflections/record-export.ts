// The yearly record as files: a cell's XLSX for the year-end evaluation (one row per member, the
// resolutions across), and one member's one-page summary through the shared document model (DOCX).
// Cell values are written as text (never formulas): "<script>" or "=1+1" in a name shows as written.
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client';
import { todayInVietnam } from '../../../domain/dates';
import { countStudyAttendance } from '../../../domain/study-record';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { now } from '../../clock';
import { attendanceText, buildMemberRecord, quizText, reflectionText } from '../../documents/member-record';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { loadUnit } from '../units/service';
import type { Unit } from '../units/tables';
import type { RecordRow } from './record';
import { xlsxHeaderFooterText } from '../../documents/xlsx-header';

const slug = (text: string) => removeDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
/** A text cell that a spreadsheet never reads as a formula. */
const text = (value: string) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value);

export interface CellRecordEntry {
  member: { id: string; fullName: string; exempt: boolean };
  rows: RecordRow[];
}

export async function cellRecordXlsx(unit: Pick<Unit, 'name'>, year: number, entries: readonly CellRecordEntry[]): Promise<{ bytes: Buffer; fileName: string }> {
  // The resolutions of the year across, in the order they were issued.
  const columns = new Map<string, { number: string; planNumber: string | null }>();
  for (const e of entries) for (const r of e.rows) if (!columns.has(`${r.planId}:${r.resolutionId}`)) columns.set(`${r.planId}:${r.resolutionId}`, { number: r.number, planNumber: r.planNumber });
  const keys = [...columns.keys()];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QuánTriệt';
  const sheet = workbook.addWorksheet(`Năm ${year}`, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const perResolution = ['Dự học tập', 'Bài thu hoạch', 'Trắc nghiệm'];
  const totals = ['Có mặt', 'Đến muộn', 'Học bù', 'Vắng có lý do', 'Vắng không lý do', 'Bài thu hoạch đã nộp', 'Nộp trễ hạn', 'Bài đạt'];
  const top = sheet.addRow(['STT', 'Họ và tên', ...keys.flatMap((k) => [text(columns.get(k)!.number), '', '']), 'Tổng hợp năm', ...totals.slice(1).map(() => '')]);
  const second = sheet.addRow(['', '', ...keys.flatMap(() => perResolution), ...totals]);
  top.font = { bold: true };
  second.font = { bold: true };
  keys.forEach((_, i) => sheet.mergeCells(1, 3 + i * 3, 1, 5 + i * 3));
  const totalStart = 3 + keys.length * 3;
  sheet.mergeCells(1, totalStart, 1, totalStart + totals.length - 1);
  entries.forEach((e, index) => {
    const byKey = new Map(e.rows.map((r) => [`${r.planId}:${r.resolutionId}`, r]));
    const counts = countStudyAttendance(e.rows.map((r) => r.attendance));
    const cells = keys.flatMap((k) => {
      const r = byKey.get(k);
      return r ? [attendanceText(r.attendance), reflectionText(r.reflection), quizText(r.quiz)] : ['—', '—', '—'];
    });
    sheet.addRow([
      index + 1,
      text(e.member.fullName + (e.member.exempt ? ' (miễn sinh hoạt)' : '')),
      ...cells,
      counts.present,
      counts.late,
      counts['made-up'],
      counts.excused,
      counts.absent,
      e.rows.filter((r) => r.reflection).length,
      e.rows.filter((r) => r.reflection?.late).length,
      e.rows.filter((r) => r.reflection?.review?.result === 'passed').length,
    ]);
  });
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 28;
  for (let c = 3; c < totalStart; c += 1) sheet.getColumn(c).width = 16;
  for (let c = totalStart; c < totalStart + totals.length; c += 1) sheet.getColumn(c).width = 12;
  sheet.headerFooter.oddHeader = xlsxHeaderFooterText(`Kết quả học tập nghị quyết năm ${year} – ${unit.name}`);
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `ket-qua-hoc-tap-${year}-${slug(unit.name)}.xlsx` };
}

/** The member's one-page summary, headed by their cell, signed by its secretary. */
export async function memberRecordDocument(
  db: DbOrTx,
  input: { tenantId: string; cellName: string; fullName: string; year: number; rows: RecordRow[]; secretaryName: string },
): Promise<{ model: DocumentModel; fileName: string }> {
  const commune = await loadUnit(db, input.tenantId);
  const settings = await loadCommuneSettings(db, commune);
  const model = buildMemberRecord({
    communeIssuer: settings.issuerName,
    place: settings.placeName,
    cellName: input.cellName,
    fullName: input.fullName,
    year: input.year,
    date: todayInVietnam(now()),
    rows: input.rows,
    secretaryName: input.secretaryName,
    spelling: settings.uySpelling,
  });
  return { model, fileName: `ket-qua-hoc-tap-${input.year}-${slug(input.fullName)}.docx` };
}
