// The demo ward (PRODUCT.md §6): organisation, 1,200+ members and an account for every role.
// Deterministic, so that the README, the tests and every machine show the same ward.
import { count } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { childPath } from '../../domain/org-tree';
import { toIso } from '../../domain/dates';
import { hashPassword } from '../auth/passwords';
import { roleGrants, type Role } from '../auth/tables';
import { insertAccount } from '../auth/accounts';
import { tenantOfUnit } from '../../domain/tenants';
import type { Gender } from '../features/members/tables';
import { insertMembersWithPeople, type NewMemberRow } from '../features/people/member-rows';
import { seedPositionKinds } from '../features/people/positions-service';
import { insertDemoPositions, seedDemoMembershipChanges } from './people';
import { units } from '../features/units/tables';
import { persons } from '../features/people/tables';
import { recordAudit } from '../features/audit/service';
import { familyNames, givenNames, middleNames } from './names';
import { demoOrgChart, type OrgNode } from './org-chart';
import { seededRandom } from './random';
import { campaignMoments, seedDemoCampaign } from './campaign';
import { atMoment } from '../clock';

export const DEMO_PASSWORD = 'quantriet';

export interface DemoAccount {
  username: string;
  role: Role;
  unitKey: string;
  displayName: string;
  description: string;
  /** Link the account to a member of this cell (its secretary, or a plain member). */
  memberOf?: string;
  /**
   * The person the account stands for (users.person_id), so that notifications reach it: the ward's
   * member who holds the account's office (seed/people.ts gives that member the position; the member
   * takes the account's name), or, in the province, a person of its own.
   */
  person?: { member: { cell: string; index: number }; gender: Gender } | { own: { fullName: string; gender: Gender; note: string } };
}

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', role: 'admin', unitKey: 'province', displayName: 'Quản trị hệ thống', description: 'quản trị toàn hệ thống' },
  { username: 'vanphong', role: 'wardStaff', unitKey: 'commune', displayName: 'Lê Thị Thu Hà', description: 'Văn phòng Đảng ủy phường', person: { member: { cell: 'cell-party-agencies', index: 5 }, gender: 'female' } },
  { username: 'banxaydung', role: 'wardStaff', unitKey: 'commune', displayName: 'Hoàng Văn Đông', description: 'Ban xây dựng Đảng', person: { member: { cell: 'cell-party-agencies', index: 4 }, gender: 'male' } },
  { username: 'thuongtruc', role: 'wardLeader', unitKey: 'commune', displayName: 'Nguyễn Mạnh Hùng', description: 'Phó Bí thư Thường trực Đảng ủy', person: { member: { cell: 'cell-party-agencies', index: 2 }, gender: 'male' } },
  {
    username: 'ubnd',
    role: 'unitOfficer', unitKey: 'agency-ubnd', displayName: 'Ma Văn Thắng', description: 'cán bộ Ủy ban nhân dân phường',
    person: { own: { fullName: 'Ma Văn Thắng', gender: 'male', note: 'Công chức Văn phòng HĐND - UBND phường' } },
  },
  { username: 'bithu', role: 'cellSecretary', unitKey: 'cell-Tràng Đà-1', displayName: '', description: 'Bí thư Chi bộ Tràng Đà 1', memberOf: 'cell-Tràng Đà-1' },
  { username: 'dangvien', role: 'member', unitKey: 'cell-Tràng Đà-1', displayName: '', description: 'đảng viên Chi bộ Tràng Đà 1', memberOf: 'cell-Tràng Đà-1' },
  {
    username: 'tinhuy',
    role: 'provinceViewer', unitKey: 'province', displayName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', description: 'Tỉnh ủy (xem báo cáo các xã, phường)',
    person: { own: { fullName: 'Hà Thị Thanh Huyền', gender: 'female', note: 'Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy' } },
  },
];

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units);
  return Number(row?.n ?? 0) > 0;
}

/** Seeds the demo ward into an empty database. Returns false when data is already there. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await isSeeded(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash for every demo account: demo only
  const ward = await atMoment(campaignMoments.wardSetUp, () => db.transaction(async (tx) => {
    const unitIds = await insertUnits(tx);
    const tenantId = unitIds.get('commune')!;
    await seedPositionKinds(tx, tenantId);
    const firstMembers = await insertMembers(tx, tenantId, unitIds);
    await insertAccounts(tx, tenantId, unitIds, firstMembers, passwordHash);
    await insertDemoPositions(tx, tenantId, unitIds, firstMembers.firstOfCell, firstMembers.personOf);
    await recordAudit(tx, { tenantId, actorId: null, action: 'seed.demo', entity: 'unit', entityId: tenantId });
    return { unitIds, ...firstMembers };
  }));
  await seedDemoCampaign(db);
  await seedDemoMembershipChanges(db, ward.unitIds, ward.firstOfCell, (id) => ward.byId.get(id)!.exempt === true);
  return true;
}

/**
 * When the demo's units began: the province long ago; the ward Nông Tiến as it is now, with its cells,
 * agencies, organisations and residential groups, on 1 July 2025 (the communes' rearrangement), ten
 * months before the campaign opens in May 2026.
 */
export const demoOpenedOn = { province: '1991-10-01', ward: '2025-07-01' } as const;

