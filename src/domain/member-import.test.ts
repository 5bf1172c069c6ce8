import { describe, expect, it } from 'vitest';
import { columnFor, normaliseCardNumber, readHeader, suggestColumns, validateMemberRows } from './member-import';

describe('member list headers', () => {
  it('reads the headers offices write for the same columns', () => {
    expect(columnFor('Họ tên')).toBe('Họ và tên');
    expect(columnFor('Số thẻ')).toBe('Số thẻ đảng viên');
    expect(columnFor('SĐT')).toBe('Điện thoại');
    expect(columnFor(' ngày  kết nạp ')).toBe('Ngày vào Đảng');
    expect(columnFor('Quê quán')).toBeUndefined();
  });

  it('takes an unknown header as the column the user mapped it to, and offers columns for it', () => {
    const header = ['TT', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Chi bộ nơi sinh hoạt', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ', 'SĐT', 'Email'];
    const plain = readHeader(header);
    expect(plain.unknown).toEqual(['Chi bộ nơi sinh hoạt']);
    expect(plain.issues.map((i) => i.message)).toContain('Thiếu cột "Chi bộ".');
    expect(suggestColumns('Chi bộ nơi sinh hoạt', new Set(plain.columns.keys()))[0]).toBe('Chi bộ');
    const mapped = readHeader(header, { 'chi bo noi sinh hoat': 'Chi bộ' });
    expect(mapped.issues).toEqual([]);
    expect(mapped.columns.get('Chi bộ')).toBe(4);
  });
});

describe('member list rows', () => {
  const columns = readHeader(['Họ và tên', 'Giới tính', 'Chi bộ', 'Số thẻ đảng viên']).columns;
  const cells = [{ id: 'c1', name: 'Chi bộ Tràng Đà 1' }];
  const rows = Array.from({ length: 60 }, (_, i) => ({ row: i + 2, values: [`Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`, 'Nam', 'Chi bộ Tổ dân phố Tràng Đà 1', ''] }));
  const context = { cells, foreignCardNumbers: new Set<string>(), today: '2025-01-01' };

  it('reports an unknown cell name once, with its rows, not once per row', () => {
    const { drafts, issues, cellNames } = validateMemberRows(rows, columns, context);
    expect(drafts).toEqual([]);
    expect(issues).toEqual([{ row: 2, column: 'Chi bộ', message: 'Không có chi bộ "Chi bộ Tổ dân phố Tràng Đà 1" trong đảng bộ (60 dòng). Hãy chọn chi bộ tương ứng.' }]);
    expect(cellNames).toEqual([{ name: 'Chi bộ Tổ dân phố Tràng Đà 1', rows: rows.map((r) => r.row), count: 60, cellId: null }]);
  });

  it('puts the rows of a mapped name in the chosen cell', () => {
    const { drafts, issues } = validateMemberRows(rows, columns, { ...context, cellMappings: new Map([['CHI BỘ TỔ DÂN PHỐ TRÀNG ĐÀ 1', 'c1']]) });
    expect(issues).toEqual([]);
    expect(drafts).toHaveLength(60);
    expect(drafts.every((d) => d.cellId === 'c1')).toBe(true);
  });

  it('writes card numbers one way', () => {
    expect(normaliseCardNumber(' 0999 0001 ')).toBe('09990001');
    expect(normaliseCardNumber('')).toBeNull();
    expect(normaliseCardNumber(null)).toBeNull();
  });
});
