// What a member import means for membership histories: a new member joined their cell (on their
// joining date, or today); a member whose row names another cell was transferred today; a row that
// sets or clears "miễn sinh hoạt" opens an exemption today or ends the current one yesterday.
import { and, eq, inArray, isNull, or, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { formatDayFirst, todayInVietnam } from '../../../domain/dates';
import { dayBefore } from '../../../domain/membership';
import { now } from '../../clock';
import type { Member } from '../members/tables';
import { membershipEvents } from './tables';
import { closePlacements } from './membership-queries';

export async function recordImportedMembership(tx: DbOrTx, actorId: string, tenantId: string, changes: { before: Member | null; after: Member }[]) {
  const today = todayInVietnam(now());
  const note = `Theo danh sách nhập ngày ${formatDayFirst(today)}`;
  const rows: (typeof membershipEvents.$inferInsert)[] = [];
  const ending: string[] = [];
  for (const { before, after } of changes) {
    const base = { tenantId, memberId: after.id, recordedBy: actorId };
    if (!before) {
      const on = after.joinedOn && after.joinedOn <= today ? after.joinedOn : today;
      rows.push({ ...base, kind: 'joined', on, cellId: after.cellId, note });
      if (after.exempt) rows.push({ ...base, kind: 'exemption', on, reason: note });
      continue;
    }
    if (before.cellId !== after.cellId) rows.push({ ...base, kind: 'transferWithin', on: today, cellId: after.cellId, fromCellId: before.cellId, note });
    if (!before.exempt && after.exempt) rows.push({ ...base, kind: 'exemption', on: today, reason: note });
    if (before.exempt && !after.exempt) ending.push(after.id);
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(membershipEvents).values(rows.slice(i, i + 500));
  await closePlacements(tx, tenantId, rows.filter((r) => r.kind === 'transferWithin').map((r) => r.memberId));
  if (ending.length) {
    const current = and(
      eq(membershipEvents.tenantId, tenantId),
      inArray(membershipEvents.memberId, ending),
      eq(membershipEvents.kind, 'exemption'),
      or(isNull(membershipEvents.toOn), gte(membershipEvents.toOn, today)),
    );
    // Begun today: it never took effect; begun earlier: its last day was yesterday.
    await tx.delete(membershipEvents).where(and(current, eq(membershipEvents.on, today)));
    await tx.update(membershipEvents).set({ toOn: dayBefore(today) }).where(current);
  }
}
