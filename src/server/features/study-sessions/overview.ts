// The ward's view of a plan's sessions: every unit's status at a glance, counts by status, the
// make-up backlog per cell; and a grassroots organisation's choice of one joint session or one per cell.
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, notFound, stateConflict } from '../../errors';
import { now } from '../../clock';
import { countByStatus } from '../../../domain/study-sessions';
import { grassrootsDue } from '../../../domain/session-window';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { loadUnit, loadUnitFor, toRef } from '../units/service';
import { plans } from '../plans/tables';
import { canKnowUnit } from '../units/policy';
import { loadPlanFor } from '../plans/service';
import { canChooseSessionMode, canViewSession, canViewSessionOverview, sessionListFilter } from './policy';
import { insertSessions, openSessionUnits, sessionHolders, type SessionMode } from './fan-out';
import { makeUpLedger, summariseLedger } from './make-up';
import { statusOf } from './service';
import { studySessions } from './tables';

/** GET /api/plans/:id/sessions: the sessions the actor may see (the ward: all; a secretary: their own). */
export async function planSessions(db: DbOrTx, actor: Actor, planId: string) {
  const { plan } = await loadPlanFor(db, actor, planId);
  const rows = await db
    .select({ session: studySessions, unitName: units.name, unitKind: units.kind })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(and(eq(studySessions.tenantId, plan.tenantId), eq(studySessions.planId, plan.id), sessionListFilter(actor)))
    .orderBy(asc(studySessions.kind), asc(units.sortOrder), asc(units.name));
  const at = now();
  return rows.map(({ session, unitName, unitKind }) => ({
    id: session.id,
    unitId: session.unitId,
    unitName,
    unitKind,
    kind: session.kind,
    status: statusOf(session, at),
    scheduledAt: session.scheduledAt,
    heldOn: session.heldOn,
    atConference: session.atConference,
  }));
}

/** GET /api/plans/:id/sessions/overview: counts by status (regular sessions) and the make-up backlog. */
export async function planOverview(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  if (!canViewSessionOverview(actor, toRef(commune))) throw forbidden('xem tổng hợp buổi sinh hoạt của đảng bộ');
  const sessions = await planSessions(db, actor, planId);
  const counts = countByStatus(sessions.filter((s) => s.kind === 'regular').map((s) => s.status));
  return { counts, makeUp: summariseLedger(await makeUpLedger(db, plan.tenantId, plan.id)) };
}

/**
 * A grassroots organisation with cells replaces its sessions of the plan by one joint session or
 * one per cell, while none of them is held (409 otherwise).
 */
export async function chooseSessionMode(db: Db, actor: Actor, planId: string, orgId: string, mode: SessionMode) {
  return db.transaction(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId);
    const org = await loadUnit(tx, orgId);
    if (!canKnowUnit(actor, toRef(org)) || org.tenantId !== plan.tenantId) throw notFound('unit');
    if (!canChooseSessionMode(actor, toRef(org))) throw forbidden('chọn cách tổ chức học tập của đảng bộ cơ sở này');
    const scope = await openSessionUnits(tx, plan.tenantId, org.path, plan.issuedOn ?? '9999-12-31');
    if (!scope.some((u) => u.kind === 'cell')) throw badRequest('session.org-without-cells', 'Đảng bộ cơ sở này không có chi bộ trực thuộc: chỉ có một buổi sinh hoạt chung.');
    const subtreeIds = (await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, plan.tenantId), like(units.path, `${org.path}%`)))).map((u) => u.id);
    const current = await tx
      .select()
      .from(studySessions)
      .where(and(eq(studySessions.tenantId, plan.tenantId), eq(studySessions.planId, plan.id), inArray(studySessions.unitId, subtreeIds)));
    if (current.some((s) => s.heldOn || s.kind === 'make-up')) {
      throw stateConflict('session.mode-after-held', 'Đã có buổi sinh hoạt được tổ chức nên không đổi được cách tổ chức nữa.');
    }
    if (current.length > 0) await tx.delete(studySessions).where(and(eq(studySessions.tenantId, plan.tenantId), inArray(studySessions.id, current.map((s) => s.id))));
    const holders = sessionHolders(scope, mode === 'joint' ? new Set([org.id]) : new Set());
    await insertSessions(tx, plan.tenantId, plan.id, holders, grassrootsDue(plan.body.conferences ?? []));
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'session.mode', entity: 'unit', entityId: org.id, before: { sessions: current.map((s) => s.unitId) }, after: { mode, units: holders } });
    return { mode, sessions: holders.length };
  });
}

/** GET /api/units/:id/sessions: the unit's sessions of every issued plan, newest plan first (canViewSession). */
export async function unitSessions(db: DbOrTx, actor: Actor, unitId: string) {
  const unit = await loadUnitFor(db, actor, unitId, canViewSession, 'xem buổi sinh hoạt của đơn vị này');
  const rows = await db
    .select({ session: studySessions, planTitle: plans.title, planNumber: plans.number, planSymbol: plans.symbol, issuedOn: plans.issuedOn })
    .from(studySessions)
    .innerJoin(plans, and(eq(plans.tenantId, studySessions.tenantId), eq(plans.id, studySessions.planId)))
    .where(and(eq(studySessions.tenantId, unit.tenantId!), eq(studySessions.unitId, unit.id)))
    .orderBy(desc(plans.issuedOn), asc(studySessions.createdAt));
  const at = now();
  return rows.map(({ session, planTitle, planNumber, planSymbol }) => ({
    id: session.id,
    planId: session.planId,
    planTitle,
    planNumber: planNumber ? `${planNumber}-${planSymbol}` : null,
    kind: session.kind,
    status: statusOf(session, at),
    scheduledAt: session.scheduledAt,
    heldOn: session.heldOn,
    place: session.place,
  }));
}
