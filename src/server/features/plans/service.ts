// Plans as records: created from an import, the template or an earlier plan; edited as text that
// the importer re-reads on every save; recipients matched to units.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden, notFound, stateConflict } from '../../errors';
import { importPlan, ruleNames, type DiagnosticCode, type ImportedPlan } from '../../../domain/plan-import';
import { defaultSchedule, planTemplate, retargetPlanSource } from '../../../domain/plan-template';
import { cleanRecipientLabel, matchRecipient } from '../../../domain/recipients';
import { formatNumberLine } from '../../../domain/document-numbering';
import { kindNames } from '../../../domain/resolutions';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { attachments, resolutions, type Resolution } from '../resolutions/tables';
import { normaliseNumber } from '../resolutions/service';
import { units, type Unit } from '../units/tables';
import { findUnit, openOn, resolveCommune, toRef } from '../units/service';
import { bodyFromImport } from './body';
import { currentVocabulary } from '../plan-import/vocabulary';
import { canApprovePlan, canCreatePlan, canCreatePlanVersion, canEditPlan, canIssuePlan, canSubmitPlan, canViewDeliveries, canViewPlan, visiblePlansFilter } from './policy';
import { loadCommuneSettings } from '../settings/service';
import { planRecipients, planResolutions, plans, type Plan, type PlanKind } from './tables';
import type { z } from 'zod';
import type { planCreateBody, planUpdateBody } from './schema';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { readTogether } from '../../db/read-together';

const facts = (r: Resolution) => ({ number: r.number, issuedOn: r.issuedOn, issuer: r.issuer, subject: r.subject, kindName: kindNames[r.kind] });

export async function loadPlanFor(db: DbOrTx, actor: Actor, id: string) {
  // The first statements of every plan-scoped read: prepared once (db/prepared.ts).
  const [plan] = await prepared(db, 'plan_by_id', (d) => d.select().from(plans).where(eq(plans.id, sql.placeholder('id')))).execute({ id });
  if (!plan) throw notFound('plan');
  const commune = await findUnit(db, plan.tenantId);
  if (!commune || !canViewPlan(actor, plan, toRef(commune))) throw notFound('plan');
  return { plan, commune };
}

type TenantUnit = { id: string; name: string };
type RecipientInput = { unitId: string | null; label: string };

/** The commune's units open today: read once per write, for the linter, recipient matching and checks (a closed unit receives nothing new). */
export async function unitsOf(db: DbOrTx, tenantId: string, day = todayInVietnam(now())): Promise<TenantUnit[]> {
  return db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, tenantId), openOn(day)));
}

/** Reads the text with the commune's unit names, so that unknown assignees are flagged. */
export async function analysePlanSource(db: DbOrTx, tenantUnits: TenantUnit[], source: string): Promise<ImportedPlan> {
  return importPlan(source, { units: tenantUnits.map((u) => u.name), vocabulary: await currentVocabulary(db) });
}

/** Links the plan to the registry, registering resolutions it cites that the registry lacks. */
async function linkResolutions(tx: Tx, actor: Actor, plan: Plan, parsed: ImportedPlan) {
  await tx.delete(planResolutions).where(eq(planResolutions.planId, plan.id));
  for (const cited of parsed.resolutions) {
    const number = normaliseNumber(cited.number);
    let [row] = await tx.select().from(resolutions).where(and(eq(resolutions.tenantId, plan.tenantId), eq(resolutions.number, number)));
    if (!row) {
      [row] = await tx
        .insert(resolutions)
        .values({ tenantId: plan.tenantId, kind: 'nghi-quyet', number, issuedOn: cited.issuedOn, issuer: cited.issuer ?? '', subject: cited.subject ?? '', createdBy: actor.userId })
        .returning();
      await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'resolution.create-from-plan', entity: 'resolution', entityId: row!.id, after: row });
    }
    await tx.insert(planResolutions).values({ planId: plan.id, resolutionId: row!.id, tenantId: plan.tenantId }).onConflictDoNothing();
  }
}

/** Recipients sent by a user must name units of the commune, or no unit at all. */
function checkRecipients(list: RecipientInput[], tenantUnits: TenantUnit[]) {
  const ids = new Set(tenantUnits.map((u) => u.id));
  for (const r of list) {
    if (r.unitId && !ids.has(r.unitId)) throw badRequest('plan.recipient-not-a-unit', `Nơi nhận "${r.label}" không phải là một đơn vị đang hoạt động của đảng bộ.`);
  }
}

