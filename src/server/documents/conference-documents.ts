// The ward conference's two documents as document models on the shared layout (parts.ts): the
// convocation (Giấy triệu tập: header with its number, the plan it carries out, when, where, in what
// form, who is summoned, signed "T/M ĐẢNG ỦY" by the plan's signer) and the sign-in sheet (Danh sách
// đại biểu dự hội nghị: STT, Họ và tên, Chức vụ / đơn vị, Ký tên). Pure: the feature gathers the facts.
import type { ImportedSignature } from '../../domain/plan-import/types';
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { LAYOUT, type UySpelling } from './layout';
import type { Block, DocumentModel } from './model';
import { abstractCase, buildHeader, buildRecipients, buildSignature, type HeaderInput } from './parts';
import { stripMarkers } from './text-blocks';

export interface ConferenceFacts {
  header: Omit<HeaderInput, 'type' | 'number' | 'date'>;
  /** "Hội nghị tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ/TU …". */
  title: string;
  /** "Số 3-GTT/ĐU" is number 3 with symbol "GTT/ĐU"; null before the first send. */
  number: number | null;
  symbol: string | null;
  /** The convocation's date (first send); null for a draft. */
  date: string | null;
  /** "Kế hoạch số 1-KH/ĐU, ngày 15/05/2026 của Ban Thường vụ Đảng ủy phường về tổ chức …". */
  planReference: string;
  /** "07 giờ 30 phút, ngày 20/05/2026", or the plan's window. */
  when: string;
  venue: string;
  form: 'in-person' | 'online' | 'both';
  onlineLink: string | null;
  reporter: string | null;
  /** The plan's "Thành phần" text. */
  participantsText: string | null;
  participants: { fullName: string; roleLabel: string }[];
  /** The plan's signer: the convocation is signed by the same person for the committee. */
  signature: ImportedSignature | null;
  spelling?: UySpelling;
}

const FORMS = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', both: 'Trực tiếp kết hợp trực tuyến' } as const;
const bullet = (label: string, text: string): Block => ({ kind: 'bullet', inlines: [{ text: `${label}: `, bold: true }, { text }] });
const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ text }] });

function signatureOf(facts: ConferenceFacts) {
  return buildSignature({ onBehalfOf: 'T/M ĐẢNG ỦY', position: facts.signature?.position ?? 'BÍ THƯ', name: facts.signature?.name ?? '' }, facts.spelling ?? LAYOUT.spelling);
}

const whereAndWhen = (facts: ConferenceFacts): Block[] => {
  const out = [bullet('Thời gian', facts.when || '(sẽ thông báo sau)'), bullet('Địa điểm', facts.venue || '(sẽ thông báo sau)')];
  const form = FORMS[facts.form] + (facts.form !== 'in-person' && facts.onlineLink ? ` (đường dẫn: ${facts.onlineLink})` : '');
  out.push(bullet('Hình thức', form));
  return out;
};

export function buildConvocation(facts: ConferenceFacts): DocumentModel {
  const type = DOCUMENT_TYPES.convocation;
  const spelling = facts.spelling ?? LAYOUT.spelling;
  const number = facts.number === null || !facts.symbol ? null : `${facts.number}-${facts.symbol}`;
  const body: Block[] = [
    paragraph(`Thực hiện ${facts.planReference},`),
    paragraph(`${facts.header.issuer} triệu tập:`),
  ];
  if (facts.participants.length === 1) body.push(bullet('Kính gửi', `Đồng chí ${facts.participants[0]!.fullName}, ${facts.participants[0]!.roleLabel}`));
  else body.push(bullet('Kính gửi', facts.participants.length ? 'Các đồng chí có tên trong danh sách kèm theo' : 'Các đồng chí thuộc thành phần dưới đây'));
  if (facts.participantsText) body.push(bullet('Thành phần', stripMarkers(facts.participantsText)));
  body.push(paragraph(`Về dự ${lowerFirst(stripMarkers(facts.title))}.`), ...whereAndWhen(facts));
  if (facts.reporter) body.push(bullet('Báo cáo viên', stripMarkers(facts.reporter)));
  body.push(paragraph('Đề nghị các đồng chí sắp xếp công việc, đến dự Hội nghị đúng thời gian, thành phần./.'));
  if (facts.participants.length > 1) {
    body.push({ kind: 'heading', level: 2, text: `Danh sách kèm theo (${facts.participants.length} đồng chí)` });
    body.push({
      kind: 'table',
      columns: [
        { title: 'STT', share: 0.1, align: 'center' },
        { title: 'Họ và tên', share: 0.38 },
        { title: 'Chức vụ / đơn vị', share: 0.52 },
      ],
      rows: facts.participants.map((p, i) => [String(i + 1), p.fullName, p.roleLabel]),
    });
  }
  return {
    header: buildHeader({ ...facts.header, type, number, date: facts.date, symbol: facts.symbol ?? undefined }, spelling),
    docType: type.name,
    abstract: abstractCase(`Về việc dự ${lowerFirst(stripMarkers(facts.title))}`),
    body,
    signature: signatureOf(facts),
    recipients: buildRecipients(['Như thành phần triệu tập', 'Lưu Văn phòng Đảng ủy'], type.issuerKind),
  };
}

export function buildSignInSheet(facts: ConferenceFacts): DocumentModel {
  const type = DOCUMENT_TYPES.signInSheet;
  const spelling = facts.spelling ?? LAYOUT.spelling;
  return {
    header: buildHeader({ ...facts.header, type, number: null, date: facts.date }, spelling),
    docType: 'DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ',
    abstract: stripMarkers(facts.title),
    body: [
      ...whereAndWhen(facts),
      {
        kind: 'table',
        columns: [
          { title: 'STT', share: 0.08, align: 'center' },
          { title: 'Họ và tên', share: 0.3 },
          { title: 'Chức vụ / đơn vị', share: 0.42 },
          { title: 'Ký tên', share: 0.2 },
        ],
        rows: facts.participants.map((p, i) => [String(i + 1), p.fullName, p.roleLabel, '']),
      },
      paragraph(`Tổng số: ${facts.participants.length} đồng chí.`),
    ],
    signature: signatureOf(facts),
    recipients: buildRecipients([], type.issuerKind),
  };
}

function lowerFirst(text: string): string {
  return text.trim().replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLocaleLowerCase('vi'));
}
