import { describe, expect, it } from 'vitest';
import { nameSimilarity, nameTokens, suggestNames } from './name-matching';

const cells = ['Chi bộ Tràng Đà 1', 'Chi bộ Tràng Đà 11', 'Chi bộ Tràng Đà 2', 'Chi bộ Nông Tiến 1', 'Chi bộ Xóm Cỏ', 'Chi bộ Trường THCS Nông Tiến'];
const suggest = (name: string) => suggestNames(name, cells, (c) => c).map((s) => s.item);

describe('matching the names offices write to the cells of the commune', () => {
  it('takes the ward office\'s "Chi bộ Tổ dân phố Tràng Đà 1" for "Chi bộ Tràng Đà 1", first and only', () => {
    expect(nameSimilarity('Chi bộ Tổ dân phố Tràng Đà 1', 'Chi bộ Tràng Đà 1')).toBe(1);
    expect(suggest('Chi bộ Tổ dân phố Tràng Đà 1')).toEqual(['Chi bộ Tràng Đà 1']);
  });

  it('ignores word order, diacritics, case, punctuation and leading zeros', () => {
    expect(nameSimilarity('Đà Tràng 1', 'Chi bộ Tràng Đà 1')).toBe(1);
    expect(nameSimilarity('CHI BO TRANG DA 1', 'Chi bộ Tràng Đà 1')).toBe(1);
    expect(nameSimilarity('Chi bộ Tràng Đà - 01', 'Chi bộ Tràng Đà 1')).toBe(1);
    expect(suggest('xom co')).toEqual(['Chi bộ Xóm Cỏ']);
  });

  it('drops filler words: chi bộ, tổ dân phố, TDP, thôn, khu, số', () => {
    expect(nameTokens('Chi bộ TDP số 1 Tràng Đà')).toEqual(['1', 'trang', 'da']);
    expect(nameTokens('Thôn Tràng Đà 1')).toEqual(['trang', 'da', '1']);
    expect(nameTokens('Khu Tràng Đà 1')).toEqual(['trang', 'da', '1']);
    expect(nameTokens('TDP1 Tràng Đà')).toEqual(['1', 'trang', 'da']);
    expect(nameTokens('Tổ dân phố Tràng Đà 1')).toEqual(['trang', 'da', '1']);
  });

  it('never takes "Tràng Đà 1" for "Tràng Đà 11", nor a numbered cell for an unnumbered one', () => {
    expect(nameSimilarity('Tràng Đà 1', 'Chi bộ Tràng Đà 11')).toBe(0);
    expect(nameSimilarity('Chi bộ Tràng Đà 11', 'Tràng Đà 1')).toBe(0);
    expect(suggest('Tổ dân phố Tràng Đà 11')).toEqual(['Chi bộ Tràng Đà 11']);
    expect(suggest('Tràng Đà')).toEqual([]);
  });

  it('suggests partial matches best first and nothing unrelated', () => {
    expect(suggest('Chi bộ Trường Nông Tiến')[0]).toBe('Chi bộ Trường THCS Nông Tiến');
    expect(suggest('Chi bộ Quân sự')).toEqual([]);
    expect(nameSimilarity('Chi bộ', 'Chi bộ Tràng Đà 1')).toBe(0);
  });
});
