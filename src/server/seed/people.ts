// The demo ward's people and positions: every cell's secretary (its first member) and a deputy for
// the larger cells, the ward's committee (Bí thư, Phó Bí thư, Thường trực, Ban Thường vụ, Ban Chấp
// hành, Ủy ban kiểm tra), the heads of the UBND, the Front and the mass organisations (some not
// members), and every residential group's head (mostly not members). Then, in the campaign window,
// a few membership changes through the real services, so counts as of May differ from today's.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { toIso } from '../../domain/dates';
import { loadActorForUser } from '../auth/service';
import { users } from '../auth/tables';
import { persons, positions } from '../features/people/tables';
import { addExemption, leaveMember, transferMember } from '../features/people/membership-service';
import { atMoment } from '../clock';
import { familyNames, givenNames, middleNames } from './names';
import { demoOrgChart, type OrgNode } from './org-chart';
import { seededRandom } from './random';

/** When the ward's new term began (the merged ward from 1/7/2025) and the cells' congresses. */
const wardTermFrom = '2025-07-01';
const cellTermFrom = '2025-08-20';

function* nodesOf(node: OrgNode): Generator<OrgNode> {
  yield node;
  for (const child of node.children ?? []) yield* nodesOf(child);
}

export async function insertDemoPositions(tx: Tx, tenantId: string, unitIds: Map<string, string>, firstOfCell: Map<string, string[]>, personOf: Map<string, string>) {
  const random = seededRandom(2025_07);
  const rows: (typeof positions.$inferInsert)[] = [];
  const hold = (memberOrPerson: string, kindCode: string, unitKey: string, fromOn = wardTermFrom, toOn: string | null = null) =>
    rows.push({ tenantId, personId: personOf.get(memberOrPerson) ?? memberOrPerson, kindCode, unitId: unitIds.get(unitKey)!, fromOn, toOn });
  const memberOf = (cellKey: string, index: number) => firstOfCell.get(cellKey)![index]!;

  // Non-members: new persons.
  const newPerson = async (note: string, gender: 'male' | 'female' = random.chance(0.5) ? 'female' : 'male') => {
    const fullName = `${random.weighted(familyNames)} ${random.pick(middleNames[gender])} ${random.pick(givenNames[gender])}`;
    const birthDate = toIso(random.int(1958, 1990), random.int(1, 12), random.int(1, 28));
    const [p] = await tx.insert(persons).values({ tenantId, fullName, gender, birthDate, phone: `09${random.int(10_000_000, 99_999_999)}`, note }).returning({ id: persons.id });
    return p!.id;
  };

  // Every cell: its secretary; a deputy where the cell has 25 members or more.
  for (const cell of nodesOf(demoOrgChart)) {
    if (cell.kind !== 'cell') continue;
    hold(memberOf(cell.key, 0), 'cellSecretary', cell.key, cellTermFrom);
    if ((cell.size ?? 0) >= 25) hold(memberOf(cell.key, 2), 'cellDeputySecretary', cell.key, cellTermFrom);
  }
  // A previous secretary, whose term ended at the cell's congress.
  hold(memberOf('cell-Tràng Đà-2', 3), 'cellSecretary', 'cell-Tràng Đà-2', '2020-08-15', '2025-08-19');

  // The ward's committee, all members of the party agencies' cell or the UBND's.
  const secretary = memberOf('cell-party-agencies', 1);
  const standing = memberOf('cell-party-agencies', 2);
  const inspection = memberOf('cell-party-agencies', 3);
  const building = memberOf('cell-party-agencies', 4);
  const office = memberOf('cell-party-agencies', 5);
  const ubndChair = memberOf('cell-ubnd-office', 1);
  const ubndVice = memberOf('cell-ubnd-office', 2);
  hold(secretary, 'partySecretary', 'commune');
  hold(standing, 'partyDeputySecretary', 'commune');
  hold(standing, 'standingDeputySecretary', 'commune');
  hold(ubndChair, 'partyDeputySecretary', 'commune');
  for (const m of [secretary, standing, ubndChair, inspection, building]) hold(m, 'standingCommitteeMember', 'commune');
  const executive = [secretary, standing, ubndChair, inspection, building, office, ubndVice, memberOf('cell-police', 0), memberOf('cell-military', 0), memberOf('cell-Tràng Đà-1', 0), memberOf('cell-Nông Tiến-1', 0), memberOf('cell-Ỷ La-1', 0)];
  for (const m of executive) hold(m, 'executiveCommitteeMember', 'commune');
  for (const m of [inspection, memberOf('cell-party-agencies', 6), memberOf('cell-police', 3)]) hold(m, 'inspectionCommitteeMember', 'agency-inspection');
  hold(building, 'partyBuildingHead', 'agency-building');
  hold(office, 'officeChief', 'agency-office');
  hold(ubndChair, 'peoplesCommitteeChair', 'agency-ubnd');
  hold(ubndVice, 'peoplesCommitteeViceChair', 'agency-ubnd');
  // The Front and the mass organisations: some heads are members, some are not.
  hold(memberOf('cell-party-agencies', 7), 'frontChair', 'mass-front');
  hold(memberOf('cell-Tràng Đà-2', 4), 'veteransChair', 'mass-veterans');
  hold(await newPerson('Chủ tịch Hội Liên hiệp Phụ nữ phường', 'female'), 'womenChair', 'mass-women');
  hold(memberOf('cell-ubnd-culture', 2), 'youthSecretary', 'mass-youth');
  hold(await newPerson('Chủ tịch Hội Nông dân phường', 'male'), 'farmersChair', 'mass-farmers');

  // Every residential group's head: mostly people who are not members; every fourth a member of the area's cell.
  let n = 0;
  for (const group of nodesOf(demoOrgChart)) {
    if (group.kind !== 'residentialGroup') continue;
    const cellKey = group.key.replace(/^group-/u, 'cell-');
    const head = n++ % 4 === 3 && firstOfCell.has(cellKey) ? memberOf(cellKey, 5) : await newPerson(`Tổ trưởng ${group.name}`);
    hold(head, 'residentialGroupHead', group.key, '2025-09-01');
  }
  await tx.insert(positions).values(rows);
}