async function insertUnits(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows: (typeof units.$inferInsert)[] = [];
  const walk = (node: OrgNode, parent: { id: string; path: string; tenantId: string } | null, order: number) => {
    const id = crypto.randomUUID();
    const path = childPath(parent?.path ?? null, id);
    const tenant = tenantOfUnit({ id, kind: node.kind }, parent);
    ids.set(node.key, id);
    const openedOn = node.kind === 'province' ? demoOpenedOn.province : demoOpenedOn.ward;
    rows.push({ id, parentId: parent?.id ?? null, tenantId: tenant, kind: node.kind, name: node.name, path, sortOrder: order, openedOn });
    node.children?.forEach((child, i) => walk(child, { id, path, tenantId: tenant }, i));
  };
  walk(demoOrgChart, null, 0);
  await tx.insert(units).values(rows);
  return ids;
}

function* cellsOf(node: OrgNode): Generator<OrgNode> {
  if (node.kind === 'cell') yield node;
  for (const child of node.children ?? []) yield* cellsOf(child);
}

async function insertMembers(tx: Tx, tenantId: string, unitIds: Map<string, string>) {
  const random = seededRandom(91_2026);
  const rows: NewMemberRow[] = [];
  const firstOfCell = new Map<string, string[]>();
  let card = 1_020_000;
  for (const cell of cellsOf(demoOrgChart)) {
    const cellId = unitIds.get(cell.key)!;
    const residential = /Tràng Đà|Nông Tiến \d|Ỷ La|Xóm Cỏ|Khuôn Hấu/u.test(cell.name);
    for (let i = 0; i < (cell.size ?? 20); i++) {
      const gender: Gender = random.chance(0.46) ? 'female' : 'male';
      const fullName = `${random.weighted(familyNames)} ${random.pick(middleNames[gender])} ${random.pick(givenNames[gender])}`;
      // Residential cells are older (retirees); agencies and schools younger.
      const birthYear = residential ? random.int(1938, 1995) : random.int(1966, 2001);
      const birth = { y: birthYear, m: random.int(1, 12), d: random.int(1, 28) };
      const joinYear = Math.min(2026, birthYear + random.int(19, 38));
      const joined = { y: joinYear, m: random.int(1, 12), d: random.int(1, 28) };
      const joinedOn = toIso(joined.y, joined.m, joined.d);
      const probationary = joinedOn > '2025-09-01';
      const id = crypto.randomUUID();
      rows.push({
        id,
        tenantId,
        cellId,
        fullName,
        gender,
        birthDate: toIso(birth.y, birth.m, birth.d),
        joinedOn: joinedOn > '2026-04-30' ? '2026-04-30' : joinedOn,
        officialOn: probationary ? null : toIso(joined.y + 1, joined.m, joined.d),
        cardNumber: probationary ? null : String(card++).padStart(8, '0'),
        phone: random.chance(0.8) ? `09${random.int(10_000_000, 99_999_999)}` : null,
        email: null,
        exempt: birthYear < 1956 && random.chance(0.45),
      });
      firstOfCell.set(cell.key, [...(firstOfCell.get(cell.key) ?? []), id]);
    }
  }
  // The ward's office holders behind the staff accounts carry the accounts' names (the random stream is unchanged).
  for (const account of demoAccounts) {
    const person = account.person;
    if (!person || !('member' in person)) continue;
    const row = rows.find((r) => r.id === firstOfCell.get(person.member.cell)![person.member.index]);
    Object.assign(row!, { fullName: account.displayName, gender: person.gender });
  }
  // Each member is a person, who joined their cell on their joining date.
  const inserted = await insertMembersWithPeople(tx, rows, { joinedOn: (r) => r.joinedOn! });
  const byId = new Map(rows.map((r) => [r.id!, r]));
  const personOf = new Map(inserted.map((m) => [m.id, m.personId]));
  return { firstOfCell, byId, personOf };
}

async function insertAccounts(
  tx: Tx,
  tenantId: string,
  unitIds: Map<string, string>,
  people: Awaited<ReturnType<typeof insertMembers>>,
  passwordHash: string,
) {
  const taken = new Map<string, number>();
  for (const account of demoAccounts) {
    let memberId: string | null = null;
    let displayName = account.displayName;
    if (account.memberOf) {
      // The secretary is the cell's first active member, the plain member its second (exempt members are not active).
      const index = taken.get(account.memberOf) ?? 0;
      taken.set(account.memberOf, index + 1);
      memberId = people.firstOfCell.get(account.memberOf)!.filter((id) => !people.byId.get(id)!.exempt)[index]!;
      displayName = people.byId.get(memberId)!.fullName;
    }
    // Province accounts belong to the province's tenant, the others to the ward's (decision 017).
    const accountTenant = account.unitKey === 'province' ? unitIds.get('province')! : tenantId;
    let personId = memberId ? people.personOf.get(memberId)! : null;
    if (account.person && 'member' in account.person) {
      personId = people.personOf.get(people.firstOfCell.get(account.person.member.cell)![account.person.member.index]!)!;
    } else if (account.person) {
      const [own] = await tx.insert(persons).values({ tenantId: accountTenant, ...account.person.own }).returning({ id: persons.id });
      personId = own!.id;
    }
    const user = await insertAccount(tx, {
      username: account.username,
      passwordHash,
      displayName,
      memberId,
      personId,
      tenantId: accountTenant,
    });
    await tx.insert(roleGrants).values({ userId: user.id, role: account.role, unitId: unitIds.get(account.unitKey)!, tenantId: accountTenant });
  }
}
