// What the queue could not do, for administrators: e-mails that failed after their last retry (in the
// communes under the administrator's grants) and failed jobs per queue.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { grantRoots, type Actor } from '../../auth/actor';
import { isWithin } from '../../../domain/org-tree';
import type { JobQueue } from '../../jobs/queue';
import { units } from '../units/tables';
import { persons } from '../people/tables';
import { notifications } from './tables';
import { canViewJobFailures } from './policy';
import { forbidden } from '../../errors';

export async function jobFailures(db: Db, actor: Actor, jobs: JobQueue | null, page: { limit: number }) {
  if (!canViewJobFailures(actor)) throw forbidden('xem các việc gửi không thành công');
  const roots = grantRoots(actor, ['admin']);
  // The tenants within reach: communes (their own tenant) and provinces under an administrator grant.
  const tenants = (await db.select({ id: units.id, path: units.path, kind: units.kind, tenantId: units.tenantId }).from(units).where(inArray(units.kind, ['commune', 'province'])))
    .filter((u) => u.id === u.tenantId && roots.some((g) => isWithin(u.path, g.unitPath)))
    .map((u) => u.id);
  const where = and(inArray(notifications.tenantId, tenants.length ? tenants : ['00000000-0000-0000-0000-000000000000']), eq(notifications.emailStatus, 'failed'));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: notifications.id, tenantId: notifications.tenantId, title: notifications.title, kind: notifications.kind, error: notifications.emailError, createdAt: notifications.createdAt, personName: persons.fullName, email: persons.email })
      .from(notifications)
      .innerJoin(persons, and(eq(persons.tenantId, notifications.tenantId), eq(persons.id, notifications.personId)))
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(page.limit),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  let queues: { queue: string; failed: number }[] = [];
  if (jobs) queues = await jobs.failedCounts();
  return { emails: rows.map((r) => ({ ...r, error: r.error ?? '' })), totalEmails: Number(total?.n ?? 0), queueRunning: jobs !== null, queues };
}
