import { describe, expect, it } from 'vitest';
import { countStudyAttendance, isLate, reflectionDeadline, studyAttendance } from './study-record';

describe('the attendance that counts for a plan', () => {
  it('present or late at the session or the conference wins; a make-up attended turns an absence into made up', () => {
    expect(studyAttendance([{ source: 'session', status: 'present' }])).toBe('present');
    expect(studyAttendance([{ source: 'session', status: 'absent' }, { source: 'conference', status: 'late' }])).toBe('late');
    expect(studyAttendance([{ source: 'session', status: 'excused' }, { source: 'make-up', status: 'present' }])).toBe('made-up');
    expect(studyAttendance([{ source: 'session', status: 'absent' }, { source: 'make-up', status: 'absent' }])).toBe('absent');
    expect(studyAttendance([{ source: 'session', status: 'excused' }])).toBe('excused');
    expect(studyAttendance([])).toBeNull();
  });

  it('the deadline: the ward\'s date, else the grassroots deadline, else none; late only after its last day', () => {
    const may = { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' } as const;
    expect(reflectionDeadline('2026-06-10', may, '2026-05-15')).toBe('2026-06-10');
    expect(reflectionDeadline(null, may, '2026-05-15')).toBe('2026-05-31');
    expect(reflectionDeadline(null, null, '2026-05-15')).toBeNull();
    expect(isLate('2026-05-31', '2026-05-31')).toBe(false);
    expect(isLate('2026-06-01', '2026-05-31')).toBe(true);
    expect(isLate('2027-01-01', null)).toBe(false);
  });

  it('counts a year', () => {
    expect(countStudyAttendance(['present', 'made-up', null, 'present'])).toEqual({ present: 2, late: 0, 'made-up': 1, excused: 0, absent: 0, unmarked: 1 });
  });
});
