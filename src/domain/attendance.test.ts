import { describe, expect, it } from 'vitest';
import { countAttendance, marksMissingReason, needsMakeUp, unexpectedMarks } from './attendance';

describe('attendance counts', () => {
  const expected = ['a', 'b', 'c', 'd', 'e'];

  it('keeps exempt members out of the denominator and counts the unmarked apart', () => {
    const counts = countAttendance(expected, 2, [
      { memberId: 'a', status: 'present' },
      { memberId: 'b', status: 'late' },
      { memberId: 'c', status: 'excused', reason: 'Ốm' },
      { memberId: 'd', status: 'absent', reason: 'Đi làm xa' },
    ]);
    expect(counts).toEqual({
      total: 7,
      exempt: 2,
      expected: 5,
      present: 1,
      late: 1,
      excused: 1,
      absent: 1,
      unmarked: 1,
      attendedPercent: 40,
    });
  });

  it('ignores marks of people not expected and counts a person once', () => {
    const counts = countAttendance(['a'], 0, [
      { memberId: 'a', status: 'present' },
      { memberId: 'a', status: 'absent', reason: 'x' },
      { memberId: 'z', status: 'present' },
    ]);
    expect(counts).toMatchObject({ expected: 1, present: 1, absent: 0, unmarked: 0, attendedPercent: 100 });
    expect(countAttendance([], 3, []).attendedPercent).toBeNull();
  });

  it('names who must make up, who is not expected, and whose absence lacks a reason', () => {
    const marks = [
      { memberId: 'a', status: 'present' as const },
      { memberId: 'c', status: 'excused' as const, reason: 'Ốm' },
      { memberId: 'd', status: 'absent' as const, reason: '  ' },
      { memberId: 'x', status: 'present' as const },
    ];
    expect(needsMakeUp(marks)).toEqual(['c', 'd']);
    expect(unexpectedMarks(expected, marks)).toEqual(['x']);
    expect(marksMissingReason(marks)).toEqual(['d']);
  });
});
