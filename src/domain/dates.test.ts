import { afterEach, describe, expect, it, vi } from 'vitest';
import { addYears, isValidIsoDate, parseIsoDate, todayInVietnam } from './dates';

describe('today in Vietnam', () => {
  afterEach(() => vi.useRealTimers());

  it('is the date in Hà Nội, whatever zone the process runs in', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2026-05-14T16:30:00Z')); // 23:30 on 14/05 in Vietnam
      expect(todayInVietnam()).toBe('2026-05-14');
      vi.setSystemTime(new Date('2026-05-14T17:30:00Z')); // 00:30 on 15/05 in Vietnam, still 14/05 in UTC
      expect(new Date().toISOString().slice(0, 10)).toBe('2026-05-14');
      expect(todayInVietnam()).toBe('2026-05-15');
      vi.setSystemTime(new Date('2026-12-31T17:00:00Z')); // midnight of the new year
      expect(todayInVietnam()).toBe('2027-01-01');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('the calendar', () => {
  it('parses only dates that exist', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('12/05/2026')).toBe(false);
  });
  it('adds years, from 29/02 to 28/02 of a common year', () => {
    expect(addYears('1988-02-29', 18)).toBe('2006-02-28');
    expect(addYears('1988-02-29', 20)).toBe('2008-02-29');
    expect(addYears('1980-05-01', 18)).toBe('1998-05-01');
  });
});
