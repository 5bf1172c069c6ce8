// The password rules, one module for the server (which enforces them) and the web form (which says
// them before sending). No I/O.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'onlyDigits' | 'tooLong';

/** What is wrong with a new password, or null: at least 8 characters, not only digits, at most 200. */
export function passwordRuleBroken(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (/^\d+$/u.test(password)) return 'onlyDigits';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  return null;
}

export const passwordMessages: Record<PasswordProblem, string> = {
  tooShort: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
  onlyDigits: 'Mật khẩu không được chỉ gồm chữ số.',
  tooLong: `Mật khẩu quá dài (tối đa ${PASSWORD_MAX_LENGTH} ký tự).`,
};
