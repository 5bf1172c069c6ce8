import { describe, expect, test } from 'vitest';
import { grassrootsDue, isWithinWindow, sessionWindow } from './session-window';

const may = { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' } as const;

describe('the window of a cell session', () => {
  test('the grassroots level deadline comes from the "Cấp cơ sở" conference', () => {
    expect(grassrootsDue([{ level: 'ward', when: null }, { level: 'grassroots', when: may }])).toEqual(may);
    expect(grassrootsDue([{ level: 'ward', when: may }])).toBeNull();
  });

  test('from the issue date to the end of the month; dates outside it are flagged', () => {
    const window = sessionWindow(may, '2026-05-15');
    expect(window).toEqual({ from: '2026-05-15', to: '2026-05-31' });
    expect(isWithinWindow('2026-05-20', window)).toBe(true);
    expect(isWithinWindow('2026-05-14', window)).toBe(false);
    expect(isWithinWindow('2026-06-01', window)).toBe(false);
  });

  test('"trước ngày D" ends the day before D; without a deadline the window stays open', () => {
    expect(sessionWindow({ phrase: 'trước ngày 10/6/2026', kind: 'before', date: '2026-06-10' }, '2026-05-15')).toEqual({ from: '2026-05-15', to: '2026-06-09' });
    expect(sessionWindow(null, '2026-05-15')).toEqual({ from: '2026-05-15', to: null });
    expect(isWithinWindow('2027-01-01', sessionWindow(null, '2026-05-15'))).toBe(true);
  });
});
