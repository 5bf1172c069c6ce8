import { describe, expect, it } from 'vitest';
import { sortInTreeOrder, type OrderedUnit } from './org-tree';

describe('sortInTreeOrder', () => {
  // commune ─ agency (order 0) ─ …; cells (order 1): Tràng Đà 10, Tràng Đà 2, Ỷ La 1, Ấp Đông 1 (all order 1)
  const units = new Map<string, OrderedUnit>([
    ['c', { sortOrder: 0, name: 'Đảng ủy phường' }],
    ['org', { sortOrder: 2, name: 'Đảng bộ Quân sự' }],
    ['ubnd', { sortOrder: 0, name: 'Ủy ban nhân dân phường' }],
    ['td10', { sortOrder: 1, name: 'Chi bộ Tràng Đà 10' }],
    ['td2', { sortOrder: 1, name: 'Chi bộ Tràng Đà 2' }],
    ['yla', { sortOrder: 1, name: 'Chi bộ Ỷ La 1' }],
    ['dong', { sortOrder: 1, name: 'Chi bộ Đồng Tâm 1' }],
    ['sub', { sortOrder: 0, name: 'Chi bộ Kho 1' }],
  ]);
  const paths = ['/c/org/sub/', '/c/yla/', '/c/td10/', '/c/org/', '/c/dong/', '/c/ubnd/', '/c/td2/', '/c/'];

  it('puts parents before children, siblings by order then Vietnamese name with numbers as numbers', () => {
    expect(sortInTreeOrder(paths, (p) => p, units)).toEqual(['/c/', '/c/ubnd/', '/c/dong/', '/c/td2/', '/c/td10/', '/c/yla/', '/c/org/', '/c/org/sub/']);
  });
});