async function replaceRecipients(tx: Tx, plan: Plan, list: RecipientInput[]) {
  await tx.delete(planRecipients).where(eq(planRecipients.planId, plan.id));
  if (list.length) await tx.insert(planRecipients).values(list.map((r, position) => ({ ...r, position, planId: plan.id, tenantId: plan.tenantId })));
}

function recipientsFromText(parsed: ImportedPlan, tenantUnits: TenantUnit[]): RecipientInput[] {
  return parsed.recipients.map((label) => {
    const target = matchRecipient(label, tenantUnits);
    return { unitId: target && 'unitId' in target ? target.unitId : null, label: cleanRecipientLabel(label) };
  });
}

export async function createPlan(
  db: Db,
  actor: Actor,
  input: z.infer<typeof planCreateBody>,
  { today = todayInVietnam(now()), communeId }: { today?: string; communeId?: string } = {},
) {
  return db.transaction(async (tx) => {
    const commune = await resolveCommune(tx, actor, communeId);
    if (!canCreatePlan(actor, toRef(commune))) throw forbidden('soạn kế hoạch của đảng bộ này');
    const { source, kind } = await sourceFor(tx, actor, commune, input, today);
    const tenantUnits = await unitsOf(tx, commune.id);
    const parsed = await analysePlanSource(tx, tenantUnits, source);
    const [plan] = await tx
      .insert(plans)
      .values({ tenantId: commune.id, issuerUnitId: commune.id, kind, title: parsed.title ?? 'Kế hoạch chưa có trích yếu', source, body: bodyFromImport(parsed), createdBy: actor.userId })
      .returning();
    await linkResolutions(tx, actor, plan!, parsed);
    await replaceRecipients(tx, plan!, recipientsFromText(parsed, tenantUnits));
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: `plan.create-from-${input.from}`, entity: 'plan', entityId: plan!.id, after: plan });
    return plan!.id;
  });
}

async function sourceFor(tx: Tx, actor: Actor, commune: Unit, input: z.infer<typeof planCreateBody>, today: string): Promise<{ source: string; kind: PlanKind }> {
  if (input.from === 'import') return { source: input.source, kind: input.kind };
  const target = await registeredResolution(tx, commune.id, input.resolutionId);
  if (input.from === 'template') {
    const settings = await loadCommuneSettings(tx, commune);
    const communeWord = /xã/iu.test(commune.name) ? 'xã' : 'phường';
    const source = planTemplate(facts(target), {
      venue: `Hội trường trụ sở Đảng ủy ${communeWord} ${settings.placeName}`,
      communeWord,
      ...defaultSchedule(target.issuedOn, today),
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: '' },
    });
    return { source, kind: input.kind };
  }
  const { plan: earlier } = await loadPlanFor(tx, actor, input.planId);
  if (earlier.tenantId !== commune.id) throw notFound('plan');
  const [cited] = await tx
    .select()
    .from(planResolutions)
    .innerJoin(resolutions, and(eq(resolutions.tenantId, planResolutions.tenantId), eq(resolutions.id, planResolutions.resolutionId)))
    .where(and(eq(planResolutions.tenantId, earlier.tenantId), eq(planResolutions.planId, earlier.id)))
    .limit(1);
  const source = cited ? retargetPlanSource(earlier.source, facts(cited.resolutions), facts(target)) : earlier.source;
  return { source, kind: earlier.kind };
}

async function registeredResolution(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db.select().from(resolutions).where(and(eq(resolutions.id, id), eq(resolutions.tenantId, tenantId)));
  if (!row) throw badRequest('plan.resolution-unknown', 'Nghị quyết được chọn không có trong danh mục văn bản của đảng bộ.');
  return row;
}

