// A commune's reminder settings (task_reminder_settings; no row = the defaults 7, 3, 1 days before,
// every 3 days overdue, escalation after 3 days): read by the settings' readers, changed by its editors.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { resolveCommune, toRef } from '../units/service';
import { canEditSettings, canViewSettings } from '../settings/policy';
import { loadReminderSettings } from './reminders';
import { taskReminderSettings } from './tables';

export async function reminderSettingsFor(db: Db, actor: Actor, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canViewSettings(actor, toRef(commune))) throw forbidden('xem thiết lập nhắc việc');
  return { ...(await loadReminderSettings(db, commune.id)), abilities: { edit: canEditSettings(actor, toRef(commune)) } };
}

export async function updateReminderSettings(
  db: Db,
  actor: Actor,
  patch: { version: number; beforeDays?: number[]; overdueEveryDays?: number; escalationAfterDays?: number },
  communeId?: string,
) {
  return db.transaction(async (tx) => {
    const commune = await resolveCommune(tx, actor, communeId);
    if (!canEditSettings(actor, toRef(commune))) throw forbidden('đổi thiết lập nhắc việc');
    const current = await loadReminderSettings(tx, commune.id);
    if (current.version !== patch.version) throw conflict('reminder-settings', current);
    const beforeDays = patch.beforeDays ? [...new Set(patch.beforeDays)].sort((a, b) => b - a) : [...current.beforeDays];
    if (patch.beforeDays && beforeDays.length !== patch.beforeDays.length) {
      throw badRequest('reminders.duplicate-offset', 'Mỗi mốc nhắc trước hạn chỉ được nhập một lần.');
    }
    const next = { beforeDays, overdueEveryDays: patch.overdueEveryDays ?? current.overdueEveryDays, escalationAfterDays: patch.escalationAfterDays ?? current.escalationAfterDays };
    const row = await updateVersioned(tx, taskReminderSettings, eq(taskReminderSettings.tenantId, commune.id), patch.version, { ...next, updatedAt: now() }, {
      entity: 'reminder-settings',
      current: () => loadReminderSettings(tx, commune.id),
      create: { absentVersion: 1, target: taskReminderSettings.tenantId, values: { tenantId: commune.id, ...next } },
    });
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'settings.reminders', entity: 'settings', entityId: commune.id, before: current, after: next });
    return { beforeDays: row.beforeDays, overdueEveryDays: row.overdueEveryDays, escalationAfterDays: row.escalationAfterDays, version: row.version, abilities: { edit: true } };
  });
}
