// The dates of a member's record must tell a possible life: born after 1900 and not in the future,
// admitted to the Party at 18 or older (Điều lệ Đảng) and not before birth, made official on or
// after admission, nothing after today. Shared by the members import and the member form.
import { addYears } from './dates';

export const MIN_BIRTH_DATE = '1900-01-01';
export const MIN_PARTY_AGE = 18;

export interface MemberDates {
  birthDate: string | null;
  joinedOn: string | null;
  officialOn: string | null;
}

export type MemberDateField = keyof MemberDates;

export interface MemberDateIssue {
  field: MemberDateField;
  message: string;
}

const label: Record<MemberDateField, string> = { birthDate: 'Ngày sinh', joinedOn: 'Ngày vào Đảng', officialOn: 'Ngày chính thức' };

/** Every rule the three dates break, in the order of the fields; `today` is Vietnam's date. */
export function memberDateIssues(dates: MemberDates, today: string): MemberDateIssue[] {
  const issues: MemberDateIssue[] = [];
  const { birthDate, joinedOn, officialOn } = dates;
  for (const field of ['birthDate', 'joinedOn', 'officialOn'] as const) {
    const value = dates[field];
    if (value && value > today) issues.push({ field, message: `${label[field]} không thể sau ngày hôm nay.` });
  }
  if (birthDate && birthDate < MIN_BIRTH_DATE) issues.push({ field: 'birthDate', message: 'Ngày sinh phải từ năm 1900 trở về sau.' });
  if (birthDate && joinedOn) {
    if (joinedOn < birthDate) issues.push({ field: 'joinedOn', message: 'Ngày vào Đảng không thể trước ngày sinh.' });
    else if (joinedOn < addYears(birthDate, MIN_PARTY_AGE)) {
      issues.push({ field: 'joinedOn', message: `Ngày vào Đảng phải khi đủ ${MIN_PARTY_AGE} tuổi trở lên.` });
    }
  }
  if (joinedOn && officialOn && officialOn < joinedOn) issues.push({ field: 'officialOn', message: 'Ngày chính thức không thể trước ngày vào Đảng.' });
  return issues.sort((a, b) => order(a.field) - order(b.field));
}

const order = (field: MemberDateField) => ['birthDate', 'joinedOn', 'officialOn'].indexOf(field);
