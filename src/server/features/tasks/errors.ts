// The tasks' refusals: stable ids, Vietnamese messages.
import { badRequest, stateConflict, unsupportedMedia } from '../../errors';

export const planNotIssued = () =>
  stateConflict('task.plan-not-issued', 'Kế hoạch chưa ban hành: nhiệm vụ được sửa trong nội dung kế hoạch (mục IV) và được tạo khi ban hành.');
export const groupTask = () =>
  badRequest('task.group', 'Đây là nhiệm vụ giao cho nhiều đơn vị: hãy cập nhật nhiệm vụ của từng đơn vị.');
export const alreadyDone = () => stateConflict('task.done', 'Nhiệm vụ đã hoàn thành.');
export const badDue = (message?: string) =>
  badRequest('task.due-invalid', message ?? 'Không đọc được thời hạn. Hãy viết như trong kế hoạch, ví dụ "Hoàn thành trước ngày 05/6/2026", "trong tháng 5/2026", "thường xuyên".');
export const unknownUnit = () => badRequest('task.unknown-unit', 'Đơn vị được giao không phải là một đơn vị đang hoạt động của đảng bộ.');
export const emptyText = () => badRequest('task.text-required', 'Hãy ghi nội dung nhiệm vụ.');
export const idTaken = () => stateConflict('task.id-taken', 'Mã nhiệm vụ này đã được dùng cho một nhiệm vụ khác.');
export const noEvidence = () => badRequest('task.evidence-empty', 'Hãy chọn tệp hoặc ghi nội dung minh chứng.');
export const emptyFile = () => badRequest('upload.empty', 'Tệp tải lên không có nội dung.');
export const evidenceType = () =>
  unsupportedMedia('task.evidence-type', 'Chỉ nhận minh chứng là tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG. Nội dung tệp này không thuộc các loại đó.');
