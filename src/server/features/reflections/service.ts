// The members' own study: the plans a member must study (issued plans whose issuer's subtree holds
// their cell) with the resolutions' core content and attachments; their reflection and commitment
// (create with a client-chosen id, edit with the version until reviewed), the cell secretary's review,
// the secretary's list by cell, and the deadline the ward sets. Every write is transactional and audited.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { users } from '../../auth/tables';
import { conflict, forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { grassrootsDue } from '../../../domain/session-window';
import { isLate, reflectionDeadline } from '../../../domain/study-record';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import { isWithin } from '../../../domain/org-tree';
import { updateVersioned } from '../../db/versioned';
import { createOnce, keyTaken } from '../../idempotency';
import { recordAudit } from '../audit/service';
import { members, type Member } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { toRef } from '../units/service';
import { loadPlanFor } from '../plans/service';
import { planResolutions, plans, type Plan } from '../plans/tables';
import { attachments, resolutions } from '../resolutions/tables';
import { canListReflections, canReviewReflection, canSetReflectionDeadline, canViewReflection, canWriteReflection } from './policy';
import { alreadyReviewed, alreadyWritten, commentRequired, emptyCommitment, emptyReflection, idTaken, notAMember, notInScope, planNotIssued } from './errors';
import { reflectionDeadlines, reflections, reviewResultNames, type Reflection, type ReviewResult } from './tables';
import { readTogether } from '../../db/read-together';

/**
 * The member an account is: the one it is linked to, or the member the account's person is (an
 * office holder's account standing for a person who is also a member). Null when neither.
 */
export async function ownMemberOf(db: DbOrTx, actor: Actor): Promise<Member | null> {
  if (actor.memberId) {
    const [m] = await db.select().from(members).where(and(eq(members.tenantId, actor.tenantId), eq(members.id, actor.memberId)));
    if (m) return m;
  }
  const [row] = await db
    .select({ member: members })
    .from(users)
    .innerJoin(members, and(eq(members.tenantId, users.tenantId), eq(members.personId, users.personId)))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId), isNull(members.leftOn)))
    .limit(1);
  return row?.member ?? null;
}

/** The plan's deadline for reflections (the ward's, else its grassroots deadline) and whether the ward set it. */
export async function deadlineOf(db: DbOrTx, plan: Plan) {
  const [set] = await db.select().from(reflectionDeadlines).where(and(eq(reflectionDeadlines.tenantId, plan.tenantId), eq(reflectionDeadlines.planId, plan.id)));
  return {
    dueOn: reflectionDeadline(set?.dueOn ?? null, grassrootsDue(plan.body.conferences ?? []), plan.issuedOn),
    setByWard: !!set,
    version: set?.version ?? 0,
  };
}

/** Does the plan's issuer's subtree hold the cell? (The plan's study reaches every cell under its issuer.) */
async function inScope(db: DbOrTx, plan: Plan, cell: Pick<Unit, 'path'>) {
  const [issuer] = await db.select({ path: units.path }).from(units).where(and(eq(units.tenantId, plan.tenantId), eq(units.id, plan.issuerUnitId)));
  return !!issuer && isWithin(cell.path, issuer.path);
}

async function unitOf(db: DbOrTx, tenantId: string, id: string) {
  const [unit] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
  return unit ?? null;
}

export function describeReflection(r: Reflection, memberName: string, actor: Actor, cell: Unit | null, ownMemberId: string | null) {
  const reviewable = !!cell && canReviewReflection(actor, toRef(cell));
  return {
    id: r.id,
    planId: r.planId,
    memberId: r.memberId,
    memberName,
    cellId: r.cellId,
    reflection: r.reflection,
    commitment: r.commitment,
    submittedAt: r.submittedAt.toISOString(),
    late: r.late,
    review: r.reviewResult
      ? { result: r.reviewResult, resultName: reviewResultNames[r.reviewResult], comment: r.reviewComment, reviewerName: r.reviewerName, reviewedAt: r.reviewedAt?.toISOString() ?? null }
      : null,
    version: r.version,
    // The member edits until it is reviewed, and again after a "Chưa đạt" (the edit sends it back for review).
    canEdit: ownMemberId === r.memberId && r.reviewResult !== 'passed',
    canReview: reviewable,
  };
}
export type ReflectionDto = ReturnType<typeof describeReflection>;

