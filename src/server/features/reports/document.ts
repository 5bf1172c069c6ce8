// The cell report's document from its record: the commune's settings (header lines, spelling), the
// plan and the resolution it carries out, the cell's secretary as the signer. One model, DOCX and PDF.
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { buildConsolidatedReport, type ConsolidatedReportInput } from '../../documents/consolidated-report';
import { consolidationOf } from './consolidation';
import { consolidatedReportOf, consolidatedReportWithPlan } from './consolidated-report';
import type { Actor } from '../../auth/actor';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { buildCellReport } from '../../documents/cell-report';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { loadUnit } from '../units/service';
import { persons, positions } from '../people/tables';
import { planRecipients, plans, type Plan } from '../plans/tables';
import type { Unit } from '../units/tables';
import { reportFor } from './service';
import { propagandaTotals } from '../propaganda/service';
import type { TotalsByChannel } from '../../../domain/propaganda';
import { readTogether } from '../../db/read-together';

/** The cell's secretary on the report's date (the signer), or blank to sign by hand. */
async function secretaryOn(db: DbOrTx, tenantId: string, unitId: string, day: string): Promise<string> {
  const [row] = await db
    .select({ fullName: persons.fullName })
    .from(positions)
    .innerJoin(persons, and(eq(persons.tenantId, positions.tenantId), eq(persons.id, positions.personId)))
    .where(and(eq(positions.tenantId, tenantId), eq(positions.unitId, unitId), eq(positions.kindCode, 'cellSecretary'), lte(positions.fromOn, day), or(isNull(positions.toOn), gte(positions.toOn, day))))
    .limit(1);
  return row?.fullName ?? '';
}

export async function reportDocumentFor(db: DbOrTx, actor: Actor, id: string): Promise<{ model: DocumentModel; fileName: (ext: string) => string }> {
  const report = await reportFor(db, actor, id);
  const [plan] = await db.select().from(plans).where(eq(plans.id, report.planId));
  const commune = await loadUnit(db, plan!.tenantId);
  const settings = await loadCommuneSettings(db, commune);
  const resolution = plan!.body.resolutions?.[0]?.number;
  const model = buildCellReport({
    communeIssuer: settings.issuerName,
    place: settings.placeName,
    unitName: report.unitName,
    number: report.number,
    reportDate: report.reportDate,
    resolution: resolution ? `Nghị quyết số ${resolution}` : 'Nghị quyết',
    planReference: plan!.number ? `Kế hoạch số ${plan!.number}-${plan!.symbol}` : 'Kế hoạch',
    heldOn: report.sessionHeldOn,
    form: report.form,
    reporter: report.reporter,
    figures: report.figures,
    summary: report.summary,
    opinions: report.opinions,
    proposals: report.proposals,
    groups: report.rubric.groups,
    scores: report.scores,
    total: report.total,
    band: report.band,
    ward: report.wardScoring,
    secretaryName: await secretaryOn(db, plan!.tenantId, report.unitId, report.reportDate),
    propaganda: await propagandaTotals(db, plan!.tenantId, plan!.id, report.unitId),
    spelling: settings.uySpelling,
  });
  const slug = removeDiacritics(report.unitName).toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return { model, fileName: (ext) => `bao-cao-${slug}-${report.reportDate}.${ext}` };
}

/**
 * The ward's consolidated report as a document: the figures from the consolidation as submitted (or
 * live while a draft), the narrative from the consolidated report, the recipients the plan reports to. The
 * plan, its commune and the consolidated report are read once; the rest, independent, side by side.
 */
export async function consolidatedReportDocumentFor(db: Db, actor: Actor, planId: string) {
  const { plan, commune, row, detail: ward } = await consolidatedReportWithPlan(db, actor, planId);
  const submitted = ward.status === 'submitted' && row?.figures ? row.figures : null;
  // A submitted report is its frozen figures: the live consolidation is read only for a draft.
  const [consolidation, propaganda] = await Promise.all([
    submitted ?? consolidationOf(db, actor, plan, commune),
    propagandaAsSubmitted(db, plan, submitted),
  ]);
  return consolidatedReportDocument(db, plan, ward, consolidation as Awaited<ReturnType<typeof consolidationOf>>, propaganda, commune);
}

/** The propaganda totals as submitted (kept with the figures), live while a draft. */
async function propagandaAsSubmitted(db: DbOrTx, plan: Plan, submitted: Record<string, unknown> | null): Promise<TotalsByChannel> {
  return (submitted?.propaganda as TotalsByChannel | undefined) ?? (await propagandaTotals(db, plan.tenantId, plan.id));
}

/**
 * A commune's consolidated report as it submitted it upward, for its province (the caller has checked
 * the province's policy and that the province's copy is submitted): the same document the commune
 * downloads, from the figures frozen at submission. Null when the commune's own report is not submitted.
 */
export async function submittedConsolidatedReportDocument(db: DbOrTx, communeId: string, planId: string) {
  const [plan] = await db.select().from(plans).where(and(eq(plans.tenantId, communeId), eq(plans.id, planId)));
  if (!plan) return null;
  const row = await consolidatedReportOf(db, plan.tenantId, plan.id);
  if (row?.status !== 'submitted' || !row.figures) return null;
  const figures = row.figures as unknown as Record<string, unknown>;
  const document = await consolidatedReportDocument(db, plan, row, figures as unknown as ConsolidatedReportInput['consolidation'], await propagandaAsSubmitted(db, plan, figures));
  // The province keeps many communes' reports: the file names the commune.
  const commune = removeDiacritics(document.input.communeIssuer).toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return { ...document, fileName: (ext: string) => `bao-cao-tong-hop-${commune}-${document.input.reportDate}.${ext}` };
}

async function consolidatedReportDocument(
  db: DbOrTx,
  plan: Plan,
  ward: { number: string; issuedOn: string | null; difficulties: string; proposals: string },
  consolidation: ConsolidatedReportInput['consolidation'],
  propaganda: TotalsByChannel,
  loadedCommune?: Unit,
) {
  const commune = loadedCommune ?? (await loadUnit(db, plan.tenantId));
  const [settings, listed] = await readTogether(db, [
    () => loadCommuneSettings(db, commune),
    () => db.select({ label: planRecipients.label }).from(planRecipients).where(and(eq(planRecipients.tenantId, plan.tenantId), eq(planRecipients.planId, plan.id))).orderBy(planRecipients.position),
  ]);
  const resolution = plan.body.resolutions?.[0]?.number;
  // The plan reports to those it names "(báo cáo)" (the province's boards): so does its consolidated report.
  const upward = listed.map((r) => r.label).filter((r) => /\(báo cáo\)/u.test(r));
  const input: ConsolidatedReportInput = {
    communeIssuer: settings.issuerName,
    superior: settings.superiorName,
    place: settings.placeName,
    number: ward.number,
    reportDate: ward.issuedOn ?? todayInVietnam(now()),
    resolution: resolution ? `Nghị quyết số ${resolution}` : 'Nghị quyết',
    planReference: plan.number ? `Kế hoạch số ${plan.number}-${plan.symbol}` : 'Kế hoạch',
    consolidation,
    propaganda,
    difficulties: ward.difficulties,
    proposals: ward.proposals,
    recipients: [...(upward.length ? upward : [`${settings.superiorName} (báo cáo)`]), 'Lưu Văn phòng Đảng ủy'],
    spelling: settings.uySpelling,
  };
  const fileName = (ext: string) => `bao-cao-tong-hop-${plan.number ?? 'ke-hoach'}-${input.reportDate}.${ext}`;
  return { input, model: buildConsolidatedReport(input), fileName };
}
