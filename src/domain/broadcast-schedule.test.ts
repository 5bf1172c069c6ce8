// The loudspeaker's recurrence: occurrences by the rrule library, wall-clock times in Việt Nam
// whatever the process's zone (the test runs the same under TZ=UTC and TZ=Asia/Ho_Chi_Minh).
import { describe, expect, it } from 'vitest';
import { checkSchedule, describeRule, occurrencesOf, scheduleRule, scheduleText } from './broadcast-schedule';

const campaign = { from: '2026-05-20', to: '2026-06-30', weekdays: ['MO', 'TH'] as ('MO' | 'TH')[], time: '06:30' };

describe('a weekly broadcast', () => {
  it('is stored as RFC 5545 text with its zone', () => {
    const rule = scheduleRule(campaign);
    expect(rule).toBe('DTSTART;TZID=Asia/Ho_Chi_Minh:20260520T063000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260630T063000');
    expect(describeRule(rule)).toEqual(campaign);
    expect(scheduleText(campaign)).toBe('Mỗi tuần 02 lần: thứ Hai và thứ Năm, 6h30, từ 20/5/2026 đến 30/6/2026');
  });

  it('"thứ Hai và thứ Năm, 6h30, từ 20/5 đến 30/6/2026": 12 broadcasts at 6:30 in Hà Nội (23:30 UTC the day before), across the month end', () => {
    const all = occurrencesOf(scheduleRule(campaign));
    expect(all.map((o) => o.on)).toEqual([
      '2026-05-21', '2026-05-25', '2026-05-28', '2026-06-01', '2026-06-04', '2026-06-08',
      '2026-06-11', '2026-06-15', '2026-06-18', '2026-06-22', '2026-06-25', '2026-06-29',
    ]);
    expect(all.every((o) => o.time === '06:30')).toBe(true);
    expect(all[0]!.at).toBe('2026-05-20T23:30:00.000Z');
    expect(all[3]).toEqual({ on: '2026-06-01', time: '06:30', at: '2026-05-31T23:30:00.000Z' });
    // Every day is the weekday it claims, in Việt Nam.
    const weekday = (iso: string) => new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
    expect(new Set(all.map((o) => weekday(o.at)))).toEqual(new Set(['Mon', 'Thu']));
  });

  it('a late-evening broadcast stays on its Vietnamese day (22:15 is 15:15 UTC the same day), and the last day counts', () => {
    const all = occurrencesOf(scheduleRule({ from: '2026-06-29', to: '2026-07-02', weekdays: ['TH', 'MO'], time: '22:15' }));
    expect(all).toEqual([
      { on: '2026-06-29', time: '22:15', at: '2026-06-29T15:15:00.000Z' },
      { on: '2026-07-02', time: '22:15', at: '2026-07-02T15:15:00.000Z' },
    ]);
  });

  it('across the Tết week of 2027 (Bính Ngọ → Đinh Mùi, 6/2/2027) and the year end: every Saturday, none skipped or doubled', () => {
    const all = occurrencesOf(scheduleRule({ from: '2026-12-25', to: '2027-02-13', weekdays: ['SA'], time: '05:00' }));
    expect(all.map((o) => o.on)).toEqual(['2026-12-26', '2027-01-02', '2027-01-09', '2027-01-16', '2027-01-23', '2027-01-30', '2027-02-06', '2027-02-13']);
    expect(all[1]!.at).toBe('2027-01-01T22:00:00.000Z');
  });

  it('refuses a schedule without a valid end, in the wrong order, longer than a year, without days or with a bad time', () => {
    expect(checkSchedule(campaign)).toBeNull();
    expect(checkSchedule({ ...campaign, to: '2026-02-30' })).toBe('dates');
    expect(checkSchedule({ ...campaign, to: '2026-05-19' })).toBe('order');
    expect(checkSchedule({ ...campaign, to: '2027-05-20' })).toBe('too-long');
    expect(checkSchedule({ ...campaign, to: '2027-05-19' })).toBeNull();
    expect(checkSchedule({ ...campaign, weekdays: [] })).toBe('weekdays');
    expect(checkSchedule({ ...campaign, time: '6h30' })).toBe('time');
    expect(checkSchedule({ ...campaign, time: '24:00' })).toBe('time');
    expect(() => scheduleRule({ ...campaign, weekdays: [] })).toThrow();
  });
});
