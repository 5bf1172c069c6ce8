// Biên bản of a cell's study session: the cell's header ("ĐẢNG BỘ PHƯỜNG NÔNG TIẾN / CHI BỘ … / *",
// no number line), who attended and who did not (with reasons), the non-members reached, the
// content and the discussion, signed by the meeting's secretary (left) and its chair (right).
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { attendanceStatusNames, type AttendanceCounts, type AttendanceStatus } from '../../domain/attendance';
import { formatDayFirst } from '../../domain/dates';
import type { Block, DocumentModel } from './model';
import { abstractCase, buildHeader, buildSignature, cellSuperior } from './parts';
import { LAYOUT, type UySpelling } from './layout';

export interface MinutesInput {
  /** The commune committee, as its settings name it: "Đảng ủy phường Nông Tiến". */
  communeIssuer: string;
  place: string;
  unitName: string;
  planTitle: string;
  /** "1-KH/ĐU". */
  planNumber: string | null;
  kind: 'regular' | 'make-up';
  heldOn: string | null;
  scheduledAt: Date | null;
  venue: string | null;
  form: 'in-person' | 'online' | 'hybrid';
  reporter: string;
  chairName: string;
  secretaryName: string;
  counts: AttendanceCounts;
  away: { fullName: string; status: AttendanceStatus; reason: string | null }[];
  reached: { youth: number; association: number; public: number };
  notes: string;
  opinions: string;
  spelling?: UySpelling;
}

const formNames = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', hybrid: 'Trực tiếp kết hợp trực tuyến' } as const;

function timeInVietnam(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')} giờ ${get('minute')}`;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text }] });
const bullet = (text: string): Block => ({ kind: 'bullet', inlines: [{ text }] });
const paragraphs = (text: string, empty: string): Block[] => {
  const list = text.split(/\n\s*\n|\n/u).map((t) => t.trim()).filter(Boolean);
  return list.length ? list.map(paragraph) : [paragraph(empty)];
};

export function buildSessionMinutes(input: MinutesInput): DocumentModel {
  const type = DOCUMENT_TYPES.cellMinutes;
  const spelling = input.spelling ?? LAYOUT.spelling;
  const day = input.heldOn ?? null;
  const c = input.counts;
  const when = [input.scheduledAt ? `Vào hồi ${timeInVietnam(input.scheduledAt)}` : 'Vào', day ? `ngày ${formatDayFirst(day)}` : 'ngày … tháng … năm …'].join(' ');
  const body: Block[] = [
    paragraph(`${when}, tại ${input.venue?.trim() || '…'}, ${input.unitName} tổ chức ${input.kind === 'make-up' ? 'buổi học bù' : 'buổi sinh hoạt'} học tập, quán triệt theo Kế hoạch${input.planNumber ? ` số ${input.planNumber}` : ''} của ${input.communeIssuer}.`),
    bullet(`Hình thức: ${formNames[input.form]}.`),
    bullet(`Chủ trì: ${input.chairName || '…'}; thư ký: ${input.secretaryName || '…'}.`),
    bullet(`Báo cáo viên: ${input.reporter}.`),
    { kind: 'heading', level: 1, text: 'I. THÀNH PHẦN' },
    paragraph(
      `Tổng số đảng viên: ${c.total}; miễn sinh hoạt: ${c.exempt}; phải dự: ${c.expected}. Có mặt: ${c.present + c.late}` +
        `${c.late ? ` (đến muộn: ${c.late})` : ''}; vắng có lý do: ${c.excused}; vắng không lý do: ${c.absent}` +
        `${c.attendedPercent === null ? '' : `; tỷ lệ dự: ${String(c.attendedPercent).replace('.', ',')}%`}.`,
    ),
    ...input.away.map((a) => bullet(`Đồng chí ${a.fullName}: ${attendanceStatusNames[a.status].toLocaleLowerCase('vi')}${a.reason ? ` (${a.reason})` : ''}.`)),
    paragraph(`Ngoài đảng viên, buổi sinh hoạt có ${input.reached.youth} đoàn viên, ${input.reached.association} hội viên và ${input.reached.public} người dân tham dự.`),
    { kind: 'heading', level: 1, text: 'II. NỘI DUNG' },
    ...paragraphs(input.notes, 'Báo cáo viên truyền đạt nội dung Nghị quyết và Kế hoạch; chi bộ thảo luận, thống nhất việc thực hiện.'),
    { kind: 'heading', level: 1, text: 'III. Ý KIẾN THẢO LUẬN' },
    ...paragraphs(input.opinions, 'Không có ý kiến khác.'),
    paragraph('Biên bản đã được đọc lại trước chi bộ và được nhất trí thông qua.'),
  ];
  return {
    header: buildHeader({ type, superior: cellSuperior(input.communeIssuer), issuer: input.unitName, number: null, place: input.place, date: day }, spelling),
    docType: type.name,
    abstract: `${input.kind === 'make-up' ? 'buổi học bù' : 'buổi sinh hoạt'} ${abstractCase(input.planTitle)}`,
    body,
    signature: buildSignature({ onBehalfOf: 'CHỦ TRÌ', position: '', name: input.chairName }, spelling),
    counterSignature: buildSignature({ onBehalfOf: 'THƯ KÝ', position: '', name: input.secretaryName }, spelling),
    recipients: [],
  };
}
