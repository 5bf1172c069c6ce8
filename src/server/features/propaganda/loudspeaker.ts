// The ward loudspeaker's recurring broadcasts of a plan: the rule (RFC 5545, domain/broadcast-schedule.ts),
// its occurrences in Asia/Ho_Chi_Minh, and the confirmation of each (aired or missed, keyed by day).
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { createOnce } from '../../idempotency';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { checkSchedule, describeRule, occurrencesOf, scheduleRule, scheduleText } from '../../../domain/broadcast-schedule';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { toRef } from '../units/service';
import { loadPlanFor } from '../plans/service';
import { plans, type Plan } from '../plans/tables';
import { canViewPropaganda, canWritePropaganda } from './policy';
import { badSchedule, emptyTitle, futureOccurrence, idTaken, notAnOccurrence, planNotIssued } from './errors';
import { writableUnit } from './service';
import { loudspeakerConfirmations, loudspeakerSchedules, type BroadcastStatus, type LoudspeakerSchedule } from './tables';
import type { ScheduleCreateInput } from './schema';
import { readTogether } from '../../db/read-together';

async function describeSchedules(db: DbOrTx, actor: Actor, rows: LoudspeakerSchedule[]) {
  if (rows.length === 0) return [];
  const tenantId = rows[0]!.tenantId;
  const [unitRows, confirmations] = await readTogether(db, [
    () => db.select().from(units).where(eq(units.tenantId, tenantId)),
    () => db.select().from(loudspeakerConfirmations).where(eq(loudspeakerConfirmations.tenantId, tenantId)),
  ]);
  const at = now().getTime();
  return rows.map((s) => {
    const unit = unitRows.find((u) => u.id === s.unitId);
    const mine = confirmations.filter((c) => c.scheduleId === s.id);
    const weekly = describeRule(s.rrule);
    const occurrences = occurrencesOf(s.rrule).map((o) => {
      const c = mine.find((x) => x.occurrenceOn === o.on);
      return { ...o, past: Date.parse(o.at) <= at, status: c?.status ?? null, note: c?.note ?? null };
    });
    return {
      id: s.id,
      planId: s.planId,
      unitId: s.unitId,
      unitName: unit?.name ?? '',
      title: s.title,
      rrule: s.rrule,
      description: scheduleText(weekly),
      ...weekly,
      durationMinutes: s.durationMinutes,
      broadcastText: s.broadcastText,
      version: s.version,
      canConfirm: !!unit && canWritePropaganda(actor, toRef(unit)),
      counts: {
        total: occurrences.length,
        aired: occurrences.filter((o) => o.status === 'aired').length,
        missed: occurrences.filter((o) => o.status === 'missed').length,
        unconfirmed: occurrences.filter((o) => o.past && !o.status).length,
      },
      occurrences,
    };
  });
}

/** GET /api/plans/:id/loudspeaker: the plan's schedules with every occurrence and its confirmation. */
export async function listSchedules(db: DbOrTx, actor: Actor, planId: string) {
  const { plan } = await loadPlanFor(db, actor, planId);
  const rows = await db
    .select()
    .from(loudspeakerSchedules)
    .where(and(eq(loudspeakerSchedules.tenantId, plan.tenantId), eq(loudspeakerSchedules.planId, plan.id)))
    .orderBy(asc(loudspeakerSchedules.createdAt));
  return { schedules: await describeSchedules(db, actor, rows) };
}

/** POST /api/plans/:id/loudspeaker: a weekly schedule with an end (at most a year); the client names the id. */
export async function createSchedule(db: Db, actor: Actor, planId: string, input: ScheduleCreateInput) {
  return db.transaction(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId);
    const request = { tenantId: plan.tenantId, actorId: actor.userId, scope: `loudspeaker:${plan.id}`, key: input.id, taken: idTaken };
    const describe = async (row: LoudspeakerSchedule) => (await describeSchedules(tx, actor, [row]))[0]!;
    const { created, result } = await createOnce(tx, request, {
      replay: async (id) => describe((await tx.select().from(loudspeakerSchedules).where(and(eq(loudspeakerSchedules.tenantId, plan.tenantId), eq(loudspeakerSchedules.id, id))))[0]!),
      create: async () => {
        const row = await insertSchedule(tx, actor, plan, input);
        return { id: row.id, result: await describe(row) };
      },
    });
    return { created, schedule: result };
  });
}

