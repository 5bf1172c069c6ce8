// "Nơi nhận" lines matched to the organisation: a named unit gets the plan in its inbox; the usual
// collective line "Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc" reaches every cell and grassroots
// organisation; other lines ("Lưu Văn phòng Đảng ủy", bodies above the commune) stay text only.
import { foldVietnamese } from './vietnamese-names';

export type RecipientTarget = { unitId: string } | { group: 'cells' } | null;

const key = (s: string) =>
  foldVietnamese(s)
    .replace(/\([^)]*\)/gu, ' ') // "(báo cáo)", "(để biết)"
    .replace(/[.,;:]+\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();

export function cleanRecipientLabel(label: string): string {
  return label.normalize('NFC').replace(/^[-–•+]\s*/u, '').replace(/[.,;]\s*$/u, '').trim();
}

/** "Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc": the line that reaches every cell. */
export function isCollectiveCellsLine(label: string): boolean {
  return /^cac chi bo\b/u.test(key(cleanRecipientLabel(label)));
}

export function matchRecipient(label: string, units: { id: string; name: string }[]): RecipientTarget {
  const k = key(cleanRecipientLabel(label));
  if (isCollectiveCellsLine(label)) return { group: 'cells' };
  if (/^luu\b/u.test(k)) return null;
  const unit = units.find((u) => key(u.name) === k || `cac ${key(u.name)}` === k);
  return unit ? { unitId: unit.id } : null;
}
