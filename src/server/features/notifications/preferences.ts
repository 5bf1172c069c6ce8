// A person's e-mail choices (notification_preferences): mute e-mail (never escalations) and the daily
// digest instead of one e-mail per notification. Read and written through the account's own person.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { personOfActor } from './service';
import { notificationPreferences } from './tables';

export interface PreferencesView {
  /** False for an account that stands for no person: it receives no notifications, so has no choice to make. */
  hasPerson: boolean;
  muteEmail: boolean;
  dailyDigest: boolean;
  version: number;
}

async function load(db: DbOrTx, me: { tenantId: string; personId: string }): Promise<PreferencesView> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, me.tenantId), eq(notificationPreferences.personId, me.personId)));
  return { hasPerson: true, muteEmail: row?.muteEmail ?? false, dailyDigest: row?.dailyDigest ?? false, version: row?.version ?? 1 };
}

export async function myPreferences(db: DbOrTx, actor: Actor): Promise<PreferencesView> {
  const me = await personOfActor(db, actor);
  if (!me) return { hasPerson: false, muteEmail: false, dailyDigest: false, version: 1 };
  return load(db, me);
}

export async function updateMyPreferences(db: Db, actor: Actor, patch: { version: number; muteEmail?: boolean; dailyDigest?: boolean }): Promise<PreferencesView> {
  return db.transaction(async (tx) => {
    const me = await personOfActor(tx, actor);
    if (!me) throw badRequest('notifications.no-person', 'Tài khoản này chưa gắn với một người nên không nhận thông báo qua thư điện tử.');
    const current = await load(tx, me);
    if (current.version !== patch.version) throw conflict('notification-preferences', current);
    const next = { muteEmail: patch.muteEmail ?? current.muteEmail, dailyDigest: patch.dailyDigest ?? current.dailyDigest };
    const key = and(eq(notificationPreferences.tenantId, me.tenantId), eq(notificationPreferences.personId, me.personId));
    const row = await updateVersioned(tx, notificationPreferences, key, patch.version, { ...next, updatedAt: now() }, {
      entity: 'notification-preferences',
      current: () => load(tx, me),
      create: { absentVersion: 1, target: [notificationPreferences.tenantId, notificationPreferences.personId], values: { tenantId: me.tenantId, personId: me.personId, ...next } },
    });
    await recordAudit(tx, { tenantId: me.tenantId, actorId: actor.userId, action: 'notifications.preferences', entity: 'person', entityId: me.personId, before: current, after: next });
    return { hasPerson: true, muteEmail: row.muteEmail, dailyDigest: row.dailyDigest, version: row.version };
  });
}
