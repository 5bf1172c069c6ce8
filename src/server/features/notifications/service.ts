// Notifications: `notify` writes them in the caller's transaction (so a notification exists exactly
// when its cause does); the caller hands the returned ids to the mailer after the commit (mailer.ts).
// A person reads their own list through their account: users.person_id, else their member's person.
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { users } from '../../auth/tables';
import { notFound } from '../../errors';
import { now } from '../../clock';
import { members } from '../members/tables';
import { persons } from '../people/tables';
import { notificationPreferences, notifications, type Notification } from './tables';
import { unmutableKinds } from './mailer';
import { readTogether } from '../../db/read-together';

export interface NotifyInput {
  tenantId: string;
  personIds: readonly string[];
  /** Stable: "conference.convocation", "task.reminder"… */
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

export interface NotifyResult {
  /** The notifications written, one per person; give them to `mailer.deliver` after the commit. */
  ids: string[];
  count: number;
}

/**
 * Writes one notification per person (duplicates collapsed). E-mail is marked pending for people with
 * an address who have not muted e-mail (an escalation is never muted); nothing is sent from inside the
 * transaction (mailer.deliver after the commit decides).
 */
export async function notify(tx: DbOrTx, input: NotifyInput): Promise<NotifyResult> {
  const [result] = await notifyMany(tx, input.tenantId, [input]);
  return result ?? { ids: [], count: 0 };
}

/**
 * Several notifications of one tenant at once (the reminder run): one query for the addresses, one for
 * the muted, inserts by 500; one result per input, in order.
 */
export async function notifyMany(tx: DbOrTx, tenantId: string, inputs: readonly Omit<NotifyInput, 'tenantId'>[]): Promise<NotifyResult[]> {
  const everyone = [...new Set(inputs.flatMap((i) => i.personIds))];
  if (everyone.length === 0) return inputs.map(() => ({ ids: [], count: 0 }));
  const withEmail = new Set<string>();
  const muted = new Set<string>();
  for (let i = 0; i < everyone.length; i += 5000) {
    const chunk = everyone.slice(i, i + 5000);
    const addressed = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, chunk), sql`coalesce(${persons.email}, '') <> ''`));
    addressed.forEach((r) => withEmail.add(r.id));
    const mutedRows = await tx
      .select({ personId: notificationPreferences.personId })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.tenantId, tenantId), inArray(notificationPreferences.personId, chunk), eq(notificationPreferences.muteEmail, true)));
    mutedRows.forEach((r) => muted.add(r.personId));
  }
  const rows: (typeof notifications.$inferInsert)[] = [];
  const owner: number[] = [];
  inputs.forEach((input, index) => {
    // Muted e-mail (never an escalation): the notification is written, no e-mail is pending.
    const mutable = !unmutableKinds.includes(input.kind);
    for (const personId of new Set(input.personIds)) {
      const email = withEmail.has(personId) && !(mutable && muted.has(personId));
      rows.push({ tenantId, personId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null, emailStatus: email ? 'pending' : 'none' });
      owner.push(index);
    }
  });
  const results: NotifyResult[] = inputs.map(() => ({ ids: [], count: 0 }));
  // One JSON parameter per 2,000 rows (as db/json-insert.ts): the reminder run writes thousands at once.
  const at = now().toISOString();
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(
      rows.slice(i, i + 2000).map((r) => ({ tenant_id: r.tenantId, person_id: r.personId, kind: r.kind, title: r.title, body: r.body, link: r.link, email_status: r.emailStatus, created_at: at })),
    );
    const res = await tx.execute(
      sql`insert into notifications (tenant_id, person_id, kind, title, body, link, email_status, created_at) select tenant_id, person_id, kind, title, body, link, email_status, created_at from json_populate_recordset(null::notifications, ${json}::json) returning id`,
    );
    (res as unknown as { rows: { id: string }[] }).rows.forEach((w, j) => {
      const r = results[owner[i + j]!]!;
      r.ids.push(w.id);
      r.count += 1;
    });
  }
  return results;
}

/** The person an account stands for: its own person, else its member's. */
export async function personOfActor(db: DbOrTx, actor: Actor): Promise<{ tenantId: string; personId: string } | null> {
  const [row] = await db
    .select({ personId: users.personId, tenantId: users.tenantId, memberPerson: members.personId, memberTenant: members.tenantId })
    .from(users)
    .leftJoin(members, and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId)))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (row?.personId && row.tenantId) return { tenantId: row.tenantId, personId: row.personId };
  if (row?.memberPerson && row.memberTenant) return { tenantId: row.memberTenant, personId: row.memberPerson };
  return null;
}

const mine = (me: { tenantId: string; personId: string }) => and(eq(notifications.tenantId, me.tenantId), eq(notifications.personId, me.personId));

export async function listMyNotifications(db: DbOrTx, actor: Actor, page: { offset: number; limit: number; order: 'unread-first' | 'newest' }) {
  const me = await personOfActor(db, actor);
  if (!me) return { notifications: [] as Notification[], total: 0, unread: 0 };
  const order = page.order === 'unread-first' ? [sql`${notifications.readAt} is not null`, desc(notifications.createdAt)] : [desc(notifications.createdAt)];
  const [list, [totals]] = await readTogether(db, [
    () => db.select().from(notifications).where(mine(me)).orderBy(...order, desc(notifications.id)).offset(page.offset).limit(page.limit),
    () => db.select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` }).from(notifications).where(mine(me)),
  ]);
  return { notifications: list, total: Number(totals?.total ?? 0), unread: Number(totals?.unread ?? 0) };
}

export async function unreadCount(db: DbOrTx, actor: Actor): Promise<number> {
  const me = await personOfActor(db, actor);
  if (!me) return 0;
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(me), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the actor's own notifications read; anyone else's is not found. Reading twice keeps the first time. */
export async function markRead(db: DbOrTx, actor: Actor, id: string): Promise<Notification> {
  const me = await personOfActor(db, actor);
  if (!me) throw notFound('notification');
  const [row] = await db.select().from(notifications).where(and(mine(me), eq(notifications.id, id)));
  if (!row) throw notFound('notification');
  if (row.readAt) return row;
  const [updated] = await db.update(notifications).set({ readAt: now() }).where(and(mine(me), eq(notifications.id, id))).returning();
  return updated!;
}

export async function markAllRead(db: DbOrTx, actor: Actor): Promise<number> {
  const me = await personOfActor(db, actor);
  if (!me) return 0;
  const rows = await db.update(notifications).set({ readAt: now() }).where(and(mine(me), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}
