import { describe, expect, it } from 'vitest';
import { checkTreeRows, readTreeHeader, type ExistingUnit } from './unit-tree-import';

const root: ExistingUnit = { id: 'c', parentId: 'p', kind: 'commune', name: 'Đảng ủy phường Thử', closed: false };
const org: ExistingUnit = { id: 'org', parentId: 'c', kind: 'grassrootsOrg', name: 'Đảng bộ Công an', closed: false };
const oldCell: ExistingUnit = { id: 'old', parentId: 'c', kind: 'cell', name: 'Chi bộ Cũ', closed: true };
const header = ['STT', 'Tên đơn vị', 'Loại', 'Trực thuộc'];
const check = (rows: string[][], existing: ExistingUnit[] = [root, org, oldCell]) => {
  const { columns } = readTreeHeader(header);
  return checkTreeRows(rows.map((values, i) => ({ row: i + 2, values })), columns, root, existing);
};

describe('readTreeHeader', () => {
  it('knows the columns and their synonyms, and says what is missing', () => {
    expect(readTreeHeader(['TT', 'Tên', 'Loại đơn vị', 'Đơn vị cấp trên']).errors).toEqual([]);
    expect(readTreeHeader(['STT', 'Tên đơn vị', 'Ghi chú']).errors.map((e) => e.message)).toEqual([
      'Cột "Ghi chú" không đúng mẫu. Các cột phải là: STT, Tên đơn vị, Loại, Trực thuộc.',
      'Thiếu cột "Loại".',
    ]);
  });
});

describe('checkTreeRows', () => {
  it('reads rows in any order, parents by name from the file or the tree, parents first', () => {
    const result = check([
      ['1', 'Chi bộ Khu 1', 'Chi bộ', 'Đảng bộ Khu'],
      ['2', 'Đảng bộ Khu', 'Đảng bộ cơ sở', ''],
      ['3', 'Chi bộ Cảnh sát', 'chi bo', 'dang bo cong an'],
      ['4', 'Tổ dân phố 1', 'Tổ dân phố', 'Đảng ủy phường Thử'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.drafts.map((d) => [d.row, d.name, d.parent])).toEqual([
      [3, 'Đảng bộ Khu', { unitId: 'c' }],
      [2, 'Chi bộ Khu 1', { row: 3 }],
      [4, 'Chi bộ Cảnh sát', { unitId: 'org' }],
      [5, 'Tổ dân phố 1', { unitId: 'c' }],
    ]);
  });

  it('keeps rows naming a unit already there (a re-import changes nothing)', () => {
    const result = check([['1', 'Đảng bộ Công an', 'Đảng bộ cơ sở', '']]);
    expect(result).toEqual({ drafts: [], unchanged: 1, errors: [] });
  });

  it('lists every bad row: unknown parent, cycle, unknown kind, duplicate, empty name, kind not allowed, closed parent', () => {
    const result = check([
      ['1', 'Chi bộ A', 'Chi bộ', 'Đảng bộ Không Có'],
      ['2', 'Đảng bộ X', 'Đảng bộ cơ sở', 'Đảng bộ Y'],
      ['3', 'Đảng bộ Y', 'Đảng bộ cơ sở', 'Đảng bộ X'],
      ['4', 'Hợp tác xã', 'Hợp tác xã', ''],
      ['5', 'Chi bộ B', 'Chi bộ', ''],
      ['6', 'chi bo b', 'Chi bộ', ''],
      ['7', '', 'Chi bộ', ''],
      ['8', 'Tổ dân phố 9', 'Tổ dân phố', 'Đảng bộ Công an'],
      ['9', 'Chi bộ C', 'Chi bộ', 'Chi bộ Cũ'],
    ]);
    expect(result.drafts).toEqual([]);
    expect(result.errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 7, 8, 9, 10]);
    const text = result.errors.map((e) => e.message).join('\n');
    expect(text).toContain('Không tìm thấy đơn vị trực thuộc "Đảng bộ Không Có"');
    expect(text).toContain('Vòng lặp trực thuộc');
    expect(text).toContain('Loại "Hợp tác xã" không có');
    expect(text).toContain('Trùng tên với dòng 6');
    expect(text).toContain('Thiếu tên đơn vị.');
    expect(text).toContain('Tổ dân phố không thể trực thuộc đảng bộ cơ sở "Đảng bộ Công an"');
    expect(text).toContain('"Chi bộ Cũ" đã đóng');
  });

  it('refuses a row naming a unit already there with another kind', () => {
    const result = check([['1', 'Đảng bộ Công an', 'Chi bộ', '']]);
    expect(result.errors).toEqual([{ row: 2, message: '"Đảng ủy phường Thử" đã có đơn vị "Đảng bộ Công an" (Đảng bộ cơ sở).' }]);
  });

  it('refuses an ambiguous parent name', () => {
    const result = check([
      ['1', 'Chi bộ 1', 'Chi bộ', 'Đảng bộ A'],
      ['2', 'Đảng bộ A', 'Đảng bộ cơ sở', ''],
      ['3', 'Đảng bộ A', 'Đảng bộ cơ sở', ''],
    ]);
    expect(result.errors.map((e) => e.row)).toEqual([2, 4]);
    expect(result.errors[0]!.message).toContain('Có 2 đơn vị tên "Đảng bộ A"');
  });
});
