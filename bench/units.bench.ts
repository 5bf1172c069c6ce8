// Moving a subtree of 50 units (a grassroots organisation, 9 sub-organisations, 40 cells) under
// another grassroots organisation through the service, as PATCH /api/units/:id does: the unit, the
// 49 paths below it and the audit entry in one transaction. Target < 50 ms (median of 20 moves).
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/seed/demo';
import { units } from '../src/server/features/units/tables';
import { updateUnit } from '../src/server/features/units/manage';
import { childPath } from '../src/domain/org-tree';
import type { Actor } from '../src/server/auth/actor';
import { report } from './support';

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  await seedDemo(database.db);
  const db = database.db;
  const [commune] = await db.select().from(units).where(eq(units.kind, 'commune'));
  const row = (parent: { id: string; path: string }, kind: 'grassrootsOrg' | 'cell', name: string) => {
    const id = crypto.randomUUID();
    return { id, tenantId: commune!.id, parentId: parent.id, kind, name, path: childPath(parent.path, id) };
  };
  const root = row(commune!, 'grassrootsOrg', 'Đảng bộ Khối Doanh nghiệp');
  const targets = [row(commune!, 'grassrootsOrg', 'Đảng bộ Đích A'), row(commune!, 'grassrootsOrg', 'Đảng bộ Đích B')];
  const subs = Array.from({ length: 9 }, (_, i) => row(root, 'grassrootsOrg', `Đảng bộ bộ phận ${i + 1}`));
  const cells = subs.flatMap((s, i) => Array.from({ length: i < 4 ? 5 : 4 }, (_, j) => row(s, 'cell', `Chi bộ ${i + 1}.${j + 1}`)));
  const subtree = [root, ...subs, ...cells];
  if (subtree.length !== 50) throw new Error(`expected 50 units, built ${subtree.length}`);
  await db.insert(units).values([...targets, ...subtree]);
  const actor: Actor = {
    userId: 'bench',
    username: 'bench',
    displayName: 'bench',
    tenantId: commune!.id,
    communeId: commune!.id,
    memberId: null,
    grants: [{ role: 'wardStaff', unitId: commune!.id, unitPath: commune!.path, unitKind: 'commune', unitTenantId: commune!.id }],
  };
  // The audit log's actor is a user id: use a real one.
  const [user] = await db.execute<{ id: string }>('SELECT id FROM users LIMIT 1' as never).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
  actor.userId = user!.id;
  let version = 1;
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await updateUnit(db, actor, root.id, { version, parentId: targets[i % 2]!.id });
    const ms = performance.now() - start;
    version += 1;
    if (i >= 5) times.push(ms); // after warm-up
  }
  const moved = await db.select().from(units).where(eq(units.id, cells.at(-1)!.id));
  if (!moved[0]!.path.startsWith(`${targets[24 % 2]!.path}${root.id}/`)) throw new Error('the subtree did not follow');
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  report('moving a subtree of 50 units (PGlite)', `median ${median.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms`, '< 50 ms', median < 50);
  await database.close();
}
