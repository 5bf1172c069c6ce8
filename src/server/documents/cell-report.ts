// A cell's report (Báo cáo kết quả học tập, quán triệt) on the shared layout: the cell's header
// ("ĐẢNG BỘ PHƯỜNG NÔNG TIẾN / CHI BỘ … / * / Số …-BC/CB"), the figures of its session written into
// sentences, the discussion, the self-assessment by item with its total and rating (and the ward's
// re-score when there is one), opinions and proposals; signed "T/M CHI BỘ / BÍ THƯ" (no seal).
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { formatDayFirst } from '../../domain/dates';
import { formatCount, formatRate, type ReportFigures } from '../../domain/report-figures';
import { formatPoints, type RubricGroup, type Score } from '../../domain/rubrics';
import { propagandaBlocks } from './propaganda-totals';
import type { TotalsByChannel } from '../../domain/propaganda';
import type { Block, DocumentModel } from './model';
import { buildHeader, buildRecipients, buildSignature, cellSuperior, defaultSignature } from './parts';
import { LAYOUT, type UySpelling } from './layout';

export interface CellReportInput {
  /** "Đảng ủy phường Nông Tiến". */
  communeIssuer: string;
  place: string;
  unitName: string;
  /** "Số …-BC/CB": the number as the cell wrote it ("3"), empty for a blank to fill in. */
  number: string;
  reportDate: string | null;
  /** "Nghị quyết số 91-NQ/TU". */
  resolution: string;
  /** "Kế hoạch số 1-KH/ĐU". */
  planReference: string;
  heldOn: string | null;
  form: 'in-person' | 'online' | 'hybrid';
  reporter: string;
  figures: ReportFigures;
  summary: string;
  opinions: string;
  proposals: string;
  groups: RubricGroup[];
  scores: Score[];
  total: number;
  band: string | null;
  ward: { scores: Score[]; total: number; band: string | null } | null;
  secretaryName: string;
  /** The unit's propaganda totals by channel on the plan (GET /api/plans/:id/propaganda/totals?unitId=). */
  propaganda?: TotalsByChannel;
  spelling?: UySpelling;
}

const formNames = { 'in-person': 'trực tiếp', online: 'trực tuyến', hybrid: 'trực tiếp kết hợp trực tuyến' } as const;
const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text }] });
const bullet = (text: string): Block => ({ kind: 'bullet', inlines: [{ text }] });
const paragraphs = (text: string, empty: string): Block[] => {
  const list = text.split(/\n/u).map((t) => t.trim()).filter(Boolean);
  return list.length ? list.map(paragraph) : [paragraph(empty)];
};

