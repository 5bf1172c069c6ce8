import { describe, expect, it } from 'vitest';
import { canTransition, consolidate, formatCount, formatRate, isOnTime, owesReport, rate, reportDeadline, reportDueAt, reportFigures, type CellRow } from './report-figures';
import { findDue } from './due-date';

describe('rates and their formatting', () => {
  it('are fractions, null on a zero denominator, never above 1', () => {
    expect(rate(44, 46)).toBeCloseTo(0.9565);
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 4)).toBe(1);
  });
  it('read in Vietnamese: 95,7 %, —, 1.112', () => {
    expect(formatRate(44 / 46)).toBe('95,7 %');
    expect(formatRate(1)).toBe('100,0 %');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(formatCount(1112)).toBe('1.112');
  });
  it('a report with no one expected has no rates, not NaN', () => {
    const f = reportFigures({ total: 2, exempt: 2, expected: 0, present: 0, late: 0, excused: 0, absent: 0 }, 0, { youth: 0, association: 0, public: 0 });
    expect(Object.values(f.rates).every((r) => r === null)).toBe(true);
    const g = reportFigures({ total: 21, exempt: 1, expected: 20, present: 16, late: 1, excused: 2, absent: 1 }, 2, { youth: 3, association: 5, public: 12 });
    expect(g.rates).toMatchObject({ attended: 0.85, studied: 0.95, absent: 0.05 });
  });
});

describe('states', () => {
  it('a draft or returned report is edited and submitted; a submitted one is returned, accepted or re-scored; an accepted one only re-scored', () => {
    expect(canTransition('draft', 'submit')).toBe(true);
    expect(canTransition('returned', 'edit')).toBe(true);
    expect(canTransition('submitted', 'edit')).toBe(false);
    expect(canTransition('submitted', 'accept')).toBe(true);
    expect(canTransition('accepted', 'edit')).toBe(false);
    expect(canTransition('accepted', 'return')).toBe(false);
    expect(canTransition('accepted', 'rescore')).toBe(true);
    expect(canTransition('draft', 'accept')).toBe(false);
  });
});

describe('timeliness against the plan own deadline', () => {
  const tasks = [
    { text: 'Các chi bộ tổ chức học tập', due: findDue('hoàn thành trong tháng 5/2026')?.due ?? null },
    { text: 'Tổng hợp, báo cáo kết quả phổ biến, quán triệt với Ban Thường vụ Đảng ủy (qua Ban xây dựng Đảng tổng hợp) trước ngày 05/6/2026.', due: findDue('trước ngày 05/6/2026')!.due },
  ];
  it('takes the reporting task, due at the start of 05/06/2026 in Hà Nội', () => {
    expect(reportDeadline(tasks)).toMatchObject({ kind: 'before', date: '2026-06-05' });
    expect(reportDueAt(tasks)!.toISOString()).toBe('2026-06-04T17:00:00.000Z');
    expect(reportDeadline([tasks[0]!])).toBeNull();
  });
  it('is on time up to the last instant of 04/06 and late from 00:00 on 05/06', () => {
    const due = reportDueAt(tasks);
    expect(isOnTime(new Date('2026-06-04T23:59:59+07:00'), due)).toBe(true);
    expect(isOnTime(new Date('2026-06-05T00:00:00+07:00'), due)).toBe(false);
    expect(isOnTime(null, due)).toBeNull();
    expect(isOnTime(new Date('2030-01-01'), null)).toBe(true);
  });
});

describe('consolidation', () => {
  const dueAt = new Date('2026-06-04T17:00:00Z');
  const campaign = { from: '2026-05-15', to: '2026-06-05', dueAt };
  const members = { expected: 10, present: 8, late: 1, excused: 1, absent: 0, madeUp: 1 };
  const row = (over: Partial<CellRow>): CellRow => ({ unitId: 'u', unitName: 'Chi bộ', openedOn: null, closedOn: null, status: null, firstSubmittedAt: null, total: null, rating: null, members: null, ...over });
  it('counts submitted, on time, late, missing; a returned-and-resubmitted report keeps its first submission', () => {
    const c = consolidate(
      [
        row({ unitId: 'a', status: 'accepted', firstSubmittedAt: new Date('2026-06-01T10:00:00+07:00'), total: 92, rating: 'Tốt', members }),
        row({ unitId: 'b', status: 'submitted', firstSubmittedAt: new Date('2026-06-06T10:00:00+07:00'), total: 75, rating: 'Khá', members }),
        row({ unitId: 'c', status: 'returned', firstSubmittedAt: new Date('2026-06-02T10:00:00+07:00'), total: 60, rating: 'Trung bình', members }),
        row({ unitId: 'd', status: 'draft' }),
        row({ unitId: 'e' }),
      ],
      campaign,
      ['Tốt', 'Khá', 'Trung bình', 'Chưa đạt'],
    );
    expect(c).toMatchObject({ expected: 5, submitted: 3, onTime: 2, late: 1, missing: 2, completeness: 0.6, timeliness: 0.4 });
    expect(c.ratings).toEqual({ Tốt: 1, Khá: 1, 'Trung bình': 0, 'Chưa đạt': 0 });
    expect(c.members).toEqual({ expected: 20, present: 16, late: 2, excused: 2, absent: 0, madeUp: 2 });
    expect(c.cells.map((x) => [x.unitId, x.status, x.onTime])).toEqual([
      ['a', 'accepted', true],
      ['b', 'submitted', false],
      ['c', 'returned', true],
      ['d', 'draft', null],
      ['e', 'missing', null],
    ]);
  });
  it('cells closed before the plan or opened after the deadline owe nothing; one that reported anyway counts and no rate exceeds 100 %', () => {
    expect(owesReport({ openedOn: null, closedOn: '2026-05-01', status: null }, campaign.from, campaign.to)).toBe(false);
    expect(owesReport({ openedOn: '2026-06-10', closedOn: null, status: null }, campaign.from, campaign.to)).toBe(false);
    expect(owesReport({ openedOn: null, closedOn: '2026-05-20', status: null }, campaign.from, campaign.to)).toBe(true);
    const c = consolidate(
      [
        row({ unitId: 'a', status: 'accepted', firstSubmittedAt: new Date('2026-06-01T10:00:00+07:00'), members }),
        row({ unitId: 'closed', closedOn: '2026-05-01', status: 'submitted', firstSubmittedAt: new Date('2026-06-01T10:00:00+07:00'), members }),
        row({ unitId: 'closed-silent', closedOn: '2026-05-01' }),
      ],
      campaign,
      [],
    );
    expect(c).toMatchObject({ expected: 2, submitted: 2, completeness: 1, timeliness: 1 });
  });
  it('no cell: rates are null', () => {
    expect(consolidate([], campaign, [])).toMatchObject({ expected: 0, completeness: null, timeliness: null });
  });
});
