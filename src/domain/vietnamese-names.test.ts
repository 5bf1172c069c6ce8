import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, foldVietnamese, givenName, nameSortKey, normaliseFullName, sortByVietnameseName } from './vietnamese-names';

describe('Vietnamese names', () => {
  it('takes the given name as the last word', () => {
    expect(givenName('Nguyễn Văn Hùng')).toBe('Hùng');
    expect(givenName('  Lê   Thị  Ánh  ')).toBe('Ánh');
    expect(nameSortKey('Nguyễn Văn Hùng')).toBe('Hùng Nguyễn Văn');
  });

  it('normalises spacing and decomposed input to NFC', () => {
    const decomposed = 'Nguyễn Văn Hùng'.normalize('NFD');
    expect(normaliseFullName(` ${decomposed}  `)).toBe('Nguyễn Văn Hùng');
  });

  it('orders by given name, then by the rest, with Vietnamese collation', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị Anh', 'Lê Văn Ân', 'Phạm Đức Dũng', 'Hoàng Văn Đạt', 'Nguyễn Văn Bình', 'Vũ Thị Ánh'];
    const sorted = sortByVietnameseName(names, (n) => n);
    // "Anh" < "Ánh" < "Ân" (a, á, â); "Bình": Nguyễn before Trần; "Dũng" < "Đạt" (d before đ).
    expect(sorted).toEqual(['Nguyễn Thị Anh', 'Vũ Thị Ánh', 'Lê Văn Ân', 'Nguyễn Văn Bình', 'Trần Văn Bình', 'Phạm Đức Dũng', 'Hoàng Văn Đạt']);
  });

  it('is a consistent comparator', () => {
    expect(compareVietnameseNames('Nguyễn Văn Hùng', 'Nguyễn Văn Hùng')).toBe(0);
    expect(Math.sign(compareVietnameseNames('A B', 'C D'))).toBe(-Math.sign(compareVietnameseNames('C D', 'A B')));
  });

  it('folds diacritics and đ for search', () => {
    expect(foldVietnamese('Nguyễn Văn Hùng')).toBe('nguyen van hung');
    expect(foldVietnamese('ĐỖ THỊ HẰNG')).toBe('do thi hang');
  });
});
