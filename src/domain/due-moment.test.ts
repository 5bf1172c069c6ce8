import { describe, expect, it } from 'vitest';
import { dueMoment, endOfVietnamDay, isOverdue, startOfVietnamDay } from './due-moment';

describe('due moments in Asia/Ho_Chi_Minh', () => {
  it('starts a Vietnamese day at 17:00 UTC of the day before', () => {
    expect(startOfVietnamDay('2026-06-05').toISOString()).toBe('2026-06-04T17:00:00.000Z');
    expect(endOfVietnamDay('2026-06-05').toISOString()).toBe('2026-06-05T17:00:00.000Z');
  });

  it('"trước ngày D" is due at the start of D, "ngày D" at its end', () => {
    expect(dueMoment({ phrase: 'trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' })?.toISOString()).toBe(
      '2026-06-04T17:00:00.000Z',
    );
    expect(dueMoment({ phrase: 'ngày 05/6/2026', kind: 'on', date: '2026-06-05' })?.toISOString()).toBe('2026-06-05T17:00:00.000Z');
  });

  it('a month, a quarter, a year or a range is due at the end of its last day', () => {
    const month = { phrase: 'trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' } as const;
    expect(dueMoment(month)?.toISOString()).toBe('2026-05-31T17:00:00.000Z');
    const quarter = { phrase: 'quý II/2026', kind: 'within-quarter', from: '2026-04-01', to: '2026-06-30' } as const;
    expect(dueMoment(quarter)?.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    const range = { phrase: 'từ 20/5 đến 30/6/2026', kind: 'range', from: '2026-05-20', to: '2026-06-30' } as const;
    expect(dueMoment(range)?.toISOString()).toBe('2026-06-30T17:00:00.000Z');
  });

  it('"thường xuyên" never falls due; "sau khi …" when the event is recorded', () => {
    expect(dueMoment({ phrase: 'thường xuyên', kind: 'ongoing' })).toBeNull();
    const after = { phrase: 'sau khi hội nghị', kind: 'after-event', event: 'hội nghị' } as const;
    expect(dueMoment(after)).toBeNull();
    const recorded = new Date('2026-05-20T03:00:00Z');
    expect(dueMoment(after, recorded)).toEqual(recorded);
  });

  it('is overdue from the due moment on, unless done', () => {
    const month = { phrase: 'trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' } as const;
    expect(isOverdue(month, false, new Date('2026-05-31T16:59:59Z'))).toBe(false); // 23:59:59 on 31/5 in Hà Nội
    expect(isOverdue(month, false, new Date('2026-05-31T17:00:00Z'))).toBe(true); // 00:00 on 1/6
    expect(isOverdue(month, true, new Date('2026-07-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(null, false, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ phrase: 'thường xuyên', kind: 'ongoing' }, false, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
