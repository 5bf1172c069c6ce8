import { describe, expect, it } from 'vitest';
import { alertTitle, alertsDue, daysBetween, lastDayOf, latestDueAtToScan } from './reminders';
import { dueMoment } from './due-moment';

// "Hoàn thành trước ngày 05/6/2026": due at 00:00 on 05/6 in Hà Nội = 2026-06-04T17:00Z, last day 04/6.
const before5June = dueMoment({ phrase: 'trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' })!;
// "ngày 05/6/2026": due at the end of 05/6, last day 05/6.
const on5June = dueMoment({ phrase: 'ngày 05/6/2026', kind: 'on', date: '2026-06-05' })!;
const open = (dueAt: Date) => ({ dueAt, status: 'not-started' as const });
/** An instant in Hà Nội, written with its offset so the test means the same whatever TZ runs it. */
const vn = (local: string) => new Date(`${local}+07:00`);
const slots = (dueAt: Date, now: Date) => alertsDue(open(dueAt), now).map((a) => `${a.slot}:${a.days}`);

describe('the last day of a task', () => {
  it('is the day before for "trước ngày", the day itself for "ngày"', () => {
    expect(before5June.toISOString()).toBe('2026-06-04T17:00:00.000Z');
    expect(lastDayOf(before5June)).toBe('2026-06-04');
    expect(lastDayOf(on5June)).toBe('2026-06-05');
    expect(daysBetween('2026-05-31', '2026-06-04')).toBe(4);
  });
});

describe('reminders at day boundaries in Asia/Ho_Chi_Minh', () => {
  it('sends "before-7" from 00:00 in Hà Nội seven days before the last day, not at 23:59 the day before', () => {
    expect(slots(before5June, vn('2026-05-27T23:59:59'))).toEqual([]);
    expect(slots(before5June, vn('2026-05-28T00:00:00'))).toEqual(['before-7:7']);
    // 2026-05-27T17:00Z is already 28/5 in Hà Nội although it is 27/5 in UTC.
    expect(slots(before5June, new Date('2026-05-27T17:00:00Z'))).toEqual(['before-7:7']);
    expect(slots(before5June, new Date('2026-05-27T16:59:59Z'))).toEqual([]);
  });

  it('walks the stages: 7, 3, 1 days left, the last day, then every 3 days overdue and escalation at 3', () => {
    const byDay: Record<string, string[]> = {};
    for (let d = 20; d <= 31 + 14; d++) {
      const day = d <= 31 ? `2026-05-${String(d).padStart(2, '0')}` : `2026-06-${String(d - 31).padStart(2, '0')}`;
      byDay[day] = slots(on5June, vn(`${day}T08:00:00`));
    }
    expect(byDay['2026-05-28']).toEqual([]);
    expect(byDay['2026-05-29']).toEqual(['before-7:7']);
    expect(byDay['2026-06-01']).toEqual(['before-7:4']);
    expect(byDay['2026-06-02']).toEqual(['before-3:3']);
    expect(byDay['2026-06-04']).toEqual(['before-1:1']);
    expect(byDay['2026-06-05']).toEqual(['due-day:0']);
    expect(byDay['2026-06-06']).toEqual([]);
    expect(byDay['2026-06-07']).toEqual([]);
    expect(byDay['2026-06-08']).toEqual(['overdue-3:3', 'escalation:3']);
    expect(byDay['2026-06-10']).toEqual(['overdue-3:5', 'escalation:5']);
    expect(byDay['2026-06-11']).toEqual(['overdue-6:6', 'escalation:6']);
    expect(byDay['2026-06-14']).toEqual(['overdue-9:9', 'escalation:9']);
  });

  it('becomes overdue at the due moment exactly: 23:59:59 on the last day is still "due-day"', () => {
    expect(slots(on5June, vn('2026-06-05T23:59:59'))).toEqual(['due-day:0']);
    expect(slots(on5June, vn('2026-06-06T00:00:00'))).toEqual([]);
  });

  it('never sends a stage already passed: created two days before, it gets "before-3" with the real days left', () => {
    expect(slots(on5June, vn('2026-06-03T10:00:00'))).toEqual(['before-3:2']);
  });

  it('owes nothing to a done task or one without a due moment', () => {
    expect(alertsDue({ dueAt: on5June, status: 'done' }, vn('2026-06-20T08:00:00'))).toEqual([]);
    expect(alertsDue({ dueAt: null, status: 'in-progress' }, vn('2026-06-20T08:00:00'))).toEqual([]);
  });

  it('follows the commune’s own offsets and escalation delay', () => {
    const settings = { beforeDays: [5], overdueEveryDays: 0, escalationAfterDays: 7 };
    expect(alertsDue(open(on5June), vn('2026-05-31T08:00:00'), settings).map((a) => a.slot)).toEqual(['before-5']);
    expect(alertsDue(open(on5June), vn('2026-06-01T08:00:00'), settings).map((a) => a.slot)).toEqual(['before-5']);
    expect(alertsDue(open(on5June), vn('2026-06-11T08:00:00'), settings)).toEqual([]);
    expect(alertsDue(open(on5June), vn('2026-06-12T08:00:00'), settings)).toEqual([{ slot: 'escalation', kind: 'escalation', days: 7 }]);
  });

  it('bounds the scan: every task owed a "before" reminder falls due before the bound', () => {
    const now = vn('2026-05-29T00:00:00');
    expect(on5June.getTime()).toBeLessThan(latestDueAtToScan(now).getTime());
  });
});

describe('titles', () => {
  const task = { text: 'Tổng hợp, báo cáo kết quả học tập', unitName: 'Chi bộ Tràng Đà 1', dueDay: '2026-06-05' };
  it('says the days left, the days overdue, and who is late', () => {
    expect(alertTitle({ slot: 'before-3', kind: 'reminder', days: 3 }, task)).toBe('Nhắc việc: còn 3 ngày — Tổng hợp, báo cáo kết quả học tập');
    expect(alertTitle({ slot: 'due-day', kind: 'reminder', days: 0 }, task)).toBe('Nhắc việc: hôm nay là hạn cuối — Tổng hợp, báo cáo kết quả học tập');
    expect(alertTitle({ slot: 'overdue-3', kind: 'reminder', days: 3 }, task)).toBe('Quá hạn 3 ngày: Tổng hợp, báo cáo kết quả học tập');
    expect(alertTitle({ slot: 'escalation', kind: 'escalation', days: 3 }, task)).toBe('Báo cáo: Chi bộ Tràng Đà 1 chưa hoàn thành nhiệm vụ quá hạn 3 ngày');
  });
});
