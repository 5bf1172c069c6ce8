import { describe, expect, it } from 'vitest';
import { countByStatus, studySessionStatus } from './study-sessions';

const may = { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' } as const;

describe('study session status', () => {
  const inMay = new Date('2026-05-25T03:00:00Z');
  const june = new Date('2026-06-01T00:00:00Z'); // 07:00 on 1/6 in Hà Nội

  it('is held once held, whatever the deadline', () => {
    expect(studySessionStatus({ scheduledAt: null, heldOn: '2026-06-03', atConference: false, deadline: may }, june)).toBe('held');
  });

  it('turns overdue by itself when the deadline passes unheld, scheduled or not', () => {
    const scheduled = { scheduledAt: new Date('2026-05-28T01:00:00Z'), heldOn: null, atConference: false, deadline: may };
    expect(studySessionStatus(scheduled, inMay)).toBe('scheduled');
    expect(studySessionStatus(scheduled, june)).toBe('overdue');
    expect(studySessionStatus({ ...scheduled, scheduledAt: null }, inMay)).toBe('not-scheduled');
  });

  it('a cell studying at the ward conference is never overdue', () => {
    expect(studySessionStatus({ scheduledAt: null, heldOn: null, atConference: true, deadline: may }, june)).toBe('at-conference');
  });

  it('counts every status, zeros included', () => {
    expect(countByStatus(['held', 'held', 'overdue'])).toEqual({ 'not-scheduled': 0, scheduled: 0, held: 2, overdue: 1, 'at-conference': 0 });
  });
});
