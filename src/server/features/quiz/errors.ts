// The quiz's refusals: stable ids, Vietnamese messages.
import { badRequest, stateConflict } from '../../errors';
import type { AnswerProblem, QuestionProblem } from '../../../domain/quiz';
import { MAX_OPTIONS, MIN_OPTIONS } from '../../../domain/quiz';

const questionMessages: Record<QuestionProblem, string> = {
  text: 'Hãy ghi nội dung câu hỏi.',
  'options-count': `Mỗi câu hỏi có từ ${MIN_OPTIONS} đến ${MAX_OPTIONS} phương án trả lời.`,
  'option-empty': 'Có phương án trả lời để trống: hãy ghi nội dung hoặc bỏ phương án đó.',
  'option-duplicate': 'Có hai phương án trả lời giống nhau.',
  'correct-none': 'Hãy đánh dấu (các) phương án đúng.',
  'correct-one': 'Câu hỏi chọn một đáp án chỉ có đúng một phương án đúng.',
  'correct-range': 'Phương án đúng được đánh dấu không có trong danh sách phương án.',
};
export const badQuestion = (problem: QuestionProblem) => badRequest(`quiz.question-${problem}`, questionMessages[problem]);

const answerMessages: Record<AnswerProblem, string> = {
  'unknown-question': 'Câu trả lời gửi lên có câu hỏi không thuộc lần làm bài này.',
  'bad-option': 'Câu trả lời gửi lên có phương án không có trong câu hỏi.',
  'one-option': 'Câu hỏi chọn một đáp án chỉ được chọn một phương án.',
};
export const badAnswers = (problem: AnswerProblem) => badRequest(`quiz.answer-${problem}`, answerMessages[problem]);

export const idTaken = () => stateConflict('quiz.id-taken', 'Mã này đã được dùng cho một mục khác.');
export const notAMember = () => stateConflict('quiz.not-a-member', 'Chỉ đảng viên đang sinh hoạt tại đảng bộ mới làm bài kiểm tra.');
export const quizClosed = () => stateConflict('quiz.closed', 'Bài kiểm tra của nghị quyết này chưa mở hoặc đã đóng.');
export const quizEmpty = () => stateConflict('quiz.no-questions', 'Ngân hàng câu hỏi của nghị quyết này chưa có câu hỏi nào.');
export const attemptsExhausted = (limit: number) =>
  stateConflict('quiz.attempts-exhausted', `Bạn đã làm đủ ${limit} lần cho phép của bài kiểm tra này, không thể làm thêm.`);
export const attemptOpen = (attemptId: string) =>
  stateConflict('quiz.attempt-open', 'Bạn đang có một lần làm bài chưa nộp: hãy làm tiếp và nộp bài trước khi bắt đầu lần mới.', { attemptId });
export const timeUp = () => badRequest('quiz.time-up', 'Đã hết thời gian làm bài: bài nộp sau thời hạn không được chấm.');
export const alreadySubmitted = () => stateConflict('quiz.already-submitted', 'Lần làm bài này đã nộp, không thể nộp lại với câu trả lời khác.');
export const startedMeanwhile = () =>
  stateConflict('quiz.attempt-open', 'Một lần làm bài khác vừa được bắt đầu: hãy tải lại trang để làm tiếp lần đó.');
