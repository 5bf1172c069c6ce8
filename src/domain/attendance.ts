// Attendance at a conference or study session, and the counts every report is made of. Exempt
// members (miễn sinh hoạt) are listed apart and sit outside every denominator; a member who is
// expected but not yet marked counts as "chưa điểm danh", never silently as present or absent.

export const attendanceStatuses = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceStatusNames: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  excused: 'Vắng có lý do',
  absent: 'Vắng không lý do',
};

export interface AttendanceMark {
  memberId: string;
  status: AttendanceStatus;
  reason?: string | null;
}

export interface AttendanceCounts {
  /** Members of the unit as of the session's date, exempt ones included. */
  total: number;
  exempt: number;
  /** total − exempt: the denominator of every rate. */
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  unmarked: number;
  /** (present + late) / expected, as a percentage with one decimal; null when no one is expected. */
  attendedPercent: number | null;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Counts for the session; marks of people outside `expectedIds` are ignored (the service refuses them). */
export function countAttendance(expectedIds: readonly string[], exemptCount: number, marks: readonly AttendanceMark[]): AttendanceCounts {
  const expected = new Set(expectedIds);
  const counts = { present: 0, late: 0, excused: 0, absent: 0 };
  const seen = new Set<string>();
  for (const mark of marks) {
    if (!expected.has(mark.memberId) || seen.has(mark.memberId)) continue;
    seen.add(mark.memberId);
    counts[mark.status] += 1;
  }
  return {
    total: expected.size + exemptCount,
    exempt: exemptCount,
    expected: expected.size,
    ...counts,
    unmarked: expected.size - seen.size,
    attendedPercent: percent(counts.present + counts.late, expected.size),
  };
}

/** Who must make the session up (học bù): the expected members marked excused or absent. */
export function needsMakeUp(marks: readonly AttendanceMark[]): string[] {
  return marks.filter((m) => m.status === 'excused' || m.status === 'absent').map((m) => m.memberId);
}

/** Marks for people who are not expected, by id, so the service can name them in its 400. */
export function unexpectedMarks(expectedIds: readonly string[], marks: readonly AttendanceMark[]): string[] {
  const expected = new Set(expectedIds);
  return marks.filter((m) => !expected.has(m.memberId)).map((m) => m.memberId);
}

/** A reason is required for excused and absent: the report lists why people were away. */
export function marksMissingReason(marks: readonly AttendanceMark[]): string[] {
  return marks.filter((m) => (m.status === 'excused' || m.status === 'absent') && !m.reason?.trim()).map((m) => m.memberId);
}
