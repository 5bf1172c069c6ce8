import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlan } from './plan-import';
import { dueWarnings, resolveAssignee, rollUp, rollUpText, taskFollows } from './tasks';

const fixture = readFileSync(new URL('../server/seed/data/ke-hoach-91-NQ-TU.md', import.meta.url), 'utf8');
const units = [
  { id: 'bxd', name: 'Ban xây dựng Đảng' },
  { id: 'ubnd', name: 'Ủy ban nhân dân phường' },
  { id: 'vp', name: 'Văn phòng Đảng ủy' },
];

describe('the fixture plan’s section IV as tasks', () => {
  const { tasks } = importPlan(fixture);

  it('names one unit or the group of cells for each task, and which real work the cells’ tasks follow', () => {
    expect(tasks.map((t) => [resolveAssignee(t.assignee, units), taskFollows(t)])).toEqual([
      [{ unitId: 'bxd' }, null],
      [{ unitId: 'bxd' }, null],
      [{ unitId: 'bxd' }, null],
      [{ unitId: 'ubnd' }, null],
      [{ unitId: 'ubnd' }, null],
      [{ unitId: 'vp' }, null],
      [{ group: 'cells' }, 'study-session'],
      [{ group: 'cells' }, 'cell-report'],
    ]);
  });

  it('leaves a phrase naming no unit of the commune unresolved', () => {
    expect(resolveAssignee('Hội Người cao tuổi phường', units)).toBeNull();
    expect(resolveAssignee('các chi bộ trực thuộc', units)).toEqual({ group: 'cells' });
  });

  it('a single cell’s task about studying follows its session; other units’ tasks follow nothing', () => {
    expect(taskFollows({ assignee: 'Chi bộ Tràng Đà 1', text: 'Tổ chức học tập, quán triệt Nghị quyết.' }, true)).toBe('study-session');
    expect(taskFollows({ assignee: 'Ban xây dựng Đảng', text: 'Tổ chức học tập, quán triệt Nghị quyết.' })).toBeNull();
  });
});

describe('roll-up of a group task', () => {
  it('counts done and overdue and derives the status', () => {
    const children = [
      ...Array.from({ length: 32 }, () => ({ status: 'done' as const, overdue: false })),
      ...Array.from({ length: 5 }, () => ({ status: 'not-started' as const, overdue: true })),
      ...Array.from({ length: 4 }, () => ({ status: 'in-progress' as const, overdue: false })),
    ];
    const r = rollUp(children);
    expect(r).toEqual({ done: 32, total: 41, overdue: 5, status: 'in-progress' });
    expect(rollUpText(r)).toBe('32/41 xong, 5 quá hạn');
    expect(rollUp([{ status: 'done', overdue: false }]).status).toBe('done');
    expect(rollUp([{ status: 'not-started', overdue: false }]).status).toBe('not-started');
    expect(rollUpText({ done: 2, total: 3, overdue: 0 })).toBe('2/3 xong');
  });
});

describe('deadline warnings', () => {
  it('warns on a deadline ending before the resolution was issued, never otherwise', () => {
    const resolution = { number: '91-NQ/TU', issuedOn: '2026-05-12' };
    expect(dueWarnings({ phrase: 'trước ngày 10/5/2026', kind: 'before', date: '2026-05-10' }, resolution)).toEqual([
      'Thời hạn “trước ngày 10/5/2026” kết thúc trước ngày ban hành Nghị quyết số 91-NQ/TU (12/05/2026).',
    ]);
    expect(dueWarnings({ phrase: 'trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' }, resolution)).toEqual([]);
    expect(dueWarnings({ phrase: 'thường xuyên', kind: 'ongoing' }, resolution)).toEqual([]);
    expect(dueWarnings(null, resolution)).toEqual([]);
  });
});
