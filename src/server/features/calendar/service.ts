// A person's private calendar feed: a random token in the URL (stored hashed), revocable; a new URL
// revokes the old one. The feed route is public and answers only to a valid, unrevoked token.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { hashToken } from '../../auth/service';
import { users } from '../../auth/tables';
import { badRequest, notFound } from '../../errors';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { canManageOwnCalendar } from './policy';
import { calendarEvents } from './sources';
import { renderCalendar } from './ical';
import { calendarFeeds } from './tables';

/** The person behind the account: the account's own, else its member's. */
async function personOf(db: DbOrTx, actor: Actor): Promise<{ tenantId: string; personId: string }> {
  if (!canManageOwnCalendar(actor)) throw badRequest('calendar.no-person', 'Tài khoản này không gắn với một đảng viên nên không có lịch cá nhân.');
  const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.userId));
  let personId = user?.personId ?? null;
  if (!personId && actor.memberId) {
    const [member] = await db.select({ personId: members.personId }).from(members).where(eq(members.id, actor.memberId));
    personId = member?.personId ?? null;
  }
  if (!personId) throw badRequest('calendar.no-person', 'Tài khoản này chưa gắn với hồ sơ một người nên chưa có lịch cá nhân. Vui lòng báo Văn phòng Đảng ủy.');
  return { tenantId: actor.tenantId!, personId };
}

export async function feedStatus(db: DbOrTx, actor: Actor) {
  const { tenantId, personId } = await personOf(db, actor);
  const [active] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
  return { active: Boolean(active), createdAt: active?.createdAt ?? null };
}

/** A new private URL; every earlier one stops answering. The URL is shown once. */
export async function rotateFeed(db: Db, actor: Actor, origin: string) {
  return db.transaction(async (tx) => {
    const { tenantId, personId } = await personOf(tx, actor);
    const at = now();
    await tx.update(calendarFeeds).set({ revokedAt: at }).where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
    const token = randomBytes(24).toString('base64url');
    await tx.insert(calendarFeeds).values({ tenantId, personId, tokenHash: hashToken(token), createdAt: at });
    await recordAudit(tx, { tenantId, actorId: actor.userId, action: 'calendar.rotate', entity: 'calendar-feed', entityId: personId });
    return { url: `${origin}/api/calendar/${tenantId}/${token}.ics`, createdAt: at };
  });
}

export async function revokeFeed(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const { tenantId, personId } = await personOf(tx, actor);
    await tx.update(calendarFeeds).set({ revokedAt: now() }).where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
    await recordAudit(tx, { tenantId, actorId: actor.userId, action: 'calendar.revoke', entity: 'calendar-feed', entityId: personId });
    return { active: false };
  });
}

/** The public feed: an unknown or revoked token is not found, like any other address. */
export async function feedByToken(db: DbOrTx, tenantId: string, token: string): Promise<string> {
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound('calendar-feed');
  return renderCalendar('Lịch sinh hoạt — QuánTriệt', await calendarEvents(db, tenantId, feed.personId), now());
}
