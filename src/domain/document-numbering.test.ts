import { describe, expect, it } from 'vitest';
import {
  documentSymbol,
  formatDateLine,
  formatNumberLine,
  formatPlanNumber,
  isValidIsoDate,
  issuerAbbreviation,
} from './document-numbering';

describe('number line', () => {
  it('prints "Số 45-KH/ĐU" without a colon, with or without the dash in the symbol', () => {
    expect(formatPlanNumber(45, 'KH/ĐU')).toBe('Số 45-KH/ĐU');
    expect(formatPlanNumber(7, '-KH/ĐU')).toBe('Số 7-KH/ĐU');
  });

  it('rejects numbers that are not positive integers', () => {
    expect(() => formatPlanNumber(0, 'KH/ĐU')).toThrow(RangeError);
    expect(() => formatPlanNumber(4.5, 'KH/ĐU')).toThrow(RangeError);
  });

  it('leaves a blank for the number of an unissued draft', () => {
    expect(formatNumberLine(null, 'KH/ĐU')).toBe('Số    -KH/ĐU');
    expect(formatNumberLine('  ', '-KH/ĐU')).toBe('Số    -KH/ĐU');
  });

  it('takes a bare number or a full number and symbol', () => {
    expect(formatNumberLine('45', 'KH/ĐU')).toBe('Số 45-KH/ĐU');
    expect(formatNumberLine('12-KH/ĐU', 'KH/ĐU')).toBe('Số 12-KH/ĐU');
    expect(formatNumberLine('Số: 12-KH/ĐU', 'KH/ĐU')).toBe('Số 12-KH/ĐU');
  });

  it('builds the symbol from the type of document and the issuer', () => {
    expect(documentSymbol('KH', issuerAbbreviation('Đảng ủy phường Nông Tiến'))).toBe('KH/ĐU');
    expect(issuerAbbreviation('ĐẢNG UỶ XÃ HÙNG LỢI')).toBe('ĐU');
    expect(issuerAbbreviation('Chi bộ Tổ dân phố Tràng Đà 6')).toBe('CB');
    expect(issuerAbbreviation('Đảng bộ Ủy ban nhân dân phường')).toBe('ĐB');
  });
});

describe('date line', () => {
  it('writes the place and the date in words', () => {
    expect(formatDateLine('Nông Tiến', '2026-05-15')).toBe('Nông Tiến, ngày 15 tháng 5 năm 2026');
    expect(formatDateLine('Nông Tiến', '2026-12-25')).toBe('Nông Tiến, ngày 25 tháng 12 năm 2026');
  });

  it('puts a leading zero on days below 10 and on January and February only', () => {
    expect(formatDateLine('Nông Tiến', '2027-01-05')).toBe('Nông Tiến, ngày 05 tháng 01 năm 2027');
    expect(formatDateLine('Nông Tiến', '2027-02-28')).toBe('Nông Tiến, ngày 28 tháng 02 năm 2027');
    expect(formatDateLine('Nông Tiến', '2026-03-09')).toBe('Nông Tiến, ngày 09 tháng 3 năm 2026');
    expect(formatDateLine('Nông Tiến', '2026-10-10')).toBe('Nông Tiến, ngày 10 tháng 10 năm 2026');
  });

  it('leaves blanks on an undated draft', () => {
    expect(formatDateLine('Nông Tiến', null)).toBe('Nông Tiến, ngày    tháng    năm 20…');
  });

  it('rejects impossible dates instead of guessing', () => {
    expect(() => formatDateLine('Nông Tiến', '2026-02-31')).toThrow(RangeError);
    expect(() => formatDateLine('Nông Tiến', '15/05/2026')).toThrow(RangeError);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
  });
});
