// On a draft, the office reviews what section IV gives whom: a phrase the names do not match ("Ban
// Tuyên giáo và Dân vận") or match wrongly is assigned a unit of the commune; the choice is kept for
// the commune (task_assignee_mappings, by the folded phrase) and used by this plan's issue and every
// later plan's, until changed or cleared (null: the names decide again).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, stateConflict } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { canCreatePlan, canEditPlan } from '../plans/policy';
import { loadPlanFor } from '../plans/service';
import { toRef } from '../units/service';
import { recordAudit } from '../audit/service';
import { assigneeKey, openUnitsOf } from './create';
import { taskAssigneeMappings } from './tables';
import { unknownUnit } from './errors';
import { listPlanTasks } from './service';

export async function assignDraftTaskUnit(db: Db, actor: Actor, planId: string, input: { phrase: string; unitId: string | null }) {
  await db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, planId);
    // The role first (403), then the plan's step (409): a role that may never edit learns nothing of its state.
    if (!canCreatePlan(actor, toRef(commune))) throw forbidden('giao đơn vị cho nhiệm vụ của kế hoạch này');
    if (plan.status === 'issued') throw stateConflict('task.plan-issued', 'Kế hoạch đã ban hành: nhiệm vụ đã được tạo, hãy sửa từng nhiệm vụ.');
    if (!canEditPlan(actor, plan, toRef(commune))) throw stateConflict('plan.not-draft', 'Kế hoạch đã được trình hoặc duyệt nên không còn sửa được. Hãy đề nghị trả lại để sửa.');
    const key = assigneeKey(input.phrase);
    if (!(plan.body.tasks ?? []).some((t) => assigneeKey(t.assignee) === key)) {
      throw badRequest('task.assignee-phrase-unknown', 'Mục IV của kế hoạch không có đơn vị được giao với tên này.');
    }
    const where = and(eq(taskAssigneeMappings.tenantId, plan.tenantId), eq(taskAssigneeMappings.sourceKey, key));
    const [before] = await tx.select().from(taskAssigneeMappings).where(where);
    if (input.unitId === null) {
      await tx.delete(taskAssigneeMappings).where(where);
    } else {
      const open = await openUnitsOf(tx, plan.tenantId, todayInVietnam(now()));
      if (!open.some((u) => u.id === input.unitId)) throw unknownUnit();
      await tx
        .insert(taskAssigneeMappings)
        .values({ tenantId: plan.tenantId, sourceKey: key, sourceName: input.phrase.trim(), unitId: input.unitId })
        .onConflictDoUpdate({ target: [taskAssigneeMappings.tenantId, taskAssigneeMappings.sourceKey], set: { sourceName: input.phrase.trim(), unitId: input.unitId, updatedAt: now() } });
    }
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'task.assignee-mapping', entity: 'plan', entityId: plan.id, before: before ?? null, after: { phrase: input.phrase.trim(), unitId: input.unitId } });
  });
  return listPlanTasks(db, actor, planId);
}
