// The ward's consolidated report (Báo cáo kết quả học tập, quán triệt …, "Số …-BC/ĐU") on the shared
// layout: the figures of the plan's consolidation written into sentences ("Đến ngày 05/6/2026, 44/46
// chi bộ (95,7 %) đã tổ chức học tập …"), the members' figures, the ratings, the per-cell table, the
// ward's difficulties and proposals; signed "T/M BAN THƯỜNG VỤ". And the per-cell table as XLSX.
import ExcelJS from 'exceljs';
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { formatDayFirst, todayInVietnam } from '../../domain/dates';
import { formatCount, formatRate, rate, reportStatusNames, type Consolidation } from '../../domain/report-figures';
import { formatPoints } from '../../domain/rubrics';
import { propagandaTableTitles, propagandaTableValues, type TotalsByChannel } from '../../domain/propaganda';
import { propagandaBlocks } from './propaganda-totals';
import type { Block, DocumentModel } from './model';
import { buildHeader, buildRecipients, buildSignature, defaultSignature } from './parts';
import { LAYOUT, type UySpelling } from './layout';

export interface ConsolidatedReportInput {
  /** "Đảng ủy phường Nông Tiến". */
  communeIssuer: string;
  /** "Đảng bộ tỉnh Tuyên Quang". */
  superior: string;
  place: string;
  /** "Số …-BC/ĐU": as the office wrote it ("12"), empty for a blank to fill in. */
  number: string;
  /** The report's date; also "Đến ngày …" of the figures. */
  reportDate: string;
  /** "Nghị quyết số 91-NQ/TU". */
  resolution: string;
  /** "Kế hoạch số 1-KH/ĐU". */
  planReference: string;
  consolidation: Pick<Consolidation, 'expected' | 'submitted' | 'onTime' | 'late' | 'missing' | 'completeness' | 'timeliness' | 'members' | 'ratings' | 'cells'>;
  difficulties: string;
  proposals: string;
  /** The plan's propaganda totals by channel (GET /api/plans/:id/propaganda/totals), as submitted once submitted. */
  propaganda?: TotalsByChannel;
  /** "Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo)", … */
  recipients: string[];
  spelling?: UySpelling;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text }] });
const bullet = (text: string): Block => ({ kind: 'bullet', inlines: [{ text }] });
const paragraphs = (text: string, empty: string): Block[] => {
  const list = text.split(/\n/u).map((t) => t.trim()).filter(Boolean);
  return list.length ? list.map(paragraph) : [paragraph(empty)];
};

/** "1.112/1.180 (94,2 %)". */
export const fractionPhrase = (part: number, whole: number) => `${formatCount(part)}/${formatCount(whole)} (${formatRate(rate(part, whole))})`;

type Cell = ConsolidatedReportInput['consolidation']['cells'][number];
/** An instant's day in Vietnam, "05/06/2026". */
const formatInstantDay = (iso: string) => formatDayFirst(todayInVietnam(new Date(iso)));
const statusName = (c: Cell) => (c.status === 'missing' ? 'Chưa lập' : reportStatusNames[c.status]);
const onTimeName = (c: Cell) => (c.onTime === null ? '—' : c.onTime ? 'Đúng hạn' : 'Muộn');

/** The per-cell table's rows, the same in the DOCX and the XLSX. */
export function cellTableRows(cells: readonly Cell[]): string[][] {
  return cells.map((c, i) => [
    String(i + 1),
    c.unitName,
    statusName(c),
    c.submittedAt ? formatInstantDay(c.submittedAt) : '—',
    onTimeName(c),
    c.total === null || c.status === 'missing' ? '—' : formatPoints(c.total),
    c.status === 'missing' ? '—' : (c.rating ?? '—'),
  ]);
}

export const cellTableTitles = ['STT', 'Chi bộ', 'Trạng thái', 'Ngày gửi', 'Đúng hạn', 'Điểm', 'Xếp loại'] as const;