/** Membership changes in the campaign window, as the office recorded them. */
export const membershipMoments = {
  transferred: '2026-05-20T14:00:00+07:00',
  exempted: '2026-05-25T09:00:00+07:00',
  died: '2026-06-03T10:00:00+07:00',
} as const;

export async function seedDemoMembershipChanges(db: Db, unitIds: Map<string, string>, firstOfCell: Map<string, string[]>, exempt: (memberId: string) => boolean) {
  const [user] = await db.select().from(users).where(eq(users.username, 'vanphong'));
  const staff = await loadActorForUser(db, user!);
  const of = (key: string) => firstOfCell.get(key)!;
  // Two members of Tràng Đà 2 move to Tràng Đà 1 on 20/5/2026 (they moved house).
  for (const id of of('cell-Tràng Đà-2').slice(6, 8)) {
    await atMoment(membershipMoments.transferred, () =>
      transferMember(db, staff, id, { on: '2026-05-20', toCellId: unitIds.get('cell-Tràng Đà-1')!, note: 'Chuyển nơi cư trú' }),
    );
  }
  // A member of Tràng Đà 1 exempted from 25/5/2026 (long illness).
  const ill = of('cell-Tràng Đà-1').slice(3).find((id) => !exempt(id))!;
  await atMoment(membershipMoments.exempted, () => addExemption(db, staff, ill, { from: '2026-05-25', to: null, reason: 'Ốm đau dài ngày' }));
  // A member of Nông Tiến 1 died on 2/6/2026.
  await atMoment(membershipMoments.died, () => leaveMember(db, staff, of('cell-Nông Tiến-1')[6]!, { on: '2026-06-02', reason: 'died' }));
}