/** GET /api/my/study: the member's plans to study, newest first, each with its resolutions, deadline and reflection. */
export async function myStudy(db: DbOrTx, actor: Actor) {
  const member = await ownMemberOf(db, actor);
  if (!member) return { member: null, plans: [] };
  const cell = await unitOf(db, member.tenantId, member.cellId);
  if (!cell) return { member: null, plans: [] };
  const issued = await db
    .select({ plan: plans, issuerPath: units.path })
    .from(plans)
    .innerJoin(units, and(eq(units.tenantId, plans.tenantId), eq(units.id, plans.issuerUnitId)))
    .where(and(eq(plans.tenantId, member.tenantId), eq(plans.status, 'issued')))
    .orderBy(desc(plans.issuedOn), desc(plans.createdAt));
  const mine = issued.filter((p) => isWithin(cell.path, p.issuerPath)).map((p) => p.plan);
  const planIds = mine.map((p) => p.id);
  if (planIds.length === 0) return { member: { id: member.id, fullName: member.fullName, cellName: cell.name }, plans: [] };
  const [links, written, deadlines] = await readTogether(db, [
    () => db
      .select({ planId: planResolutions.planId, resolution: resolutions })
      .from(planResolutions)
      .innerJoin(resolutions, and(eq(resolutions.tenantId, planResolutions.tenantId), eq(resolutions.id, planResolutions.resolutionId)))
      .where(and(eq(planResolutions.tenantId, member.tenantId), inArray(planResolutions.planId, planIds)))
      .orderBy(asc(resolutions.number)),
    () => db.select().from(reflections).where(and(eq(reflections.tenantId, member.tenantId), eq(reflections.memberId, member.id), inArray(reflections.planId, planIds))),
    () => db.select().from(reflectionDeadlines).where(and(eq(reflectionDeadlines.tenantId, member.tenantId), inArray(reflectionDeadlines.planId, planIds))),
  ]);
  const resolutionIds = [...new Set(links.map((l) => l.resolution.id))];
  const files = resolutionIds.length
    ? await db
        .select({ id: attachments.id, ownerId: attachments.ownerId, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
        .from(attachments)
        .where(and(eq(attachments.tenantId, member.tenantId), eq(attachments.ownerType, 'resolution'), inArray(attachments.ownerId, resolutionIds)))
        .orderBy(asc(attachments.createdAt))
    : [];
  const today = todayInVietnam(now());
  return {
    member: { id: member.id, fullName: member.fullName, cellName: cell.name },
    plans: mine.map((plan) => {
      const dueOn = reflectionDeadline(deadlines.find((d) => d.planId === plan.id)?.dueOn ?? null, grassrootsDue(plan.body.conferences ?? []), plan.issuedOn);
      const own = written.find((r) => r.planId === plan.id);
      return {
        planId: plan.id,
        planNumber: plan.number ? `${plan.number}-${plan.symbol}` : null,
        planTitle: plan.title,
        issuedOn: plan.issuedOn,
        deadline: dueOn,
        overdue: isLate(today, dueOn),
        resolutions: links
          .filter((l) => l.planId === plan.id)
          .map(({ resolution: r }) => ({
            id: r.id,
            kind: r.kind,
            number: r.number,
            issuedOn: r.issuedOn,
            issuer: r.issuer,
            subject: r.subject,
            content: r.content,
            attachments: files.filter((f) => f.ownerId === r.id).map(({ ownerId: _o, ...f }) => f),
          })),
        reflection: own ? describeReflection(own, member.fullName, actor, cell, member.id) : null,
      };
    }),
  };
}

const clean = (text: string) => text.replace(/\r\n?/gu, '\n').trim();

/** POST /api/plans/:id/reflections: the member's own; the client names the id, so a retry finds it. */
export async function createReflection(db: Db, actor: Actor, planId: string, input: { id: string; reflection: string; commitment: string }) {
  return db.transaction(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId);
    const member = await ownMemberOf(tx, actor);
    if (!member || !canWriteReflection(actor, { id: member.id, tenantId: member.tenantId }, member.id) || member.tenantId !== plan.tenantId) throw notAMember();
    const cell = await unitOf(tx, member.tenantId, member.cellId);
    const [existing] = await tx.select().from(reflections).where(eq(reflections.id, input.id));
    if (existing) {
      if (existing.tenantId !== plan.tenantId || existing.planId !== plan.id || existing.memberId !== member.id) throw idTaken();
      return { created: false, reflection: describeReflection(existing, member.fullName, actor, cell, member.id) };
    }
    if (plan.status !== 'issued') throw planNotIssued();
    if (!cell || !(await inScope(tx, plan, cell))) throw notInScope();
    const [twin] = await tx.select().from(reflections).where(and(eq(reflections.tenantId, plan.tenantId), eq(reflections.planId, plan.id), eq(reflections.memberId, member.id)));
    if (twin) throw alreadyWritten(describeReflection(twin, member.fullName, actor, cell, member.id));
    const reflection = clean(input.reflection);
    const commitment = clean(input.commitment);
    if (!reflection) throw emptyReflection();
    if (!commitment) throw emptyCommitment();
    const at = now();
    const { dueOn } = await deadlineOf(tx, plan);
    const [row] = await tx
      .insert(reflections)
      .values({ tenantId: plan.tenantId, id: input.id, planId: plan.id, memberId: member.id, cellId: cell.id, reflection, commitment, submittedAt: at, late: isLate(todayInVietnam(at), dueOn), createdBy: actor.userId, updatedAt: at })
      .returning();
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'reflection.create', entity: 'reflection', entityId: row!.id, after: row });
    return { created: true, reflection: describeReflection(row!, member.fullName, actor, cell, member.id) };
  });
}

