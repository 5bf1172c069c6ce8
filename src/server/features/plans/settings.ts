// Per-commune document settings, with the commune's own names as defaults.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units, type Unit } from '../units/tables';
import { communeSettings } from './tables';

export type CommuneSettings = typeof communeSettings.$inferSelect;

export async function loadCommuneSettings(db: DbOrTx, commune: Unit): Promise<CommuneSettings> {
  const [row] = await db.select().from(communeSettings).where(eq(communeSettings.tenantId, commune.id));
  if (row) return row;
  const parentId = commune.parentId;
  const [parent] = parentId ? await db.select().from(units).where(eq(units.id, parentId)) : [];
  return {
    tenantId: commune.id,
    numbering: 'year',
    termStartedOn: null,
    uySpelling: 'ỦY',
    superiorName: parent?.name ?? '',
    issuerName: commune.name,
    placeName: commune.name.replace(/^Đảng (ủy|uỷ|bộ) (phường|xã|thị trấn)\s+/iu, ''),
    version: 1,
  };
}

/** The period a plan number counts in: the year, or the committee's term (a setting). */
export function numberPeriod(settings: CommuneSettings, issuedOn: string): string {
  if (settings.numbering === 'term' && settings.termStartedOn && issuedOn >= settings.termStartedOn) return `term:${settings.termStartedOn}`;
  return issuedOn.slice(0, 4);
}
