import { describe, expect, it } from 'vitest';
import { isClosedOn, isOpenOn, isSelfOrBelow, kindFromName, kindNotAllowedMessage, mayContain, nameKey, rebasedPath, reorderSiblings } from './units';

describe('unit kinds', () => {
  it('reads the kind in words, with or without diacritics, and its usual synonyms', () => {
    expect(kindFromName('Chi bộ')).toBe('cell');
    expect(kindFromName('chi bo')).toBe('cell');
    expect(kindFromName('Đảng bộ cơ sở')).toBe('grassrootsOrg');
    expect(kindFromName('Tổ dân phố')).toBe('residentialGroup');
    expect(kindFromName('Cơ quan')).toBe('agency');
    expect(kindFromName('Đoàn thể/Mặt trận')).toBe('massOrg');
    expect(kindFromName('Mặt trận, đoàn thể')).toBe('massOrg');
    expect(kindFromName('  ĐOÀN THỂ ')).toBe('massOrg');
    expect(kindFromName('Hợp tác xã')).toBeNull();
    expect(kindFromName('')).toBeNull();
  });

  it('allows a cell under the commune or a grassroots organisation, nothing under a cell', () => {
    expect(mayContain('commune', 'cell')).toBe(true);
    expect(mayContain('grassrootsOrg', 'cell')).toBe(true);
    expect(mayContain('grassrootsOrg', 'residentialGroup')).toBe(false);
    expect(mayContain('cell', 'cell')).toBe(false);
    expect(mayContain('residentialGroup', 'cell')).toBe(false);
    expect(kindNotAllowedMessage({ kind: 'residentialGroup', name: 'Tổ dân phố 1' }, 'cell')).toBe(
      'Chi bộ không thể trực thuộc tổ dân phố "Tổ dân phố 1". Đơn vị này không có đơn vị trực thuộc.',
    );
  });

  it('compares names folded', () => {
    expect(nameKey('  Chi bộ  Tràng Đà 1 ')).toBe(nameKey('chi bo trang da 1'));
    expect(nameKey('Chi bộ Tràng Đà 1')).not.toBe(nameKey('Chi bộ Tràng Đà 11'));
  });
});

describe('paths after a move', () => {
  it('keeps each path’s part below the moved unit', () => {
    expect(rebasedPath('/p/c/org/', '/p/c/org/', '/p/c/other/')).toBe('/p/c/other/org/');
    expect(rebasedPath('/p/c/org/cell/', '/p/c/org/', '/p/c/other/')).toBe('/p/c/other/org/cell/');
    expect(rebasedPath('/p/c/org/cell/', '/p/c/org/', '/p/c/')).toBe('/p/c/org/cell/');
    expect(() => rebasedPath('/p/c/x/', '/p/c/org/', '/p/')).toThrow(RangeError);
  });

  it('knows a unit cannot move under itself or its descendants', () => {
    expect(isSelfOrBelow('/p/c/org/', '/p/c/org/')).toBe(true);
    expect(isSelfOrBelow('/p/c/org/cell/', '/p/c/org/')).toBe(true);
    expect(isSelfOrBelow('/p/c/other/', '/p/c/org/')).toBe(false);
  });
});

describe('open and closed', () => {
  const unit = { openedOn: '2020-01-01', closedOn: '2026-06-01' };
  it('is open from openedOn until the day before closedOn', () => {
    expect(isOpenOn(unit, '2019-12-31')).toBe(false);
    expect(isOpenOn(unit, '2020-01-01')).toBe(true);
    expect(isOpenOn(unit, '2026-05-31')).toBe(true);
    expect(isOpenOn(unit, '2026-06-01')).toBe(false);
    expect(isClosedOn(unit, '2026-05-31')).toBe(false);
    expect(isClosedOn(unit, '2026-06-01')).toBe(true);
    expect(isOpenOn({ openedOn: null, closedOn: null }, '1990-01-01')).toBe(true);
  });
});

describe('reorderSiblings', () => {
  it('swaps with the neighbour, and refuses past the ends', () => {
    expect(reorderSiblings(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(reorderSiblings(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(reorderSiblings(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(reorderSiblings(['a', 'b', 'c'], 'c', 'down')).toBeNull();
  });
});