interface Loaded {
  reflection: Reflection;
  member: Member;
  cell: Unit;
  ownMemberId: string | null;
}

/** A reflection by id: 404 unless the actor is its member, its cell's secretary or the ward's overseer. */
export async function loadReflectionFor(db: DbOrTx, actor: Actor, id: string): Promise<Loaded> {
  const [reflection] = await db.select().from(reflections).where(eq(reflections.id, id));
  if (!reflection) throw notFound('reflection');
  const [member] = await db.select().from(members).where(and(eq(members.tenantId, reflection.tenantId), eq(members.id, reflection.memberId)));
  const cell = await unitOf(db, reflection.tenantId, reflection.cellId);
  const own = await ownMemberOf(db, actor);
  const ownMemberId = own?.tenantId === reflection.tenantId ? own.id : null;
  if (!member || !cell || !canViewReflection(actor, { id: member.id, tenantId: member.tenantId }, toRef(cell), ownMemberId)) throw notFound('reflection');
  return { reflection, member, cell, ownMemberId };
}

export async function getReflection(db: DbOrTx, actor: Actor, id: string) {
  const { reflection, member, cell, ownMemberId } = await loadReflectionFor(db, actor, id);
  return describeReflection(reflection, member.fullName, actor, cell, ownMemberId);
}

const keyOf = (r: Pick<Reflection, 'tenantId' | 'id'>) => and(eq(reflections.tenantId, r.tenantId), eq(reflections.id, r.id));

/**
 * PATCH /api/reflections/:id: the member's own, with the version (409 when stale); refused once
 * passed. The same Idempotency-Key again (a phone's queued edit sent twice) answers with the
 * reflection as it is, writing nothing.
 */