export async function updatePlan(db: Db, actor: Actor, id: string, patch: z.infer<typeof planUpdateBody>) {
  return db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, id);
    // Who may never edit a plan hears so first (403), not the plan's state (decision 012).
    if (!canCreatePlan(actor, toRef(commune))) throw forbidden('sửa kế hoạch này');
    if (plan.status === 'issued') throw conflictIssued();
    if (patch.number !== undefined || patch.issuedOn !== undefined) {
      throw badRequest('plan.number-on-issue', 'Số và ngày của kế hoạch chỉ được ghi khi ban hành.');
    }
    if (!canCreatePlan(actor, toRef(commune))) throw forbidden('sửa kế hoạch này');
    // Someone submitted or approved it meanwhile: say so, with the plan as it is now.
    if (!canEditPlan(actor, plan, toRef(commune))) {
      const current = await describePlan(tx, actor, plan, commune);
      throw stateConflict('plan.not-draft', 'Kế hoạch đã được trình hoặc duyệt nên không còn sửa được. Hãy đề nghị trả lại để sửa.', current);
    }
    if (patch.version !== plan.version) throw conflict('plan', await describePlan(tx, actor, plan, commune));
    const tenantUnits = await unitsOf(tx, commune.id);
    if (patch.recipients) checkRecipients(patch.recipients, tenantUnits);
    const changes: Partial<Plan> = { updatedAt: now() };
    if (patch.kind) changes.kind = patch.kind;
    let parsed: ImportedPlan | null = null;
    if (patch.source !== undefined) {
      parsed = await analysePlanSource(tx, tenantUnits, patch.source);
      Object.assign(changes, { source: patch.source, body: bodyFromImport(parsed), title: parsed.title ?? plan.title });
    }
    const updated = await updateVersioned(tx, plans, and(eq(plans.tenantId, plan.tenantId), eq(plans.id, id))!, patch.version, changes, {
      entity: 'plan',
      current: async () => describePlan(tx, actor, (await loadPlanFor(tx, actor, id)).plan, commune),
    });
    if (parsed) await linkResolutions(tx, actor, updated, parsed);
    if (patch.recipients) await replaceRecipients(tx, updated, patch.recipients);
    else if (parsed) await replaceRecipients(tx, updated, recipientsFromText(parsed, tenantUnits));
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'plan.update', entity: 'plan', entityId: id, before: plan, after: updated });
    return updated;
  });
}

export const conflictIssued = () =>
  stateConflict('plan.issued-locked', 'Kế hoạch đã ban hành nên không thể sửa (kể cả số và ngày). Hãy tạo phiên bản mới nếu cần thay đổi.');

export async function listPlans(db: DbOrTx, actor: Actor, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  return db.select().from(plans).where(visiblePlansFilter(actor, toRef(commune))).orderBy(desc(plans.updatedAt));
}

const ruleName = (code: string) => ruleNames[code as DiagnosticCode] ?? code;

export async function describePlan(db: DbOrTx, actor: Actor, plan: Plan, commune: Unit) {
  const ref = toRef(commune);
  const [cited, recipients] = await readTogether(db, [
    () => db
      .select({ id: resolutions.id, number: resolutions.number, subject: resolutions.subject })
      .from(planResolutions)
      .innerJoin(resolutions, and(eq(resolutions.tenantId, planResolutions.tenantId), eq(resolutions.id, planResolutions.resolutionId)))
      .where(and(eq(planResolutions.tenantId, plan.tenantId), eq(planResolutions.planId, plan.id))),
    () => db
      .select({ id: planRecipients.id, position: planRecipients.position, unitId: planRecipients.unitId, label: planRecipients.label, unitName: units.name })
      .from(planRecipients)
      .leftJoin(units, and(eq(units.tenantId, planRecipients.tenantId), eq(units.id, planRecipients.unitId)))
      .where(and(eq(planRecipients.tenantId, plan.tenantId), eq(planRecipients.planId, plan.id)))
      .orderBy(asc(planRecipients.position)),
  ]);
  const files = cited.length
    ? await db
        .select({ id: attachments.id, resolutionId: attachments.ownerId, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size })
        .from(attachments)
        .where(and(eq(attachments.ownerType, 'resolution'), inArray(attachments.ownerId, cited.map((c) => c.id))))
        .orderBy(asc(attachments.createdAt))
    : [];
  const parsed = await analysePlanSource(db, await unitsOf(db, plan.tenantId), plan.source);
  const { tenantId: _t, createdBy: _c, submittedBy: _s, approvedBy: _a, issuedBy: _i, numberPeriod: _p, lintAcknowledgements, ...rest } = plan;
  return {
    ...rest,
    diagnostics: parsed.diagnostics.map((d) => ({ ...d, rule: ruleName(d.code) })),
    acknowledgements: lintAcknowledgements.map(({ byId: _b, ...a }) => ({ ...a, rule: ruleName(a.code) })),
    issuerName: commune.name,
    numberText: formatNumberLine(plan.number === null ? null : String(plan.number), plan.symbol),
    resolutions: cited,
    attachments: files,
    recipients,
    abilities: {
      edit: canEditPlan(actor, plan, ref),
      submit: canSubmitPlan(actor, plan, ref),
      approve: canApprovePlan(actor, plan, ref),
      issue: canIssuePlan(actor, plan, ref),
      newVersion: canCreatePlanVersion(actor, plan, ref),
      viewDeliveries: canViewDeliveries(actor, plan, ref),
    },
  };
}
