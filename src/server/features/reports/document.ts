// The cell report's document from its record: the commune's settings (header lines, spelling), the
// plan and the resolution it carries out, the cell's secretary as the signer. One model, DOCX and PDF.
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { buildCellReport } from '../../documents/cell-report';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { loadUnit } from '../units/service';
import { persons, positions } from '../people/tables';
import { plans } from '../plans/tables';
import { reportFor } from './service';

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
    spelling: settings.uySpelling,
  });
  const slug = removeDiacritics(report.unitName).toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return { model, fileName: (ext) => `bao-cao-${slug}-${report.reportDate}.${ext}` };
}
