// The words of the tasks' pages.
import { rollUpText } from '../../../domain/tasks';

export const statusNames = { 'not-started': 'Chưa bắt đầu', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành', overdue: 'Quá hạn' } as const;
export const statusColors = { 'not-started': 'gray', 'in-progress': 'blue', done: 'green', overdue: 'red' } as const;

/** What a status badge shows: overdue (computed) over the stored status when not done. */
export const shownStatus = (t: { status: 'not-started' | 'in-progress' | 'done'; overdue: boolean }) => (t.overdue && t.status !== 'done' ? 'overdue' : t.status);

export const historyNames: Record<string, string> = {
  'task.create': 'Thêm nhiệm vụ',
  'task.update': 'Cập nhật nhiệm vụ',
  'task.complete': 'Xác nhận hoàn thành',
  'task.complete-by-study-session': 'Hoàn thành: chi bộ đã tổ chức sinh hoạt học tập',
  'task.complete-by-cell-report': 'Hoàn thành: báo cáo của chi bộ đã được tiếp nhận',
  'task.evidence': 'Thêm minh chứng',
};

export const k = {
  sectionTitle: 'Nhiệm vụ',
  listLabel: 'Danh sách nhiệm vụ',
  previewNote: 'Các nhiệm vụ sẽ được tạo khi ban hành, theo mục IV của kế hoạch. Sửa nội dung kế hoạch để sửa nội dung và thời hạn; chọn đơn vị thực hiện ngay dưới mỗi nhiệm vụ.',
  empty: 'Kế hoạch không có nhiệm vụ nào ở mục IV.',
  noDue: 'Không ghi thời hạn',
  unresolved: 'chưa khớp đơn vị nào: giao cho Đảng ủy',
  mapped: 'đơn vị do văn phòng chọn',
  assignLabel: (phrase: string) => `Đơn vị thực hiện cho "${phrase}"`,
  assignAuto: 'Theo tên ghi trong kế hoạch',
  assignHint: 'Đảng bộ ghi nhớ lựa chọn này cho các kế hoạch sau.',
  assigned: 'Đã lưu đơn vị thực hiện.',
  showUnits: (n: number) => `Xem ${n} đơn vị`,
  hideUnits: 'Thu gọn',
  rollUp: rollUpText,
  pageTitle: 'Nhiệm vụ',
  unavailableTitle: 'Không mở được nhiệm vụ',
  unavailable: 'Nhiệm vụ không tồn tại hoặc bạn không có quyền xem.',
  plan: 'Kế hoạch',
  assignee: 'Đơn vị thực hiện',
  due: 'Thời hạn',
  status: 'Trạng thái',
  completedOn: 'Ngày hoàn thành',
  completionNote: 'Ghi chú khi hoàn thành',
  evidence: 'Minh chứng',
  noEvidence: 'Chưa có minh chứng.',
  file: 'Tệp minh chứng (PDF, Word, ảnh JPEG/PNG, tối đa 20 MB)',
  note: 'Ghi chú',
  addEvidence: 'Thêm minh chứng',
  uploading: 'Đang tải tệp lên…',
  complete: 'Hoàn thành',
  completeTitle: 'Xác nhận hoàn thành nhiệm vụ',
  completeQuestion: 'Xác nhận đơn vị đã hoàn thành nhiệm vụ này? Ngày hoàn thành là hôm nay.',
  confirm: 'Xác nhận hoàn thành',
  cancel: 'Hủy',
  close: 'Đóng',
  start: 'Bắt đầu thực hiện',
  history: 'Lịch sử',
  backToPlan: 'Về kế hoạch',
  units: 'Các đơn vị',
  groupOf: 'Thuộc nhiệm vụ chung',
};
