// The plan record as the official document: the same model renders DOCX, HTML and (through
// LibreOffice) PDF.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Unit } from '../units/tables';
import { buildPlanDocument } from '../../documents/plan-document';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { planRecipients, type Plan } from './tables';

export async function planDocumentModel(db: DbOrTx, plan: Plan, commune: Unit): Promise<DocumentModel> {
  const settings = await loadCommuneSettings(db, commune);
  const recipients = await db.select().from(planRecipients).where(eq(planRecipients.planId, plan.id)).orderBy(asc(planRecipients.position));
  return buildPlanDocument(
    { kind: 'ke-hoach', title: plan.title, ...plan.body, recipients: recipients.map((r) => r.label), diagnostics: [] },
    { superior: settings.superiorName, issuer: settings.issuerName, number: plan.number, symbol: plan.symbol, place: settings.placeName, date: plan.issuedOn },
    { spelling: settings.uySpelling },
  );
}

/** "ke-hoach-45-KH-DU.docx", or "ke-hoach-du-thao.docx" for an unnumbered draft. */
export function planFileName(plan: Plan, extension: string): string {
  const number = plan.number ? `${plan.number}-${removeDiacritics(plan.symbol).replace(/\//gu, '-')}` : 'du-thao';
  return `ke-hoach-${number}.${extension}`;
}