async function insertSchedule(tx: Tx, actor: Actor, plan: Plan, input: ScheduleCreateInput) {
  // The id is the client's: one taken in another commune (or before keys were kept) is refused.
  const [clash] = await tx.select({ id: loudspeakerSchedules.id }).from(loudspeakerSchedules).where(eq(loudspeakerSchedules.id, input.id));
  if (clash) throw idTaken();
  if (plan.status !== 'issued') throw planNotIssued();
  const unit = await writableUnit(tx, actor, plan.tenantId, input.unitId);
  const title = input.title.trim();
  if (!title) throw emptyTitle();
  const weekly = { from: input.from, to: input.to, weekdays: input.weekdays, time: input.time };
  const problem = checkSchedule(weekly);
  if (problem) throw badSchedule(problem);
  const [row] = await tx
    .insert(loudspeakerSchedules)
    .values({
      tenantId: plan.tenantId,
      id: input.id,
      planId: plan.id,
      unitId: unit.id,
      title,
      rrule: scheduleRule(weekly),
      durationMinutes: input.durationMinutes ?? null,
      broadcastText: input.broadcastText?.trim() ?? '',
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'loudspeaker.create', entity: 'loudspeaker', entityId: row!.id, after: row });
  return row!;
}

/** PUT /api/loudspeaker/:id/occurrences/:on: an occurrence that has happened, confirmed aired or missed. */
export async function confirmOccurrence(db: Db, actor: Actor, id: string, on: string, input: { status: BroadcastStatus; note?: string | null }) {
  return db.transaction(async (tx) => {
    const [schedule] = await tx.select().from(loudspeakerSchedules).where(eq(loudspeakerSchedules.id, id));
    if (!schedule) throw notFound('loudspeaker');
    const [plan] = await tx.select().from(plans).where(and(eq(plans.tenantId, schedule.tenantId), eq(plans.id, schedule.planId)));
    const [commune] = await tx.select().from(units).where(eq(units.id, schedule.tenantId));
    if (!plan || !commune || !canViewPropaganda(actor, plan, toRef(commune))) throw notFound('loudspeaker');
    const [unit] = await tx.select().from(units).where(and(eq(units.tenantId, schedule.tenantId), eq(units.id, schedule.unitId)));
    if (!unit || !canWritePropaganda(actor, toRef(unit))) {
      throw forbidden('xác nhận buổi phát của đơn vị khác');
    }
    const occurrence = occurrencesOf(schedule.rrule).find((o) => o.on === on);
    if (!occurrence) throw notAnOccurrence();
    if (Date.parse(occurrence.at) > now().getTime()) throw futureOccurrence();
    const values = { status: input.status, note: input.note?.trim() || null, confirmedBy: actor.userId, confirmedAt: now() };
    const [row] = await tx
      .insert(loudspeakerConfirmations)
      .values({ tenantId: schedule.tenantId, scheduleId: schedule.id, occurrenceOn: on, ...values })
      .onConflictDoUpdate({ target: [loudspeakerConfirmations.tenantId, loudspeakerConfirmations.scheduleId, loudspeakerConfirmations.occurrenceOn], set: values })
      .returning();
    await recordAudit(tx, { tenantId: schedule.tenantId, actorId: actor.userId, action: `loudspeaker.${input.status}`, entity: 'loudspeaker', entityId: schedule.id, after: row });
    return (await describeSchedules(tx, actor, [schedule]))[0]!;
  });
}
