// The session's minutes (Biên bản) from its record: one model, DOCX and (through the warm converter) PDF.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { buildSessionMinutes } from '../../documents/session-minutes';
import type { DocumentModel } from '../../documents/model';
import { loadCommuneSettings } from '../settings/service';
import { loadUnit } from '../units/service';
import { plans } from '../plans/tables';
import { canViewSession } from './policy';
import { loadSessionFor } from './load';
import { describeSession } from './service';

export async function minutesFor(db: DbOrTx, actor: Actor, id: string): Promise<{ model: DocumentModel; fileName: (ext: string) => string }> {
  const loaded = await loadSessionFor(db, actor, id, canViewSession, 'xem biên bản buổi sinh hoạt này');
  const detail = await describeSession(db, actor, loaded);
  const { session, unit } = loaded;
  const commune = await loadUnit(db, session.tenantId);
  const settings = await loadCommuneSettings(db, commune);
  const [plan] = await db.select().from(plans).where(eq(plans.id, session.planId));
  const names = new Map([...detail.expected, ...detail.exempt].map((p) => [p.memberId, p.fullName]));
  const away = detail.marks
    .filter((m) => m.status === 'excused' || m.status === 'absent')
    .map((m) => ({ fullName: names.get(m.memberId) ?? '', status: m.status, reason: m.reason }));
  const model = buildSessionMinutes({
    communeIssuer: settings.issuerName,
    place: settings.placeName,
    unitName: unit.name,
    planTitle: plan!.title,
    planNumber: plan!.number ? `${plan!.number}-${plan!.symbol}` : null,
    kind: session.kind,
    heldOn: session.heldOn,
    scheduledAt: session.scheduledAt,
    venue: session.place,
    form: session.form,
    reporter: session.reporter,
    chairName: session.chairName,
    secretaryName: session.minutesSecretaryName,
    counts: detail.counts,
    away,
    reached: { youth: session.reachedYouth, association: session.reachedAssociation, public: session.reachedPublic },
    notes: session.notes,
    opinions: session.opinions,
    spelling: settings.uySpelling,
  });
  const slug = removeDiacritics(unit.name).toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  return { model, fileName: (ext) => `bien-ban-${slug}${session.heldOn ? `-${session.heldOn}` : ''}.${ext}` };
}
