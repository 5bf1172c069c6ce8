// Who reads the province's copy of its communes' reports (decision 012): the province's viewers
// (Ban Tuyên giáo và Dân vận Tỉnh ủy) and administrators, over the province they are granted on.
import { type Actor, type UnitRef, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';

export const provinceReaders = ['admin', 'provinceViewer'] as const satisfies readonly Role[];

/** The province's page: each commune's submitted report, completeness and timeliness, the roll-ups. */
export function canViewProvinceReports(actor: Actor, province: UnitRef): boolean {
  return province.kind === 'province' && hasRoleOver(actor, provinceReaders, province);
}

/** Downloading a commune's submitted consolidated report (DOCX, XLSX of its cells): the same readers. */
export function canDownloadCommuneReport(actor: Actor, province: UnitRef): boolean {
  return canViewProvinceReports(actor, province);
}

/** Confirming the province has received a commune's report (the read receipt): its viewers. */
export function canConfirmUpwardReceipt(actor: Actor, province: UnitRef): boolean {
  return province.kind === 'province' && hasRoleOver(actor, ['provinceViewer'], province);
}
