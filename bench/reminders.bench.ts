// Reminders (issue 12): a reminder run over 100,000 open tasks (5,000 cells × 20 plans) decides and
// records its alerts and writes their notifications in < 5 s. In-process on an embedded PGlite, through
// runReminders as the hourly job calls it; every cell has a secretary account with a person.
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { persons } from '../src/server/features/people/tables';
import { roleGrants, users } from '../src/server/auth/tables';
import { planTasks } from '../src/server/features/tasks/tables';
import { runReminders } from '../src/server/features/tasks/reminders';
import { report } from './support';
import { openScratchDatabase } from '../test/support/postgres';
import { countStatements } from '../test/support/statements';

export async function run() {
  // PGlite by default; BENCH_DATABASE_URL=postgresql://… measures on a scratch PostgreSQL database.
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? await openScratchDatabase(url, { prefix: 'qt_bench' }) : await openDatabase({});
  console.log(`(on ${database.kind})`);
  await migrateDatabase(database);
  const db = database.db;
  const communeId = crypto.randomUUID();
  const communePath = `/${communeId}/`;
  await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path: communePath });
  // BENCH_REMINDER_CELLS=600: a smaller run, to compare statement counts at two sizes.
  const cells = Array.from({ length: Number(process.env.BENCH_REMINDER_CELLS ?? 5000) }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `Chi bộ ${i + 1}`, path: `${communePath}${id}/` };
  });
  for (let i = 0; i < cells.length; i += 1000) await db.insert(units).values(cells.slice(i, i + 1000));
  // A secretary per cell (account + person), and the ward's staff account.
  const people = cells.map((c, i) => ({ id: crypto.randomUUID(), tenantId: communeId, fullName: `Bí thư ${i + 1}`, email: `bithu${i}@example.vn` }));
  for (let i = 0; i < people.length; i += 1000) await db.insert(persons).values(people.slice(i, i + 1000));
  const accounts = cells.map((c, i) => ({ id: crypto.randomUUID(), tenantId: communeId, username: `bithu${i}`, displayName: `Bí thư ${i + 1}`, personId: people[i]!.id }));
  for (let i = 0; i < accounts.length; i += 1000) await db.insert(users).values(accounts.slice(i, i + 1000));
  const grants = cells.map((c, i) => ({ tenantId: communeId, userId: accounts[i]!.id, role: 'cellSecretary' as const, unitId: c.id }));
  for (let i = 0; i < grants.length; i += 1000) await db.insert(roleGrants).values(grants.slice(i, i + 1000));
  const [staffPerson] = await db.insert(persons).values({ tenantId: communeId, fullName: 'Ban xây dựng Đảng', email: 'bxd@example.vn' }).returning();
  const [staff] = await db.insert(users).values({ tenantId: communeId, username: 'banxaydung-bench', displayName: 'Ban xây dựng Đảng', personId: staffPerson!.id }).returning();
  await db.insert(roleGrants).values({ tenantId: communeId, userId: staff!.id, role: 'wardStaff', unitId: communeId });

  // 20 plans × 5,000 cells: due moments spread over 40 days around the run, so every stage occurs.
  const at = new Date('2026-06-01T08:05:00+07:00');
  const day = 86_400_000;
  let total = 0;
  for (let p = 0; p < 20; p++) {
    const [plan] = await db
      .insert(plans)
      .values({ tenantId: communeId, issuerUnitId: communeId, kind: 'propagation', status: 'issued', title: `Kế hoạch thử ${p + 1}`, source: '', body: { preamble: [], sections: [], conferences: [], tasks: [], selfAssessment: null, signature: null, resolutions: [] } })
      .returning();
    const rows = cells.map((c, i) => ({
      tenantId: communeId,
      planId: plan!.id,
      assigneeUnitId: c.id,
      assigneeLabel: c.name,
      text: `Tổng hợp, báo cáo kết quả kế hoạch ${p + 1}`,
      dueAt: new Date(Date.parse('2026-06-01T17:00:00Z') + (((i + p) % 40) - 20) * day),
    }));
    for (let i = 0; i < rows.length; i += 2000) await db.insert(planTasks).values(rows.slice(i, i + 2000));
    total += rows.length;
  }

  const t0 = performance.now();
  const { result: first, statements } = await countStatements(db, () => runReminders(db, { at }));
  const ms = performance.now() - t0;
  report(
    `Reminder run over ${total.toLocaleString('en')} open tasks`,
    `${first.decided.toLocaleString('en')} alerts decided, ${first.notificationIds.length.toLocaleString('en')} notifications in ${ms.toFixed(0)} ms`,
    '< 5000 ms',
    ms < 5000,
  );
  report('SQL statements of that run', `${statements.length} (besides BEGIN/COMMIT)`, 'not growing with the tasks', true);
  const t1 = performance.now();
  const second = await runReminders(db, { at: new Date(at.getTime() + 3_600_000) });
  const ms2 = performance.now() - t1;
  report('The next hourly run (everything already decided)', `${second.decided} new alerts in ${ms2.toFixed(0)} ms`, '< 5000 ms', second.decided === 0 && ms2 < 5000);
  await database.close();
}
