import { describe, expect, it } from 'vitest';
import { rollUp, type CommuneReportRow } from './province-rollup';

const row = (over: Partial<CommuneReportRow>): CommuneReportRow => ({
  status: 'submitted',
  onTime: true,
  cellsExpected: 10,
  cellsSubmitted: 9,
  cellsOnTime: 8,
  cellsMissing: 1,
  membersExpected: 200,
  membersPresent: 180,
  membersLate: 5,
  membersExcused: 5,
  membersAbsent: 10,
  membersMadeUp: 5,
  ratings: { Tốt: 7, Khá: 2 },
  ...over,
});

describe('the province roll-up', () => {
  it('adds only the submitted communes; pending and reopened count as missing, their figures unseen', () => {
    const r = rollUp([row({}), row({ onTime: false, ratings: { Tốt: 1, 'Chưa đạt': 1 } }), row({ status: 'pending', cellsExpected: 99 }), row({ status: 'reopened', membersExpected: 999 })]);
    expect(r).toMatchObject({ communes: 4, submitted: 2, onTime: 1, late: 1, missing: 2, completeness: 0.5, timeliness: 0.25 });
    expect(r.cells).toEqual({ expected: 20, submitted: 18, onTime: 16, missing: 2, completeness: 0.9, timeliness: 0.8 });
    expect(r.members).toMatchObject({ expected: 400, present: 360, madeUp: 10, studied: 380 / 400 });
    expect(r.ratings).toEqual({ Tốt: 8, Khá: 2, 'Chưa đạt': 1 });
  });

  it('gives null rates, never NaN, when nothing is expected', () => {
    const none = rollUp([]);
    expect(none).toMatchObject({ communes: 0, completeness: null, timeliness: null, cells: { completeness: null, timeliness: null }, members: { studied: null } });
    const empty = rollUp([row({ cellsExpected: 0, cellsSubmitted: 0, cellsOnTime: 0, cellsMissing: 0, membersExpected: 0, membersPresent: 0, membersLate: 0, membersMadeUp: 0 })]);
    expect(empty.cells.completeness).toBeNull();
    expect(empty.members.studied).toBeNull();
    expect(empty.completeness).toBe(1);
  });
});