export async function updateReflection(db: Db, actor: Actor, id: string, input: { version: number; reflection?: string; commitment?: string }, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const { reflection: r, member, cell, ownMemberId } = await loadReflectionFor(tx, actor, id);
    if (!canWriteReflection(actor, { id: member.id, tenantId: member.tenantId }, ownMemberId)) throw forbidden('sửa bài thu hoạch của đảng viên khác');
    const current = () => describeReflection(r, member.fullName, actor, cell, ownMemberId);
    const request = { tenantId: r.tenantId, actorId: actor.userId, scope: `reflection-edit:${r.id}`, key: idempotencyKey, taken: () => keyTaken('reflections') };
    const { result } = await createOnce(tx, request, { replay: async () => current(), create: async () => ({ id: r.id, result: await edit() }) });
    return result;
    async function edit() {
      if (input.version !== r.version) throw conflict('reflection', current());
      if (r.reviewResult === 'passed') throw alreadyReviewed(current());
      const changes: Partial<Reflection> = { updatedAt: now() };
      if (input.reflection !== undefined) {
        if (!clean(input.reflection)) throw emptyReflection();
        changes.reflection = clean(input.reflection);
      }
      if (input.commitment !== undefined) {
        if (!clean(input.commitment)) throw emptyCommitment();
        changes.commitment = clean(input.commitment);
      }
      // A "Chưa đạt" revised goes back to the secretary: the old review stays in the audit.
      if (r.reviewResult === 'failed') Object.assign(changes, { reviewResult: null, reviewComment: null, reviewedBy: null, reviewerName: null, reviewedAt: null });
      const updated = await updateVersioned(tx, reflections, keyOf(r), input.version, changes, { entity: 'reflection', current });
      await recordAudit(tx, { tenantId: r.tenantId, actorId: actor.userId, action: 'reflection.update', entity: 'reflection', entityId: id, before: r, after: updated });
      return describeReflection(updated, member.fullName, actor, cell, ownMemberId);
    }
  });
}

/** POST /api/reflections/:id/review: the cell's secretary, Đạt / Chưa đạt (a comment required for the latter). */
export async function reviewReflection(db: Db, actor: Actor, id: string, input: { version: number; result: ReviewResult; comment?: string | null }) {
  return db.transaction(async (tx) => {
    const { reflection: r, member, cell, ownMemberId } = await loadReflectionFor(tx, actor, id);
    if (!canReviewReflection(actor, toRef(cell))) throw forbidden('nhận xét bài thu hoạch của chi bộ khác');
    const current = () => describeReflection(r, member.fullName, actor, cell, ownMemberId);
    if (input.version !== r.version) throw conflict('reflection', current());
    const comment = input.comment ? clean(input.comment) : '';
    if (input.result === 'failed' && !comment) throw commentRequired();
    const at = now();
    const updated = await updateVersioned(
      tx,
      reflections,
      keyOf(r),
      input.version,
      { reviewResult: input.result, reviewComment: comment || null, reviewedBy: actor.userId, reviewerName: actor.displayName, reviewedAt: at, updatedAt: at },
      { entity: 'reflection', current },
    );
    await recordAudit(tx, { tenantId: r.tenantId, actorId: actor.userId, action: 'reflection.review', entity: 'reflection', entityId: id, before: r, after: updated });
    return describeReflection(updated, member.fullName, actor, cell, ownMemberId);
  });
}

/**
 * GET /api/plans/:id/reflections: the members of the cells the actor reviews or oversees (today's
 * members, exempt ones apart), each with their reflection or none yet; `unitId` narrows to one cell.
 */
