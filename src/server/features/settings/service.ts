// Per-commune document settings, with the commune's own names as defaults.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden } from '../../errors';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { resolveCommune, toRef } from '../units/service';
import { canEditSettings, canViewSettings } from './policy';
import type { settingsUpdate } from './schema';
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

/** The settings page of a commune (canViewSettings). */
export async function settingsFor(db: DbOrTx, actor: Actor, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canViewSettings(actor, toRef(commune))) throw forbidden('xem thiết lập văn bản');
  return { settings: await loadCommuneSettings(db, commune), commune };
}

export async function updateCommuneSettings(db: Db, actor: Actor, patch: z.infer<typeof settingsUpdate>, communeId?: string) {
  return db.transaction(async (tx) => {
    const commune = await resolveCommune(tx, actor, communeId);
    if (!canEditSettings(actor, toRef(commune))) throw forbidden('đổi thiết lập văn bản của đảng bộ');
    const current = await loadCommuneSettings(tx, commune);
    if (current.version !== patch.version) throw conflict('settings', current);
    const { version, ...changes } = patch;
    const { version: _v, ...merged } = { ...current, ...changes };
    if (merged.numbering === 'term' && !merged.termStartedOn) {
      throw badRequest('settings.term-start-required', 'Đánh số theo nhiệm kỳ cần ngày bắt đầu nhiệm kỳ.');
    }
    // Before the first save there is no row: the defaults above show as version 1.
    const next = await updateVersioned(tx, communeSettings, eq(communeSettings.tenantId, commune.id), version, merged, {
      entity: 'settings',
      current: () => loadCommuneSettings(tx, commune),
      create: { absentVersion: 1, target: communeSettings.tenantId, values: merged },
    });
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'settings.update', entity: 'settings', entityId: commune.id, before: current, after: next });
    return { settings: next, commune };
  });
}
