// The propaganda log's refusals: stable ids, Vietnamese messages.
import { badRequest, stateConflict, unsupportedMedia } from '../../errors';
import type { ScheduleProblem } from '../../../domain/broadcast-schedule';

export const planNotIssued = () =>
  stateConflict('propaganda.plan-not-issued', 'Kế hoạch chưa ban hành: kết quả tuyên truyền được ghi khi kế hoạch đã ban hành.');
export const unknownUnit = () => badRequest('propaganda.unknown-unit', 'Đơn vị thực hiện không phải là một đơn vị đang hoạt động của đảng bộ.');
export const emptyTitle = () => badRequest('propaganda.title-required', 'Hãy ghi nội dung (tiêu đề) tin, bài tuyên truyền.');
export const idTaken = () => stateConflict('propaganda.id-taken', 'Mã này đã được dùng cho một mục khác.');
export const emptyFile = () => badRequest('upload.empty', 'Tệp tải lên không có nội dung.');
export const fileType = () =>
  unsupportedMedia('propaganda.file-type', 'Chỉ nhận tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG. Nội dung tệp này không thuộc các loại đó.');

const scheduleMessages: Record<ScheduleProblem, string> = {
  time: 'Giờ phát không hợp lệ: hãy ghi theo dạng 06:30.',
  dates: 'Ngày bắt đầu hoặc ngày kết thúc không hợp lệ.',
  order: 'Ngày kết thúc phải sau ngày bắt đầu.',
  weekdays: 'Hãy chọn ít nhất một ngày phát trong tuần.',
  'too-long': 'Lịch phát phải có ngày kết thúc và không dài quá một năm.',
};
export const badSchedule = (problem: ScheduleProblem) => badRequest(`loudspeaker.${problem}`, scheduleMessages[problem]);
export const notAnOccurrence = () => badRequest('loudspeaker.not-an-occurrence', 'Ngày này không có buổi phát theo lịch.');
export const futureOccurrence = () => badRequest('loudspeaker.not-yet', 'Buổi phát này chưa diễn ra: chỉ xác nhận sau giờ phát.');
