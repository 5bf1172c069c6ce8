import { describe, expect, it } from 'vitest';
import { importPlan } from './index';
import { defaultVocabulary, loadVocabulary, mergeVocabulary, parseVocabulary } from './vocabulary';

describe('vocabulary', () => {
  it('holds the genre’s known misspellings and the standard units of a ward', () => {
    expect(defaultVocabulary.misspellings['quản triệt']).toBe('quán triệt');
    expect(defaultVocabulary.misspellings['cơ chuyên trách']).toBe('cơ quan chuyên trách');
    expect(defaultVocabulary.misspellings['những cũng']).toBe('nhưng cũng');
    expect(defaultVocabulary.units).toEqual(expect.arrayContaining(['Ban xây dựng Đảng', 'Văn phòng Đảng ủy', 'Ủy ban nhân dân phường', 'Công an phường']));
    expect(defaultVocabulary.unitGroups).toContain('Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc');
  });

  it('validates an administrator’s extension and reports every problem in Vietnamese', () => {
    expect(parseVocabulary([])).toEqual({ ok: false, errors: ['Tệp từ vựng phải là một đối tượng JSON (dạng { … }).'] });
    const result = parseVocabulary({ misspellings: { 'tuyên truyền': 'tuyên truyền', 'a b': 3, '': 'x' }, units: 'Ban A', extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        'Khóa “extra” không được hỗ trợ; chỉ dùng: misspellings, units, unitGroups, unitAliases, allowedRepeats.',
        '“units” (đơn vị) phải là một danh sách chuỗi.',
        '“misspellings”["tuyên truyền"] trùng với chính nó.',
        '“misspellings”["a b"] phải là một chuỗi không rỗng.',
        '“misspellings” có một khóa rỗng.',
      ]);
    }
    expect(parseVocabulary({ units: ['Ban A', ''] })).toEqual({ ok: false, errors: ['“units”[1] phải là một chuỗi không rỗng.'] });
  });

  it('normalises entries to NFC and merges without duplicates; the extension overrides a correction', () => {
    const parsed = parseVocabulary({
      misspellings: { 'QUẢN TRIỆT': 'quán triệt (sửa)', ['tuyên truyênn'.normalize('NFD')]: 'tuyên truyền' },
      units: ['Ban xây dựng Đảng', 'Tổ dân phố Tràng Đà 6'],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const merged = mergeVocabulary(defaultVocabulary, parsed.vocabulary);
    expect(merged.units.filter((u) => u === 'Ban xây dựng Đảng')).toHaveLength(1);
    expect(merged.units).toContain('Tổ dân phố Tràng Đà 6');
    expect(merged.misspellings['QUẢN TRIỆT']).toBe('quán triệt (sửa)');
    expect(merged.misspellings['quản triệt']).toBeUndefined();
    expect(merged.misspellings['tuyên truyênn']).toBe('tuyên truyền');
    expect(defaultVocabulary.misspellings['quản triệt']).toBe('quán triệt');
    expect(loadVocabulary()).toBe(defaultVocabulary);
  });

  it('an extension changes what the importer reports', () => {
    const text = 'Tổ chức tuyên truyênn sâu rộng.';
    expect(importPlan(text).diagnostics.filter((d) => d.code === 'known-misspelling')).toEqual([]);
    const vocabulary = loadVocabulary({ misspellings: { 'tuyên truyênn': 'tuyên truyền' } });
    expect(importPlan(text, { vocabulary }).diagnostics.filter((d) => d.code === 'known-misspelling')).toEqual([
      { line: 1, column: 9, severity: 'warning', code: 'known-misspelling', message: 'Viết sai: “tuyên truyênn”, đúng là “tuyên truyền”.', fix: { from: 8, to: 21, replacement: 'tuyên truyền' } },
    ]);
  });
});
