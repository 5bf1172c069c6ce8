// The letter handing a person their account (THÔNG TIN TÀI KHOẢN): the commune's header, the
// person's name, cell, username and one-time code, the address, and three lines of instructions in
// plain Vietnamese, signed by the office. The model builder of the accountLetter type; bulk
// onboarding prints one per person, one per page (docx.ts renderDocxPages).
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { formatDayFirst } from '../../domain/dates';
import { LAYOUT, type UySpelling } from './layout';
import type { Block, DocumentModel } from './model';
import { buildHeader, buildSignature, recipientLines } from './parts';

const LETTER = DOCUMENT_TYPES.accountLetter;

export interface AccountLetter {
  fullName: string;
  /** The cell the person belongs to or leads; empty when none. */
  cellName: string;
  username: string;
  /** As printed: "ABCD-EFGH". */
  oneTimeCode: string;
  /** ISO date of the code's last valid day. */
  validUntil: string;
}

export interface LetterContext {
  /** "Đảng bộ tỉnh Tuyên Quang". */
  superior: string;
  /** "Đảng ủy phường Nông Tiến". */
  issuer: string;
  place: string;
  /** ISO date the letters are printed. */
  date: string;
  /** Where the product is reached: "https://quantriet.nongtien.vn". */
  address: string;
  spelling?: UySpelling;
}

const line = (label: string, value: string): Block => ({ kind: 'bullet', inlines: [{ text: `${label}: ` }, { text: value, bold: true }] });
const text = (value: string): Block => ({ kind: 'paragraph', inlines: [{ text: value }] });

export function buildAccountLetter(letter: AccountLetter, context: LetterContext): DocumentModel {
  const spelling = context.spelling ?? LAYOUT.spelling;
  const body: Block[] = [
    text(`Kính gửi đồng chí ${letter.fullName}${letter.cellName ? `, ${letter.cellName}` : ''}.`),
    text('Văn phòng Đảng ủy gửi đồng chí thông tin để vào phần mềm QuánTriệt:'),
    line('Địa chỉ', context.address),
    line('Tên đăng nhập', letter.username),
    line('Mã dùng một lần', letter.oneTimeCode),
    text(`Mã chỉ dùng được một lần, đến hết ngày ${formatDayFirst(letter.validUntil)}.`),
    { kind: 'heading', level: 2, text: 'Cách vào lần đầu' },
    text(`1. Mở địa chỉ trên bằng điện thoại hoặc máy tính, bấm "Tôi có mã dùng một lần".`),
    text('2. Gõ tên đăng nhập và mã ở trên (không cần phân biệt chữ hoa, chữ thường).'),
    text('3. Đặt mật khẩu mới của riêng mình (ít nhất 8 ký tự) và ghi nhớ; nếu quên, hãy báo Văn phòng Đảng ủy để được cấp mã mới.'),
  ];
  return {
    header: buildHeader({ type: LETTER, superior: context.superior, issuer: context.issuer, number: null, place: context.place, date: context.date }, spelling),
    docType: LETTER.name,
    abstract: 'đăng nhập phần mềm QuánTriệt',
    body,
    signature: buildSignature({ onBehalfOf: 'VĂN PHÒNG ĐẢNG ỦY', position: '', name: '' }, spelling),
    recipients: recipientLines([`Đồng chí ${letter.fullName}`, 'Lưu Văn phòng Đảng ủy']),
  };
}
