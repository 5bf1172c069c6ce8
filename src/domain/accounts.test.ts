import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codeExpiry, codeFromBytes, formatCode, normaliseCode } from './one-time-codes';
import { passwordRuleBroken } from './passwords';
import { assignUsernames, usernameBase } from './usernames';

describe('password rules', () => {
  const common = new Set(['matkhau123', 'anhyeuem', 'iloveyou']);
  const isCommon = (folded: string) => common.has(folded);

  it('keeps the length and digit rules', () => {
    expect(['1234567', '12345678', 'x'.repeat(201), 'mat-khau-tot'].map((p) => passwordRuleBroken(p))).toEqual(['tooShort', 'onlyDigits', 'tooLong', null]);
  });

  it('refuses the username, folded (case, diacritics)', () => {
    expect(passwordRuleBroken('NguyenVanAn', { username: 'nguyenvanan' })).toBe('sameAsUsername');
    expect(passwordRuleBroken('Nguyễnvănan', { username: 'nguyenvanan' })).toBe('sameAsUsername');
    expect(passwordRuleBroken('nguyenvanan!', { username: 'nguyenvanan' })).toBeNull();
  });

  it('refuses common passwords, folded', () => {
    expect(passwordRuleBroken('MatKhau123', { isCommon })).toBe('tooCommon');
    expect(passwordRuleBroken('Anhyêuem', { isCommon })).toBe('tooCommon');
    expect(passwordRuleBroken('anhyeuem-nhieu-lam', { isCommon })).toBeNull();
  });
});

describe('one-time codes', () => {
  it('are 8 characters of the unambiguous alphabet, grouped 4-4', () => {
    const code = codeFromBytes(new Uint8Array([0, 1, 2, 3, 28, 29, 30, 31]));
    expect(code).toBe('0123-WXYZ');
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/u);
  });

  it('use every byte value without bias (32 divides 256)', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const ch = codeFromBytes(new Uint8Array(8).fill(b))[0]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it('read what people type: lower case, spaces, O for 0, I/L for 1', () => {
    expect(normaliseCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normaliseCode(' abcd efgh ')).toBe('ABCDEFGH');
    expect(normaliseCode('OIL2-3456')).toBe('01123456');
    expect(normaliseCode('ABCD-EFG')).toBeNull();
    expect(normaliseCode('ABCD-EFGU')).toBeNull();
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('expire 7 days after they are issued', () => {
    expect(codeExpiry(new Date('2026-05-01T10:00:00Z')).toISOString()).toBe('2026-05-08T10:00:00.000Z');
  });
});

describe('usernames from names', () => {
  it('folds the Vietnamese name', () => {
    expect(usernameBase('Nguyễn Văn An')).toBe('nguyenvanan');
    expect(usernameBase('Đỗ Thị Hằng')).toBe('dothihang');
  });

  it('adds the smallest free number, within the run too', () => {
    expect(assignUsernames(['Nguyễn Văn An', 'Nguyễn Văn An', 'Nguyen van an', 'Lê Bình'], ['nguyenvanan', 'nguyenvanan3'])).toEqual([
      'nguyenvanan2',
      'nguyenvanan4',
      'nguyenvanan5',
      'lebinh',
    ]);
  });
});