export function buildConsolidatedReport(input: ConsolidatedReportInput): DocumentModel {
  const type = DOCUMENT_TYPES.report;
  const spelling = input.spelling ?? LAYOUT.spelling;
  const c = input.consolidation;
  const m = c.members;
  const attended = m.present + m.late;
  const day = formatDayFirst(input.reportDate);
  const ratings = Object.entries(c.ratings);
  const rated = ratings.reduce((n, [, k]) => n + k, 0);
  const body: Block[] = [
    paragraph(`Thực hiện ${input.planReference} của Ban Thường vụ ${input.communeIssuer} về học tập, quán triệt ${input.resolution}, Ban Thường vụ ${input.communeIssuer} báo cáo kết quả như sau:`),
    { kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
    { kind: 'heading', level: 2, text: '1. Công tác tổ chức học tập, quán triệt ở các chi bộ' },
    paragraph(
      `Đến ngày ${day}, ${fractionPhrase(c.submitted, c.expected)} chi bộ đã tổ chức học tập và gửi báo cáo kết quả, trong đó ${formatCount(c.onTime)} chi bộ gửi đúng hạn (${formatRate(c.timeliness)}), ${formatCount(c.late)} chi bộ gửi muộn; còn ${formatCount(c.missing)} chi bộ chưa báo cáo.`,
    ),
    { kind: 'heading', level: 2, text: '2. Số lượng đảng viên tham gia' },
    paragraph(
      `${fractionPhrase(attended, m.expected)} đảng viên tham gia học tập, quán triệt (trong đó đến muộn ${formatCount(m.late)}); vắng có lý do ${formatCount(m.excused)}, vắng không lý do ${formatCount(m.absent)}; đã học bù ${formatCount(m.madeUp)} đồng chí, nâng số đảng viên đã học tập lên ${fractionPhrase(attended + m.madeUp, m.expected)}.`,
    ),
    { kind: 'heading', level: 2, text: '3. Kết quả tự chấm điểm, đánh giá chất lượng' },
    ...(rated === 0
      ? [paragraph('Chưa có báo cáo của chi bộ nào được chấm điểm.')]
      : [
          paragraph(`Trong ${formatCount(rated)} chi bộ đã chấm điểm, xếp loại:`),
          ...ratings.map(([band, n]) => bullet(`${band}: ${formatCount(n)} chi bộ (${formatRate(rate(n, rated))}).`)),
        ]),
    { kind: 'heading', level: 2, text: '4. Công tác tuyên truyền' },
    ...propagandaBlocks(input.propaganda ?? {}, 'Chưa ghi nhận kết quả tuyên truyền nào.'),
    { kind: 'heading', level: 2, text: '5. Kết quả của từng chi bộ' },
    {
      kind: 'table',
      columns: [
        { title: 'STT', share: 0.07, align: 'center' },
        { title: 'Chi bộ', share: 0.31 },
        { title: 'Trạng thái', share: 0.16, align: 'center' },
        { title: 'Ngày gửi', share: 0.13, align: 'center' },
        { title: 'Đúng hạn', share: 0.11, align: 'center' },
        { title: 'Điểm', share: 0.09, align: 'center' },
        { title: 'Xếp loại', share: 0.13, align: 'center' },
      ],
      rows: cellTableRows(c.cells),
    },
    { kind: 'heading', level: 1, text: 'II. KHÓ KHĂN, VƯỚNG MẮC' },
    ...paragraphs(input.difficulties, 'Không có.'),
    { kind: 'heading', level: 1, text: 'III. ĐỀ XUẤT, KIẾN NGHỊ' },
    ...paragraphs(input.proposals, 'Không có.'),
    paragraph(`Trên đây là báo cáo kết quả học tập, quán triệt ${input.resolution} của Ban Thường vụ ${input.communeIssuer}.`),
  ];
  return {
    header: buildHeader({ type, superior: input.superior, issuer: input.communeIssuer, number: input.number.trim() || null, place: input.place, date: input.reportDate }, spelling),
    docType: type.name,
    abstract: `kết quả học tập, quán triệt ${input.resolution}`,
    body,
    signature: buildSignature(defaultSignature('commune'), spelling),
    recipients: buildRecipients(input.recipients, type.issuerKind),
  };
}

/** The per-cell table as a spreadsheet, with the totals above it. */
export async function consolidatedReportWorkbook(input: Pick<ConsolidatedReportInput, 'communeIssuer' | 'planReference' | 'reportDate' | 'consolidation' | 'propaganda'>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tổng hợp');
  const c = input.consolidation;
  sheet.addRow([`Tổng hợp báo cáo của các chi bộ theo ${input.planReference} — ${input.communeIssuer}`]).font = { bold: true };
  sheet.addRow([`Đến ngày ${formatDayFirst(input.reportDate)}: ${fractionPhrase(c.submitted, c.expected)} chi bộ đã báo cáo; đúng hạn ${formatCount(c.onTime)} (${formatRate(c.timeliness)}); chưa báo cáo ${formatCount(c.missing)}.`]);
  sheet.addRow([]);
  const header = sheet.addRow([...cellTableTitles]);
  header.font = { bold: true };
  for (const row of cellTableRows(c.cells)) sheet.addRow(row);
  sheet.columns.forEach((col, i) => {
    col.width = [6, 34, 16, 12, 12, 8, 14][i] ?? 12;
  });
  // The propaganda totals by channel on a sheet of their own (the first stays one table).
  const channels = book.addWorksheet('Tuyên truyền');
  channels.addRow([`Kết quả tuyên truyền theo hình thức — ${input.planReference}`]).font = { bold: true };
  channels.addRow([]);
  channels.addRow([...propagandaTableTitles]).font = { bold: true };
  for (const row of propagandaTableValues(input.propaganda ?? {})) channels.addRow(row);
  channels.columns.forEach((col, i) => {
    col.width = i === 0 ? 36 : 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
