// A cell's report (Báo cáo kết quả học tập, quán triệt) built from the shared parts alone, the way the
// cell report's own model builder will build it: for the tests of the cell header and signature, and
// of an unnumbered document (a cell's minutes, `numbered: false`).
import { DOCUMENT_TYPES, type DocumentTypeId } from '../../domain/document-types';
import type { DocumentModel } from './model';
import { buildHeader, buildRecipients, buildSignature, cellSuperior, defaultSignature } from './parts';

export function sampleCellDocument(typeId: Extract<DocumentTypeId, 'cellReport' | 'cellMinutes'> = 'cellReport'): DocumentModel {
  const type = DOCUMENT_TYPES[typeId];
  return {
    header: buildHeader({
      type,
      superior: cellSuperior('Đảng ủy phường Nông Tiến'),
      issuer: 'Chi bộ Tổ dân phố Tràng Đà 6',
      number: 3,
      place: 'Nông Tiến',
      date: '2026-06-08',
    }),
    docType: type.name,
    abstract: 'kết quả học tập, quán triệt Nghị quyết số 91-NQ/TU',
    body: [{ kind: 'paragraph', inlines: [{ text: 'Chi bộ đã tổ chức học tập, quán triệt Nghị quyết ngày 05/6/2026.' }] }],
    signature: buildSignature({ ...defaultSignature(type.issuerKind), name: 'Hoàng Thị Lan' }),
    recipients: buildRecipients(['Đảng ủy phường (báo cáo)'], type.issuerKind),
  };
}
