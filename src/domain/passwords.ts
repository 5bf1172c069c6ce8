// The password rules, one module for the server (which enforces them) and the web form (which says
// them before sending). No I/O: the list of common passwords is data the server reads
// (src/server/auth/common-passwords.txt) and hands in; the web form checks the other rules.
import { foldVietnamese } from './vietnamese-names';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'onlyDigits' | 'tooLong' | 'sameAsUsername' | 'tooCommon';

export interface PasswordContext {
  /** The account's username: a password that folds to it is refused. */
  username?: string;
  /** Whether a folded password is one of the most common ones. */
  isCommon?: (folded: string) => boolean;
}

/** Lower case, no diacritics, no surrounding spaces: how passwords are compared with names and lists. */
export const foldPassword = (password: string) => foldVietnamese(password.normalize('NFC')).trim();

/**
 * What is wrong with a new password, or null: at least 8 characters, not only digits, at most 200,
 * not the username, not one of the most common passwords.
 */
export function passwordRuleBroken(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (/^\d+$/u.test(password)) return 'onlyDigits';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const folded = foldPassword(password);
  if (context.username && folded === foldPassword(context.username)) return 'sameAsUsername';
  if (context.isCommon?.(folded)) return 'tooCommon';
  return null;
}

export const passwordMessages: Record<PasswordProblem, string> = {
  tooShort: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  onlyDigits: 'Mật khẩu không được chỉ gồm chữ số.',
  tooLong: `Mật khẩu quá dài (tối đa ${PASSWORD_MAX_LENGTH} ký tự).`,
  sameAsUsername: 'Mật khẩu không được trùng với tên đăng nhập.',
  tooCommon: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.',
};
