// What the person is told about a queued entry the server did not take, and whether sending it again
// on top of the server's version can help (decision 029). Pure: tested in outbox-problems.test.ts.
import type { OutboxEntry } from './outbox-core';

export interface Advice {
  /** What happened and what to do, in the person's words. */
  text: string;
  /** "Gửi lại bản của tôi" is offered: the server would take the entry on top of its version. */
  canResend: boolean;
}

const NEWER =
  'Trong lúc bản của đồng chí chờ gửi, trên máy chủ đã có bản mới hơn (người khác đã sửa). Bản của đồng chí chưa được ghi. Hãy so sánh rồi chọn: gửi lại bản của mình đè lên bản mới, hoặc bỏ bản của mình và giữ bản trên máy chủ.';

/** Refusals that no resend can pass: the record is closed to edits; what the person can do instead. */
const closed: Record<string, string> = {
  'report.not-editable':
    'Báo cáo đã gửi lên hoặc đã được Đảng ủy tiếp nhận nên bản trên máy không gửi được nữa. Nếu cần sửa, hãy đề nghị Đảng ủy trả lại báo cáo, rồi sửa trên trang báo cáo (bản của đồng chí vẫn ở đây để đối chiếu); sau đó bỏ bản này.',
  'report.locked':
    'Đảng ủy đã gửi báo cáo tổng hợp lên cấp trên nên báo cáo của chi bộ đã khóa. Nếu cần thay đổi, hãy đề nghị Đảng ủy mở lại báo cáo tổng hợp, rồi sửa trên trang báo cáo; sau đó bỏ bản này.',
  'reflections.reviewed':
    'Bài thu hoạch đã được bí thư chi bộ nhận xét nên không sửa được nữa. Nếu cần bổ sung, hãy trao đổi với bí thư chi bộ; sau đó bỏ bản này.',
  'reflections.plan-not-issued': 'Kế hoạch không còn ở trạng thái ban hành nên bài thu hoạch chưa gửi được. Hãy hỏi bí thư chi bộ; bỏ bản này khi không cần nữa.',
  'propaganda.plan-not-issued': 'Kế hoạch không còn ở trạng thái ban hành nên kết quả tuyên truyền chưa ghi được. Hãy hỏi Đảng ủy; bỏ bản này khi không cần nữa.',
};

/** A create that met the record made meanwhile: resending edits that record. */
const alreadyThere: Record<string, string> = {
  'report.exists':
    'Chi bộ đã có báo cáo trên máy chủ (lưu từ máy khác, hoặc từ lần lưu trước khi mất mạng). Bản của đồng chí chưa được ghi. Hãy so sánh rồi chọn: gửi lại bản của mình để sửa báo cáo đó, hoặc bỏ bản của mình.',
  'reflections.already-written':
    'Đồng chí đã có bài thu hoạch trên máy chủ (nộp từ máy khác, hoặc từ lần lưu trước khi mất mạng). Bản này chưa được ghi. Hãy so sánh rồi chọn: gửi lại bản này để sửa bài đã nộp, hoặc bỏ bản này.',
};

export function adviceFor(entry: Pick<OutboxEntry, 'state' | 'problem'>): Advice {
  const id = entry.problem?.id ?? '';
  if (closed[id]) return { text: closed[id], canResend: false };
  if (alreadyThere[id]) return { text: alreadyThere[id], canResend: true };
  if (entry.state === 'conflict') return { text: NEWER, canResend: true };
  return { text: 'Máy chủ không nhận bản này. Hãy sửa lại trên trang rồi lưu, hoặc bỏ bản này.', canResend: false };
}

type Row = { key: string; what: string; mine: string; theirs: string };

/** The rows of two text records that differ: [field, label]. */
export function fieldDifferences(mine: Record<string, unknown>, theirs: Record<string, unknown>, fields: [string, string][]): Row[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return fields.filter(([field]) => text(mine[field]) !== text(theirs[field])).map(([field, what]) => ({ key: field, what, mine: text(mine[field]) || '—', theirs: text(theirs[field]) || '—' }));
}

// The fields a person compares, by kind (PRODUCT.md §7 words of the forms).
export const comparedFields: Partial<Record<OutboxEntry['kind'], [string, string][]>> = {
  'report-draft': [
    ['summary', 'Tóm tắt nội dung thảo luận'],
    ['opinions', 'Ý kiến của đảng viên'],
    ['proposals', 'Kiến nghị, đề xuất'],
    ['reporter', 'Báo cáo viên'],
    ['reportDate', 'Ngày báo cáo'],
    ['number', 'Số'],
    ['form', 'Hình thức'],
  ],
  'session-record': [
    ['place', 'Địa điểm'],
    ['form', 'Hình thức'],
    ['reporter', 'Báo cáo viên'],
    ['chairName', 'Chủ trì'],
    ['minutesSecretaryName', 'Thư ký buổi sinh hoạt'],
    ['reachedYouth', 'Đoàn viên'],
    ['reachedAssociation', 'Hội viên'],
    ['reachedPublic', 'Nhân dân'],
    ['notes', 'Nội dung'],
    ['opinions', 'Ý kiến thảo luận'],
  ],
  'session-held': [['heldOn', 'Ngày tổ chức']],
  reflection: [
    ['reflection', 'Bài thu hoạch'],
    ['commitment', 'Bản cam kết'],
  ],
};
