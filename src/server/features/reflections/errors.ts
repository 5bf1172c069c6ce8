// The members' own study's refusals: stable ids, Vietnamese messages.
import { badRequest, forbidden, stateConflict } from '../../errors';

export const notAMember = () => forbidden('viết bài thu hoạch (tài khoản này không gắn với một đảng viên)');
export const planNotIssued = () => stateConflict('reflections.plan-not-issued', 'Kế hoạch chưa ban hành: chưa viết bài thu hoạch cho kế hoạch này.');
export const notInScope = () => badRequest('reflections.not-in-scope', 'Kế hoạch này không giao cho chi bộ của đồng chí học tập.');
export const emptyReflection = () => badRequest('reflections.reflection-required', 'Hãy viết nội dung bài thu hoạch.');
export const emptyCommitment = () => badRequest('reflections.commitment-required', 'Hãy viết bản cam kết của cá nhân.');
export const idTaken = () => stateConflict('reflections.id-taken', 'Mã này đã được dùng cho một bài thu hoạch khác.');
export const alreadyWritten = (current?: unknown) =>
  stateConflict('reflections.already-written', 'Đồng chí đã nộp bài thu hoạch cho kế hoạch này: hãy sửa bài đã nộp.', current);
export const alreadyReviewed = (current?: unknown) =>
  stateConflict('reflections.reviewed', 'Bài thu hoạch đã được bí thư chi bộ nhận xét: không sửa được nữa.', current);
export const commentRequired = () => badRequest('reflections.comment-required', 'Bài "Chưa đạt" cần có nhận xét để đảng viên biết cần bổ sung gì.');
export const badYear = () => badRequest('records.year', 'Năm không hợp lệ: hãy chọn một năm từ 2000 đến 2100.');
