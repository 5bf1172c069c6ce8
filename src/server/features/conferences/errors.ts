// The conferences' refusals: stable ids, Vietnamese messages.
import { AppError, badRequest, stateConflict } from '../../errors';

export const notFoundConference = () => new AppError(404, 'conference.not-found', 'Không tìm thấy hội nghị.');
export const planNotIssued = () => stateConflict('conference.plan-not-issued', 'Chỉ tạo hội nghị từ kế hoạch đã ban hành.');
export const conferenceHeld = () => stateConflict('conference.held', 'Hội nghị đã tổ chức xong: danh sách và thông tin không còn thay đổi.');
export const listFrozen = () =>
  stateConflict('conference.list-frozen', 'Giấy triệu tập đã gửi: danh sách đã chốt theo thành phần. Chỉ có thể bổ sung hoặc bớt người chưa được gửi giấy triệu tập.');
export const alreadySummoned = (name: string) =>
  stateConflict('conference.participant-summoned', `Đồng chí ${name} đã nhận giấy triệu tập, không bớt khỏi danh sách được; hãy ghi vắng mặt khi điểm danh.`);
export const notSent = () => stateConflict('conference.not-convened', 'Hội nghị chưa gửi giấy triệu tập.');
export const noParticipants = () => badRequest('conference.no-participants', 'Danh sách đại biểu đang trống: chưa có ai để triệu tập.');
export const unknownPerson = () => badRequest('conference.unknown-person', 'Không tìm thấy người này trong đảng bộ.');
export const notSummoned = (names: string[]) =>
  badRequest('conference.not-summoned', `Không có trong danh sách được triệu tập: ${names.join(', ')}.`, { names });
export const reasonRequired = (names: string[]) =>
  badRequest('conference.reason-required', `Cần ghi lý do vắng của: ${names.join(', ')}.`, { names });
export const heldWithoutAttendance = () => badRequest('conference.no-attendance', 'Chưa điểm danh: hãy điểm danh trước khi ghi hội nghị đã tổ chức.');
export const badUnits = () => badRequest('conference.unknown-unit', 'Đơn vị trong thành phần không thuộc đảng bộ này.');
