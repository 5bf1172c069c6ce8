// The conference's documents from its record: the plan it carries out, the commune's settings (header
// lines, spelling) and the participant list as it stands.
import type { DbOrTx } from '../../db/client';
import { buildConvocation, buildSignInSheet, type ConferenceFacts } from '../../documents/conference-documents';
import type { DocumentModel } from '../../documents/model';
import { formatNumberLine } from '../../../domain/document-numbering';
import { formatDayFirst } from '../../../domain/dates';
import { removeDiacritics } from '../../../domain/vietnamese-names';
import { loadCommuneSettings } from '../settings/service';
import type { Plan } from '../plans/tables';
import type { Unit } from '../units/tables';
import { formatMoment, participantsOf } from './participants';
import type { Conference } from './tables';

export type ConferenceDocument = 'convocation' | 'sign-in-sheet';

export async function conferenceFacts(db: DbOrTx, conference: Conference, plan: Plan, commune: Unit): Promise<ConferenceFacts> {
  const settings = await loadCommuneSettings(db, commune);
  const { participants } = await participantsOf(db, conference);
  const planNumber = plan.number === null ? '' : ` ${formatNumberLine(String(plan.number), plan.symbol).replace(/^Số /u, 'số ')}`;
  const planDate = plan.issuedOn ? `, ngày ${formatDayFirst(plan.issuedOn)}` : '';
  const about = plan.title.trim().replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLocaleLowerCase('vi'));
  return {
    header: { superior: settings.superiorName, issuer: settings.issuerName, place: settings.placeName },
    title: conference.title,
    number: conference.convocationNumber,
    symbol: conference.convocationSymbol,
    date: conference.convenedOn,
    planReference: `Kế hoạch${planNumber}${planDate} của Ban Thường vụ ${settings.issuerName} về ${about}`,
    when: conference.scheduledAt ? formatMoment(conference.scheduledAt) : (conference.windowPhrase ?? ''),
    venue: conference.venue,
    form: conference.form,
    onlineLink: conference.onlineLink,
    reporter: conference.reporterText,
    participantsText: conference.participantsText,
    participants: participants.map((p) => ({ fullName: p.fullName, roleLabel: p.roleLabel })),
    signature: plan.body.signature,
    spelling: settings.uySpelling,
  };
}

export async function conferenceDocumentModel(db: DbOrTx, which: ConferenceDocument, conference: Conference, plan: Plan, commune: Unit): Promise<DocumentModel> {
  const facts = await conferenceFacts(db, conference, plan, commune);
  return which === 'convocation' ? buildConvocation(facts) : buildSignInSheet(facts);
}

/** "giay-trieu-tap-3-GTT-DU.docx", "danh-sach-dai-bieu-hoi-nghi.docx". */
export function conferenceFileName(which: ConferenceDocument, conference: Conference, extension: string): string {
  if (which === 'sign-in-sheet') return `danh-sach-dai-bieu-hoi-nghi.${extension}`;
  const number = conference.convocationNumber && conference.convocationSymbol ? `${conference.convocationNumber}-${removeDiacritics(conference.convocationSymbol).replace(/\//gu, '-')}` : 'du-thao';
  return `giay-trieu-tap-${number}.${extension}`;
}
