import { describe, expect, it } from 'vitest';
import { isResolutionNumber, kindNames, normaliseResolutionNumber, resolutionKinds } from './resolutions';
import { passwordRuleBroken } from './passwords';

describe('resolution numbers', () => {
  it('are stored without spaces, in capitals', () => {
    expect(normaliseResolutionNumber(' 91 - nq/tu ')).toBe('91-NQ/TU');
  });
  it('start with digits, then letters, digits and - / .', () => {
    expect(['91-NQ/TU', '57-NQ/TW', '12/CT-TU', '05-KH/ĐU'].map(isResolutionNumber)).toEqual([true, true, true, true]);
    expect(['NQ-91', '9', '91-NQ/TU;', `9${'1'.repeat(40)}`].map(isResolutionNumber)).toEqual([false, false, false, false]);
  });
  it('every kind has its name', () => {
    expect(resolutionKinds.map((k) => kindNames[k]).every(Boolean)).toBe(true);
  });
});

describe('password rules', () => {
  it('at least 8 characters, not only digits, at most 200', () => {
    expect(['1234567', '12345678', 'mat-khau', 'x'.repeat(201)].map((p) => passwordRuleBroken(p))).toEqual(['tooShort', 'onlyDigits', null, 'tooLong']);
  });
});