export async function listPlanReflections(db: DbOrTx, actor: Actor, planId: string, unitId?: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  if (!canListReflections(actor)) throw forbidden('xem bài thu hoạch của chi bộ');
  const cells = (
    await db
      .select()
      .from(units)
      .where(and(eq(units.tenantId, plan.tenantId), inArray(units.kind, ['cell', 'grassrootsOrg']), unitId ? eq(units.id, unitId) : undefined))
  ).filter((u) => canViewReflection(actor, { id: '', tenantId: u.tenantId }, toRef(u), null));
  const { dueOn, setByWard, version } = await deadlineOf(db, plan);
  const base = { planId: plan.id, deadline: dueOn, deadlineSetByWard: setByWard, deadlineVersion: version, canSetDeadline: canSetReflectionDeadline(actor, toRef(commune)) };
  if (cells.length === 0) return { ...base, cells: [] };
  const cellIds = cells.map((c) => c.id);
  const [people, written] = await readTogether(db, [
    () => db
      .select({ id: members.id, fullName: members.fullName, cellId: members.cellId, exempt: members.exempt })
      .from(members)
      .where(and(eq(members.tenantId, plan.tenantId), inArray(members.cellId, cellIds), isNull(members.leftOn))),
    () => db.select().from(reflections).where(and(eq(reflections.tenantId, plan.tenantId), eq(reflections.planId, plan.id), inArray(reflections.cellId, cellIds))),
  ]);
  const byMember = new Map(written.map((r) => [r.memberId, r]));
  const list = cells
    .map((cell) => {
      const own = people.filter((p) => p.cellId === cell.id);
      const rows = sortByVietnameseName(own, (p) => p.fullName).map((p) => {
        const r = byMember.get(p.id);
        return { memberId: p.id, fullName: p.fullName, exempt: p.exempt, reflection: r ? describeReflection(r, p.fullName, actor, cell, null) : null };
      });
      const submitted = rows.filter((r) => r.reflection).length;
      return {
        unitId: cell.id,
        unitName: cell.name,
        canReview: canReviewReflection(actor, toRef(cell)),
        counts: {
          members: rows.filter((r) => !r.exempt).length,
          submitted,
          late: rows.filter((r) => r.reflection?.late).length,
          passed: rows.filter((r) => r.reflection?.review?.result === 'passed').length,
          failed: rows.filter((r) => r.reflection?.review?.result === 'failed').length,
          waiting: rows.filter((r) => r.reflection && !r.reflection.review).length,
        },
        members: rows,
      };
    })
    .filter((c) => c.members.length > 0);
  return { ...base, cells: sortByVietnameseName(list, (c) => c.unitName) };
}

/** PUT /api/plans/:id/reflection-deadline: the ward staff set (or change, with the version) the date. */
export async function setReflectionDeadline(db: Db, actor: Actor, planId: string, input: { dueOn: string; version: number }) {
  return db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, planId);
    if (!canSetReflectionDeadline(actor, toRef(commune))) throw forbidden('đặt hạn nộp bài thu hoạch');
    if (plan.status !== 'issued') throw planNotIssued();
    const [existing] = await tx.select().from(reflectionDeadlines).where(and(eq(reflectionDeadlines.tenantId, plan.tenantId), eq(reflectionDeadlines.planId, plan.id)));
    const current = async () => deadlineOf(tx, plan);
    if ((existing?.version ?? 0) !== input.version) throw conflict('reflection-deadline', await current());
    if (existing) {
      await updateVersioned(tx, reflectionDeadlines, and(eq(reflectionDeadlines.tenantId, plan.tenantId), eq(reflectionDeadlines.planId, plan.id)), input.version, { dueOn: input.dueOn, setBy: actor.userId, updatedAt: now() }, { entity: 'reflection-deadline', current });
    } else {
      const inserted = await tx.insert(reflectionDeadlines).values({ tenantId: plan.tenantId, planId: plan.id, dueOn: input.dueOn, setBy: actor.userId }).onConflictDoNothing().returning();
      if (inserted.length === 0) throw conflict('reflection-deadline', await current());
    }
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'reflection.deadline', entity: 'plan', entityId: plan.id, before: existing ?? null, after: { dueOn: input.dueOn } });
    return deadlineOf(tx, plan);
  });
}