export function buildCellReport(input: CellReportInput): DocumentModel {
  const type = DOCUMENT_TYPES.cellReport;
  const spelling = input.spelling ?? LAYOUT.spelling;
  const m = input.figures.members;
  const r = input.figures.reached;
  const rates = input.figures.rates;
  const points = new Map(input.scores.map((s) => [s.itemId, s.points]));
  const wardPoints = new Map((input.ward?.scores ?? []).map((s) => [s.itemId, s.points]));
  const scoreRows: string[][] = [];
  input.groups.forEach((g) => {
    scoreRows.push(['', g.name, '', '', ...(input.ward ? [''] : [])]);
    g.items.forEach((i) => {
      const own = points.get(i.id);
      const ward = wardPoints.get(i.id);
      scoreRows.push([i.id, i.name, formatPoints(i.maxPoints), own === undefined ? '' : formatPoints(own), ...(input.ward ? [ward === undefined ? '' : formatPoints(ward)] : [])]);
    });
  });
  const maxTotal = input.groups.flatMap((g) => g.items).reduce((n, i) => n + i.maxPoints, 0);
  scoreRows.push(['', 'Tổng cộng', formatPoints(maxTotal), formatPoints(input.total), ...(input.ward ? [formatPoints(input.ward.total)] : [])]);
  const columns = input.ward
    ? [
        { title: 'Mã', share: 0.08, align: 'center' as const },
        { title: 'Tiêu chí', share: 0.5 },
        { title: 'Tối đa', share: 0.12, align: 'center' as const },
        { title: 'Chi bộ chấm', share: 0.15, align: 'center' as const },
        { title: 'Đảng ủy chấm', share: 0.15, align: 'center' as const },
      ]
    : [
        { title: 'Mã', share: 0.08, align: 'center' as const },
        { title: 'Tiêu chí', share: 0.6 },
        { title: 'Tối đa', share: 0.14, align: 'center' as const },
        { title: 'Điểm', share: 0.18, align: 'center' as const },
      ];
  const held = input.heldOn ? `ngày ${formatDayFirst(input.heldOn)}` : 'ngày … tháng … năm …';
  const body: Block[] = [
    paragraph(`Thực hiện ${input.planReference} của Ban Thường vụ ${input.communeIssuer} về học tập, quán triệt ${input.resolution}, ${input.unitName} báo cáo kết quả như sau:`),
    { kind: 'heading', level: 1, text: 'I. CÔNG TÁC TỔ CHỨC' },
    paragraph(`${input.unitName} tổ chức học tập, quán triệt ${held}, theo hình thức ${formNames[input.form]}; báo cáo viên: ${input.reporter}.`),
    { kind: 'heading', level: 1, text: 'II. KẾT QUẢ' },
    { kind: 'heading', level: 2, text: '1. Số lượng tham gia' },
    bullet(`Tổng số đảng viên của chi bộ: ${formatCount(m.total)} đồng chí; miễn sinh hoạt: ${formatCount(m.exempt)}; phải tham gia: ${formatCount(m.expected)}.`),
    bullet(`Có mặt: ${formatCount(m.present + m.late)}/${formatCount(m.expected)} đồng chí (${formatRate(rates.attended)}), trong đó đến muộn: ${formatCount(m.late)}.`),
    bullet(`Vắng có lý do: ${formatCount(m.excused)} (${formatRate(rates.excused)}); vắng không lý do: ${formatCount(m.absent)} (${formatRate(rates.absent)}); đã học bù: ${formatCount(m.madeUp)}.`),
    bullet(`Tỷ lệ đảng viên đã học tập (kể cả học bù): ${formatRate(rates.studied)}.`),
    bullet(`Tuyên truyền đến đoàn viên: ${formatCount(r.youth)}; hội viên: ${formatCount(r.association)}; Nhân dân: ${formatCount(r.public)} người.`),
    { kind: 'heading', level: 2, text: '2. Nội dung thảo luận' },
    ...paragraphs(input.summary, 'Chi bộ đã thảo luận các nội dung của Nghị quyết.'),
    { kind: 'heading', level: 2, text: '3. Tự chấm điểm, đánh giá chất lượng' },
    { kind: 'table', columns, rows: scoreRows },
    paragraph(
      `Chi bộ tự chấm ${formatPoints(input.total)}/${formatPoints(maxTotal)} điểm, xếp loại: ${input.band ?? '…'}.` +
        (input.ward ? ` Đảng ủy chấm lại: ${formatPoints(input.ward.total)} điểm, xếp loại: ${input.ward.band ?? '…'}.` : ''),
    ),
    { kind: 'heading', level: 2, text: '4. Công tác tuyên truyền' },
    ...propagandaBlocks(input.propaganda ?? {}, 'Chi bộ chưa ghi nhận kết quả tuyên truyền nào.'),
    { kind: 'heading', level: 1, text: 'III. Ý KIẾN, KIẾN NGHỊ, ĐỀ XUẤT' },
    ...paragraphs([input.opinions, input.proposals].filter((t) => t.trim()).join('\n'), 'Không có.'),
  ];
  return {
    header: buildHeader(
      { type, superior: cellSuperior(input.communeIssuer), issuer: input.unitName, number: input.number.trim() || null, place: input.place, date: input.reportDate },
      spelling,
    ),
    docType: type.name,
    abstract: `kết quả học tập, quán triệt ${input.resolution}`,
    body,
    signature: buildSignature({ ...defaultSignature('cell'), name: input.secretaryName }, spelling),
    recipients: buildRecipients([`${input.communeIssuer} (báo cáo)`, 'Lưu Chi bộ'], type.issuerKind),
  };
}
