import { describe, expect, it } from 'vitest';
import {
  cellAsOf,
  checkExemption,
  checkLeave,
  checkTransfer,
  currentState,
  dayBefore,
  expectedToAttendAsOf,
  isExemptAsOf,
  isMemberAsOf,
  membersOfCellAsOf,
  type MembershipEventLike,
} from './membership';

const joinedA: MembershipEventLike = { kind: 'joined', on: '2020-03-01', cellId: 'A' };
const toB: MembershipEventLike = { kind: 'transferWithin', on: '2026-05-20', cellId: 'B' };

describe('cell as of a date', () => {
  it('a transfer on the session day counts in the new cell, the day before in the old one', () => {
    const events = [joinedA, toB];
    expect(cellAsOf(events, '2026-05-19')).toBe('A');
    expect(cellAsOf(events, '2026-05-20')).toBe('B');
    expect(cellAsOf(events, '2026-06-01')).toBe('B');
  });

  it('joined after the date is not counted; joined that day is', () => {
    expect(isMemberAsOf([joinedA], '2020-02-29')).toBe(false);
    expect(isMemberAsOf([joinedA], '2020-03-01')).toBe(true);
  });

  it('left before the date is not counted; the day before leaving still is', () => {
    const events: MembershipEventLike[] = [joinedA, { kind: 'left', on: '2026-05-10' }];
    expect(isMemberAsOf(events, '2026-05-09')).toBe(true);
    expect(isMemberAsOf(events, '2026-05-10')).toBe(false);
    expect(isMemberAsOf(events, '2026-05-20')).toBe(false);
  });

  it('transferred out to another ward is no longer counted; transferred in from one is', () => {
    const events: MembershipEventLike[] = [{ kind: 'transferIn', on: '2025-01-10', cellId: 'A' }, { kind: 'transferOut', on: '2026-05-15' }];
    expect(cellAsOf(events, '2025-01-10')).toBe('A');
    expect(cellAsOf(events, '2026-05-15')).toBeNull();
  });

  it('order of recording does not matter; same-day arrival comes before a move', () => {
    expect(cellAsOf([toB, joinedA], '2026-05-21')).toBe('B');
    const sameDay: MembershipEventLike[] = [{ kind: 'transferWithin', on: '2020-03-01', cellId: 'B' }, joinedA];
    expect(cellAsOf(sameDay, '2020-03-01')).toBe('B');
  });
});

describe('exempt as of a date', () => {
  const exempt: MembershipEventLike = { kind: 'exemption', on: '2026-01-01', toOn: '2026-05-19' };
  it('an exemption ending the day before does not exempt; its last day does', () => {
    expect(isExemptAsOf([joinedA, exempt], '2026-05-19')).toBe(true);
    expect(isExemptAsOf([joinedA, exempt], '2026-05-20')).toBe(false);
    expect(isExemptAsOf([joinedA, exempt], '2025-12-31')).toBe(false);
  });
  it('an open exemption exempts from its first day on; not once the member left', () => {
    const open: MembershipEventLike = { kind: 'exemption', on: '2026-05-20', toOn: null };
    expect(isExemptAsOf([joinedA, open], '2026-05-20')).toBe(true);
    expect(isExemptAsOf([joinedA, open, { kind: 'left', on: '2026-06-01' }], '2026-06-02')).toBe(false);
  });
});

describe('sets as of a date', () => {
  const histories = [
    { memberId: 'm1', events: [joinedA] },
    { memberId: 'm2', events: [joinedA, toB] },
    { memberId: 'm3', events: [joinedA, { kind: 'exemption', on: '2026-05-01', toOn: null } as MembershipEventLike] },
    { memberId: 'm4', events: [{ kind: 'joined', on: '2026-05-21', cellId: 'A' } as MembershipEventLike] },
    { memberId: 'm5', events: [joinedA, { kind: 'left', on: '2026-05-18', reason: 'died' } as MembershipEventLike] },
  ];
  it('members of a cell and those expected to attend', () => {
    expect(membersOfCellAsOf(histories, 'A', '2026-05-19')).toEqual(['m1', 'm2', 'm3']);
    expect(membersOfCellAsOf(histories, 'A', '2026-05-20')).toEqual(['m1', 'm3']);
    expect(expectedToAttendAsOf(histories, 'A', '2026-05-20')).toEqual(['m1']);
    expect(membersOfCellAsOf(histories, 'B', '2026-05-20')).toEqual(['m2']);
    expect(membersOfCellAsOf(histories, 'A', '2026-05-21')).toEqual(['m1', 'm3', 'm4']);
  });
});

describe('current state', () => {
  it('keeps the last cell after leaving, with the day left', () => {
    expect(currentState([joinedA, toB, { kind: 'left', on: '2026-06-01' }], '2026-07-01')).toEqual({ cellId: 'B', exempt: false, leftOn: '2026-06-01' });
    expect(currentState([joinedA, { kind: 'exemption', on: '2026-01-01', toOn: null }], '2026-07-01')).toEqual({ cellId: 'A', exempt: true, leftOn: null });
  });
});

describe('checks', () => {
  const today = '2026-06-30';
  it('a transfer dated before joining, in the future, to the same cell or after leaving', () => {
    expect(checkTransfer([joinedA], { on: '2019-01-01', toCellId: 'B' }, today)?.id).toBe('membership.before-joined');
    expect(checkTransfer([joinedA], { on: '2026-07-01', toCellId: 'B' }, today)?.id).toBe('membership.future-date');
    expect(checkTransfer([joinedA], { on: '2026-05-01', toCellId: 'A' }, today)?.id).toBe('membership.same-cell');
    expect(checkTransfer([joinedA, toB], { on: '2026-05-01', toCellId: 'A' }, today)?.id).toBe('membership.before-last-event');
    expect(checkTransfer([joinedA, { kind: 'left', on: '2026-01-01' }], { on: '2026-05-01', toCellId: 'B' }, today)?.id).toBe('membership.left');
    expect(checkTransfer([], { on: '2026-05-01', toCellId: 'B' }, today)?.id).toBe('membership.not-joined');
    expect(checkTransfer([joinedA], { on: '2026-05-01', toCellId: 'B' }, today)).toBeNull();
    expect(checkTransfer([joinedA], { on: '2026-05-01', toCellId: null }, today)).toBeNull();
    expect(checkLeave([joinedA], '2020-01-01', today)?.id).toBe('membership.before-joined');
  });
  it('exemptions: reversed, overlapping, touching', () => {
    const first: MembershipEventLike = { kind: 'exemption', on: '2026-01-01', toOn: '2026-03-31' };
    expect(checkExemption([joinedA], { from: '2026-02-01', to: '2026-01-01' })?.id).toBe('membership.dates-reversed');
    expect(checkExemption([joinedA, first], { from: '2026-03-31', to: null })?.id).toBe('membership.exemption-overlap');
    expect(checkExemption([joinedA, first], { from: '2025-01-01', to: '2026-01-01' })?.id).toBe('membership.exemption-overlap');
    expect(checkExemption([joinedA, first], { from: '2026-04-01', to: null })).toBeNull();
    expect(checkExemption([joinedA, { kind: 'exemption', on: '2026-04-01', toOn: null }], { from: '2027-01-01', to: null })?.id).toBe('membership.exemption-overlap');
    expect(checkExemption([joinedA], { from: '2019-01-01', to: null })?.id).toBe('membership.before-joined');
    // Editing an exemption ignores itself.
    expect(checkExemption([joinedA, first], { from: '2026-01-01', to: '2026-02-01' }, 1)).toBeNull();
  });
  it('the day before', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});
