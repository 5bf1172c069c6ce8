import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { buildHeader, buildRecipients, buildSignature, cellSuperior, defaultSignature } from './parts';

const commune = { superior: 'Đảng bộ tỉnh Tuyên Quang', issuer: 'Đảng ủy phường Nông Tiến', place: 'Nông Tiến', date: '2026-06-08' };
const cell = { superior: 'Đảng bộ phường Nông Tiến', issuer: 'Chi bộ Tổ dân phố 3', place: 'Nông Tiến', date: '2026-06-08' };

describe('buildHeader', () => {
  it('numbers each type under its own symbol and the issuer’s', () => {
    expect(buildHeader({ ...commune, type: DOCUMENT_TYPES.plan, number: 45 }).numberLine).toBe('Số 45-KH/ĐU');
    expect(buildHeader({ ...commune, type: DOCUMENT_TYPES.convocation, number: 7 }).numberLine).toBe('Số 7-GTT/ĐU');
    expect(buildHeader({ ...commune, type: DOCUMENT_TYPES.report, number: null }).numberLine).toBe('Số    -BC/ĐU');
    expect(buildHeader({ ...cell, type: DOCUMENT_TYPES.cellReport, number: 3 })).toMatchObject({ number: '3-BC/CB', numberLine: 'Số 3-BC/CB' });
    // A cell type keeps "CB" even when the issuer's name does not say "Chi bộ"; a record's own symbol wins.
    expect(buildHeader({ ...cell, issuer: 'Tổ dân phố 3', type: DOCUMENT_TYPES.cellReport, number: 3 }).numberLine).toBe('Số 3-BC/CB');
    expect(buildHeader({ ...commune, type: DOCUMENT_TYPES.plan, number: 2, symbol: 'KH/ĐUP' }).numberLine).toBe('Số 2-KH/ĐUP');
  });

  it('prints a cell’s header lines in capitals, and no number line for an unnumbered type', () => {
    const header = buildHeader({ ...cell, type: DOCUMENT_TYPES.cellMinutes, number: 3 }, 'UỶ');
    expect(header).toEqual({
      superior: 'ĐẢNG BỘ PHƯỜNG NÔNG TIẾN',
      issuer: 'CHI BỘ TỔ DÂN PHỐ 3',
      number: null,
      numberLine: null,
      place: 'Nông Tiến',
      date: '2026-06-08',
      dateLine: 'Nông Tiến, ngày 08 tháng 6 năm 2026',
    });
    expect(buildHeader({ ...commune, type: DOCUMENT_TYPES.signInSheet, number: null }, 'UỶ').issuer).toBe('ĐẢNG UỶ PHƯỜNG NÔNG TIẾN');
  });

  it('names a cell’s superior from the commune’s committee', () => {
    expect(cellSuperior('Đảng ủy phường Nông Tiến')).toBe('Đảng bộ phường Nông Tiến');
    expect(cellSuperior('Đảng uỷ xã Hùng Lợi')).toBe('Đảng bộ xã Hùng Lợi');
    expect(cellSuperior('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN')).toBe('ĐẢNG BỘ PHƯỜNG NÔNG TIẾN');
    expect(cellSuperior('Đảng bộ phường Nông Tiến')).toBe('Đảng bộ phường Nông Tiến');
  });
});

describe('buildSignature and buildRecipients', () => {
  it('signs for the standing committee or for the cell, by its secretary', () => {
    expect(buildSignature(defaultSignature('commune'))).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' });
    expect(buildSignature({ ...defaultSignature('cell'), name: ' **Hoàng Thị Lan** ' })).toEqual({ onBehalfOf: 'T/M CHI BỘ', position: 'BÍ THƯ', name: 'Hoàng Thị Lan' });
    expect(buildSignature({ onBehalfOf: 't/m ban thường vụ', position: 'phó bí thư', name: 'A' }).onBehalfOf).toBe('T/M BAN THƯỜNG VỤ');
  });

  it('punctuates the recipients, and files a document without any with its issuer', () => {
    expect(buildRecipients(['- Đảng ủy phường (báo cáo);', 'Các đảng viên trong chi bộ'], 'cell')).toEqual(['- Đảng ủy phường (báo cáo),', '- Các đảng viên trong chi bộ.']);
    expect(buildRecipients([], 'cell')).toEqual(['- Lưu Chi bộ.']);
    expect(buildRecipients(['  '], 'commune')).toEqual(['- Lưu Văn phòng Đảng ủy.']);
  });
});
