// The person's units' open tasks in their private iCal feed: the units their accounts answer for
// (the same roles as "Nhiệm vụ của đơn vị"), one all-day event on the task's last day on time
// ("trước ngày 05/6" → 04/6), with a stable UID. Tasks never due ("thường xuyên") are left out.
import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { roleGrants, users } from '../../auth/tables';
import { todayInVietnam } from '../../../domain/dates';
import { endOfVietnamDay, startOfVietnamDay } from '../../../domain/due-moment';
import { members } from '../members/tables';
import { plans } from '../plans/tables';
import { units } from '../units/tables';
import { planTasks } from '../tasks/tables';
import type { CalendarEvent } from '../calendar/events';
import { taskHolderRoles } from './policy';

export async function taskEventsOf(tx: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  const memberIds = (await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.personId, personId)))).map((m) => m.id);
  const grants = await tx
    .select({ unitId: roleGrants.unitId })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId)))
    .innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
    .where(
      and(
        eq(roleGrants.tenantId, tenantId),
        inArray(roleGrants.role, [...taskHolderRoles]),
        ne(units.kind, 'province'),
        or(eq(users.personId, personId), memberIds.length ? inArray(users.memberId, memberIds) : undefined),
      ),
    );
  const unitIds = [...new Set(grants.map((g) => g.unitId))];
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({ task: planTasks, unitName: units.name, planTitle: plans.title, planNumber: plans.number, planSymbol: plans.symbol })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId), eq(plans.status, 'issued')))
    .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
    .where(and(eq(planTasks.tenantId, tenantId), inArray(planTasks.assigneeUnitId, unitIds), ne(planTasks.status, 'done'), isNotNull(planTasks.dueAt)))
    .orderBy(asc(planTasks.dueAt));
  return rows.map(({ task, unitName, planTitle, planNumber, planSymbol }) => {
    const lastDay = todayInVietnam(new Date(task.dueAt!.getTime() - 1));
    return {
      uid: `task-${task.id}@quantriet`,
      start: startOfVietnamDay(lastDay),
      end: endOfVietnamDay(lastDay),
      allDay: true,
      summary: `Hạn nhiệm vụ — ${unitName}: ${task.text}`,
      location: null,
      description: [task.due?.phrase ? `Thời hạn: ${task.due.phrase}` : null, `Kế hoạch${planNumber ? ` số ${planNumber}-${planSymbol}` : ''}: ${planTitle}`].filter(Boolean).join('\n'),
    };
  });
}
