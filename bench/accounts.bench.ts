// Bulk accounts with one-time codes for 3,000 members (target < 10 s), on an embedded PGlite: one
// commune, 60 cells of 50 members with names as common as real ones (many "Nguyễn Văn …"), the whole
// run in one transaction, then the letters' DOCX for all of them.
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { insertMembersWithPeople } from '../src/server/features/people/member-rows';
import { bulkOnboard } from '../src/server/features/accounts/bulk';
import { letterModels } from '../src/server/features/accounts/letters';
import { renderDocxPages } from '../src/server/documents/docx';
import { childPath } from '../src/domain/org-tree';
import type { Actor } from '../src/server/auth/actor';
import { seededRandom } from '../src/server/seed/random';
import { familyNames, givenNames, middleNames } from '../src/server/seed/names';
import { report } from './support';

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const db = database.db;
  const communeId = crypto.randomUUID();
  const path = childPath(null, communeId);
  const [commune] = await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path }).returning();
  const random = seededRandom(3000);
  const cells = Array.from({ length: 60 }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `Chi bộ Tổ dân phố ${i + 1}`, path: childPath(path, id), sortOrder: i };
  });
  await db.insert(units).values(cells);
  const rows = cells.flatMap((cell) =>
    Array.from({ length: 50 }, () => {
      const male = random.chance(0.55);
      const fullName = `${random.weighted(familyNames)} ${random.pick(male ? middleNames.male : middleNames.female)} ${random.pick(male ? givenNames.male : givenNames.female)}`;
      return { tenantId: communeId, cellId: cell.id, fullName, gender: male ? ('male' as const) : ('female' as const) };
    }),
  );
  // With their persons and "joined" events, as every member has (members.person_id is NOT NULL).
  await db.transaction((tx) => insertMembersWithPeople(tx, rows, { joinedOn: () => '2020-01-01' }));
  const actor: Actor = { userId: crypto.randomUUID(), username: 'bench', displayName: 'bench', tenantId: communeId, communeId, memberId: null, grants: [{ role: 'admin', unitId: communeId, unitPath: path, unitKind: 'commune', unitTenantId: communeId }] };

  const start = performance.now();
  const result = await bulkOnboard(db, actor, commune!, { kind: 'members', cellIds: [] });
  const ms = performance.now() - start;
  report(`bulk accounts with one-time codes for ${result.letters.length.toLocaleString('en')} members`, `${(ms / 1000).toFixed(2)} s`, '< 10 s', ms < 10_000);

  const lettersStart = performance.now();
  if (process.env.QT_BENCH_LETTERS !== '1') return;
  const docx = await renderDocxPages(await letterModels(db, commune!, result.letters, 'http://localhost:3000'));
  const lettersMs = performance.now() - lettersStart;
  report(`their letters as one DOCX (${Math.round(docx.length / 1024)} KB)`, `${(lettersMs / 1000).toFixed(2)} s`, 'measured', true);
  await database.close();
}
