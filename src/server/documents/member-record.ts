// Phiếu tổng hợp: a member's study of the year on one page, for the year-end evaluation ("đánh giá,
// xếp loại đảng viên"): the cell's header, who the member is, one row per resolution (attendance,
// reflection and its review, quiz), the totals, signed by the cell's secretary (T/M CHI BỘ / BÍ THƯ).
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { countStudyAttendance, studyAttendanceNames, type StudyAttendance } from '../../domain/study-record';
import type { Block, DocumentModel } from './model';
import { buildHeader, buildRecipients, buildSignature, cellSuperior } from './parts';
import { LAYOUT, type UySpelling } from './layout';

export interface MemberRecordRow {
  number: string;
  planNumber: string | null;
  attendance: StudyAttendance | null;
  reflection: { submittedAt: string; late: boolean; review: { resultName: string; comment: string | null } | null } | null;
  /** best: the counted score, 0–1, null while no attempt is finished. */
  quiz: { best: number | null; attempts: number } | null;
}

export interface MemberRecordInput {
  communeIssuer: string;
  place: string;
  cellName: string;
  fullName: string;
  year: number;
  /** ISO date the summary is printed on. */
  date: string;
  rows: MemberRecordRow[];
  secretaryName: string;
  spelling?: UySpelling;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text }] });

/** "Đạt (trễ hạn)", "Chưa nhận xét", "Chưa nộp". */
export function reflectionText(r: MemberRecordRow['reflection']): string {
  if (!r) return 'Chưa nộp';
  const result = r.review ? r.review.resultName : 'Chưa nhận xét';
  return r.late ? `${result} (nộp trễ hạn)` : result;
}

export const attendanceText = (a: StudyAttendance | null) => (a ? studyAttendanceNames[a] : 'Chưa điểm danh');
/** The counted score as a mark out of 10 (8,5/10), as the quiz page shows it. */
export const quizText = (q: MemberRecordRow['quiz']) =>
  !q ? '—' : q.best === null ? `Đang làm (${q.attempts} lần)` : `${(Math.round(q.best * 100) / 10).toLocaleString('vi-VN')}/10 điểm (${q.attempts} lần)`;

export function buildMemberRecord(input: MemberRecordInput): DocumentModel {
  const type = DOCUMENT_TYPES.memberRecord;
  const spelling = input.spelling ?? LAYOUT.spelling;
  const counts = countStudyAttendance(input.rows.map((r) => r.attendance));
  const submitted = input.rows.filter((r) => r.reflection).length;
  const passed = input.rows.filter((r) => r.reflection?.review?.resultName === 'Đạt').length;
  const late = input.rows.filter((r) => r.reflection?.late).length;
  const body: Block[] = [
    paragraph(`Họ và tên đảng viên: ${input.fullName}. Sinh hoạt tại: ${input.cellName}.`),
    paragraph(`Kết quả học tập, quán triệt các nghị quyết trong năm ${input.year}:`),
    input.rows.length
      ? {
          kind: 'table',
          columns: [
            { title: 'STT', share: 0.07, align: 'center' },
            { title: 'Nghị quyết (kế hoạch)', share: 0.27 },
            { title: 'Dự học tập', share: 0.2 },
            { title: 'Bài thu hoạch', share: 0.28 },
            { title: 'Trắc nghiệm', share: 0.18 },
          ],
          rows: input.rows.map((r, i) => [String(i + 1), `${r.number}${r.planNumber ? ` (KH ${r.planNumber})` : ''}`, attendanceText(r.attendance), reflectionText(r.reflection), quizText(r.quiz)]),
        }
      : paragraph('Trong năm không có nghị quyết nào phải học tập.'),
    paragraph(
      `Tổng hợp: ${input.rows.length} nghị quyết; có mặt ${counts.present}, đến muộn ${counts.late}, học bù ${counts['made-up']}, ` +
        `vắng có lý do ${counts.excused}, vắng không lý do ${counts.absent}; nộp ${submitted} bài thu hoạch (${late} trễ hạn), ${passed} bài đạt.`,
    ),
    ...input.rows
      .filter((r) => r.reflection?.review?.comment)
      .map((r) => paragraph(`Nhận xét bài thu hoạch ${r.number}: ${r.reflection!.review!.comment}`)),
  ];
  return {
    header: buildHeader({ type, superior: cellSuperior(input.communeIssuer), issuer: input.cellName, number: null, place: input.place, date: input.date }, spelling),
    docType: type.name,
    abstract: `kết quả học tập, quán triệt nghị quyết năm ${input.year} của đảng viên`,
    body,
    signature: buildSignature({ onBehalfOf: 'T/M CHI BỘ', position: 'BÍ THƯ', name: input.secretaryName }, spelling),
    recipients: buildRecipients([`Đồng chí ${input.fullName}`, 'Lưu Chi bộ'], 'cell'),
  };
}


