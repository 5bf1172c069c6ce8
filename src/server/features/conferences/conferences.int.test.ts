import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { users } from '../../auth/tables';
import { members } from '../members/tables';
import { persons, positionKinds, positions } from '../people/tables';
import { conferenceParticipants, conferences } from './tables';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let planId: string;

beforeAll(async () => {
  ({ t, staff, leader, bithu } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu' }));
  const list = (await staff.inject({ url: '/api/plans' })).json().plans as { id: string; status: string }[];
  planId = list.find((p) => p.status === 'issued')!.id;
});
afterAll(() => t?.close());

const create = async (s: Session = staff) => s.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} });
const get = (s: Session, id: string) => s.inject({ url: `/api/conferences/${id}` });
const post = (s: Session, id: string, path: string, payload: object) => s.inject({ method: 'POST', url: `/api/conferences/${id}${path}`, payload });

async function memberOfAccount(username: string) {
  const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
  const [m] = await t.database.db.select().from(members).where(eq(members.id, u!.memberId!));
  return m!;
}

describe('ward conference from the issued plan', () => {
  it('prefills section III and resolves the plan\'s "Thành phần" into groups and people', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'draft', windowPhrase: 'Dự kiến trong tháng 5/2026', reporterText: 'Thường trực Đảng ủy', form: 'in-person', version: 1 });
    expect(c.venue).toMatch(/^Hội trường trụ sở Đảng ủy phường/u);
    const labels = c.groups.map((g: { label: string }) => g.label);
    expect(labels).toContain('Ủy viên Ban Chấp hành Đảng bộ');
    expect(labels).toContain('Bí thư các chi bộ');
    expect(labels).toContain('Tổ trưởng các tổ dân phố');
    const unitGroup = c.groups.find((g: { kind: string }) => g.kind === 'unitMembers');
    expect(unitGroup.unitIds).toHaveLength(3);
    // Every non-exempt member of the three units (the UBND's grassroots organisation with its cells).
    const ids = [await findUnit(t.database, 'Chi bộ các cơ quan Đảng'), await findUnit(t.database, 'Chi bộ Quân sự phường')].map((u) => u.id);
    const ubndCells = ['Chi bộ Văn phòng HĐND - UBND', 'Chi bộ Phòng Kinh tế, Hạ tầng và Đô thị', 'Chi bộ Phòng Văn hóa - Xã hội'];
    for (const name of ubndCells) ids.push((await findUnit(t.database, name)).id);
    const expected = (await t.database.db.select().from(members)).filter((m) => ids.includes(m.cellId) && !m.exempt);
    // A person is counted once, in the first group that summons them: members who hold a position
    // the plan names count there.
    expect(unitGroup.count).toBeGreaterThan(0);
    expect(unitGroup.count).toBeLessThanOrEqual(expected.length);
    // Everyone of those units is summoned, with the holders of the positions the plan names (the
    // demo's cell secretaries, committee members, heads of residential groups).
    const summoned = new Set(c.participants.map((p: { personId: string }) => p.personId));
    for (const m of expected) expect(summoned.has(m.personId)).toBe(true);
    expect(c.participants.length).toBeGreaterThan(expected.length);
    expect(c.groups.find((g: { label: string }) => g.label === 'Bí thư các chi bộ').count).toBeGreaterThan(30);
    expect(c.participants.some((p: { roleLabel: string }) => /^Đảng viên Chi bộ /u.test(p.roleLabel))).toBe(true);
    // Members who had no person now have one.
    const [linked] = await t.database.db.select().from(members).where(eq(members.id, expected[0]!.id));
    expect(linked!.personId).toBe(c.participants.find((p: { fullName: string }) => p.fullName === expected[0]!.fullName)?.personId ?? linked!.personId);
  });

  it('resolves holders of a position, adds and removes by hand, keeps a removal across re-resolution', async () => {
    const c = (await create()).json();
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const [person] = await t.database.db.insert(persons).values({ tenantId: commune.id, fullName: 'Đỗ Thị Bí Thư' }).returning();
    await t.database.db.insert(positionKinds).values({ tenantId: commune.id, code: 'cellSecretary', name: 'Bí thư' }).onConflictDoNothing();
    await t.database.db.insert(positions).values({ tenantId: commune.id, personId: person!.id, kindCode: 'cellSecretary', unitId: cell.id, fromOn: '2025-01-01' });
    // A former holder (term ended) is not summoned.
    const [former] = await t.database.db.insert(persons).values({ tenantId: commune.id, fullName: 'Người Đã Thôi' }).returning();
    await t.database.db.insert(positions).values({ tenantId: commune.id, personId: former!.id, kindCode: 'cellSecretary', unitId: cell.id, fromOn: '2020-01-01', toOn: '2024-12-31' });

    const preview = (await staff.inject({ url: `/api/conferences/${c.id}/resolution` })).json();
    expect(preview.added.map((a: { fullName: string }) => a.fullName)).toEqual(['Đỗ Thị Bí Thư']);
    const secretariesBefore = c.groups.find((g: { label: string }) => g.label === 'Bí thư các chi bộ').count;
    expect(preview.groups.find((g: { label: string }) => g.label === 'Bí thư các chi bộ').count).toBe(secretariesBefore + 1);
    expect((await get(staff, c.id)).json().version).toBe(1); // the preview wrote nothing

    const resolved = (await post(staff, c.id, '/resolve', { version: 1 })).json();
    const secretary = resolved.participants.find((p: { personId: string }) => p.personId === person!.id);
    expect(secretary.roleLabel).toBe('Bí thư Chi bộ Tràng Đà 1');
    expect(resolved.participants.some((p: { personId: string }) => p.personId === former!.id)).toBe(false);

    const dangvien = await memberOfAccount('dangvien');
    const added = (await post(staff, c.id, '/participants', { version: 2, memberId: dangvien.id })).json();
    const row = added.participants.find((p: { fullName: string }) => p.fullName === dangvien.fullName);
    expect(row).toMatchObject({ manual: 'added', roleLabel: 'Đảng viên Chi bộ Tràng Đà 1', groupId: null });

    const removed = (await post(staff, c.id, `/participants/${person!.id}/remove`, { version: 3 })).json();
    expect(removed.participants.some((p: { personId: string }) => p.personId === person!.id)).toBe(false);
    expect(removed.removed.map((p: { personId: string }) => p.personId)).toEqual([person!.id]);
    const again = (await post(staff, c.id, '/resolve', { version: 4 })).json();
    expect(again.participants.some((p: { personId: string }) => p.personId === person!.id)).toBe(false);
    expect(again.participants.some((p: { personId: string }) => p.personId === row.personId)).toBe(true);
  });

  it('sends the convocation once to everyone, then only to those added since; the list is frozen', async () => {
    const c = (await create()).json();
    const total = c.participants.length;
    const sent = await post(staff, c.id, '/send', { version: 1 });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().notified).toBe(total);
    expect(sent.json().conference).toMatchObject({ status: 'convened', unsent: 0, version: 2 });
    expect(sent.json().conference.numberText).toMatch(/^Số \d+-GTT\/ĐU$/u);

    const twice = await post(staff, c.id, '/send', { version: 2 });
    expect(twice.statusCode).toBe(200);
    expect(twice.json().notified).toBe(0);

    // Frozen against the groups: no re-resolution, no new groups.
    const frozen = await post(staff, c.id, '/resolve', { version: 3 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.id).toBe('conference.list-frozen');
    // Someone summoned stays on the list.
    const summoned = c.participants[0];
    const keep = await post(staff, c.id, `/participants/${summoned.personId}/remove`, { version: 3 });
    expect(keep.statusCode).toBe(409);
    expect(keep.json().error).toMatchObject({ id: 'conference.participant-summoned' });
    expect(keep.json().error.message).toContain(summoned.fullName);
    const after = (await get(staff, c.id)).json();
    expect(after.version).toBe(3);
    expect(after.participants).toHaveLength(total);

    // A late invitee: added, then the next send notifies only them.
    const lateMember = await memberOfAccount('dangvien');
    expect(c.participants.some((p: { fullName: string }) => p.fullName === lateMember.fullName)).toBe(false);
    expect((await post(staff, c.id, '/participants', { version: 3, memberId: lateMember.id })).json().unsent).toBe(1);
    const third = await post(staff, c.id, '/send', { version: 4 });
    expect(third.json().notified).toBe(1);

    // The participant sees the notification, and reads their own convocation (not the list).
    const mine = (await bithu.inject({ url: '/api/notifications' })).json();
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    const note = mine.notifications.find((n: { link: string }) => n.link === `/hoi-nghi/${c.id}`);
    expect(note).toMatchObject({ kind: 'conference.convocation', readAt: null });
    expect(note.title).toContain('Giấy triệu tập');
    const view = await get(bithu, c.id);
    expect(view.statusCode).toBe(200);
    expect(view.json().participants).toEqual([]);
    expect((await bithu.inject({ url: `/api/conferences/${c.id}/documents/convocation` })).statusCode).toBe(200);
    expect((await bithu.inject({ url: `/api/conferences/${c.id}/documents/sign-in-sheet` })).statusCode).toBe(403);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const c = (await create()).json();
    expect((await staff.inject({ method: 'PATCH', url: `/api/conferences/${c.id}`, payload: { version: 1, venue: 'Nhà văn hóa tổ 6' } })).statusCode).toBe(200);
    const stale = await staff.inject({ method: 'PATCH', url: `/api/conferences/${c.id}`, payload: { version: 1, venue: 'Chỗ khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('conference.version-conflict');
    expect((await get(staff, c.id)).json()).toMatchObject({ venue: 'Nhà văn hóa tổ 6', version: 2 });
  });

  it('marks attendance with the domain rules and then the conference held', async () => {
    const c = (await create()).json();
    expect((await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: 1, marks: [] } })).json().error.id).toBe('conference.not-convened');
    await post(staff, c.id, '/send', { version: 1 });
    const [a, b] = c.participants;
    const stranger = await memberOfAccount('dangvien');
    const strangerPerson = (await t.database.db.select().from(members).where(eq(members.id, stranger.id)))[0]!.personId;
    const put = (version: number, marks: object[]) => staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version, marks } });

    const notSummoned = await put(2, [{ personId: a.personId, status: 'present' }, { personId: strangerPerson ?? crypto.randomUUID(), status: 'present' }]);
    expect(notSummoned.statusCode).toBe(400);
    expect(notSummoned.json().error.id).toBe('conference.not-summoned');
    if (strangerPerson) expect(notSummoned.json().error.message).toContain(stranger.fullName);
    const noReason = await put(2, [{ personId: b.personId, status: 'excused' }]);
    expect(noReason.json().error).toMatchObject({ id: 'conference.reason-required' });
    expect(noReason.json().error.message).toContain(b.fullName);
    expect((await staff.inject({ url: `/api/conferences/${c.id}/attendance` })).json().marks).toEqual([]);

    expect((await post(staff, c.id, '/held', { version: 2, heldOn: '2026-05-20' })).json().error.id).toBe('conference.no-attendance');
    const marks = c.participants.map((p: { personId: string }) => ({ personId: p.personId, status: 'present' }));
    marks[1] = { personId: b.personId, status: 'excused', reason: 'Đi công tác' };
    const ok = await put(2, marks);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().counts).toMatchObject({ expected: c.participants.length, present: c.participants.length - 1, excused: 1, unmarked: 0 });
    const held = await post(staff, c.id, '/held', { version: 3, heldOn: '2026-05-20' });
    expect(held.json()).toMatchObject({ status: 'held', heldOn: '2026-05-20' });
    expect((await staff.inject({ method: 'PATCH', url: `/api/conferences/${c.id}`, payload: { version: 4, venue: 'x' } })).json().error.id).toBe('conference.held');
  });

  it('prints the convocation and the sign-in sheet from the record', async () => {
    const c = (await create()).json();
    await post(staff, c.id, '/send', { version: 1 });
    const conv = await staff.inject({ url: `/api/conferences/${c.id}/documents/convocation` });
    expect(conv.headers['content-disposition']).toMatch(/giay-trieu-tap-\d+-GTT-DU\.docx/u);
    const convText = (await mammoth.extractRawText({ buffer: conv.rawPayload })).value;
    expect(convText).toContain('GIẤY TRIỆU TẬP');
    expect(convText).toContain('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN');
    expect(convText).toMatch(/Kế hoạch số 1-KH\/ĐU, ngày 15\/05\/2026/u);
    expect(convText).toContain('Nghị quyết số 91-NQ/TU');
    expect(convText).toContain('Dự kiến trong tháng 5/2026');
    expect(convText).toContain('Hội trường trụ sở Đảng ủy phường');
    expect(convText).toContain('T/M ĐẢNG ỦY');
    expect(convText).toContain('Nguyễn Mạnh Hùng');
    const sheet = await staff.inject({ url: `/api/conferences/${c.id}/documents/sign-in-sheet` });
    const sheetText = (await mammoth.extractRawText({ buffer: sheet.rawPayload })).value;
    expect(sheetText).toContain('DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ');
    for (const heading of ['STT', 'Họ và tên', 'Chức vụ / đơn vị', 'Ký tên']) expect(sheetText).toContain(heading);
    for (const p of c.participants.slice(0, 5)) expect(sheetText).toContain(p.fullName);
    expect(sheetText).toContain(`Tổng số: ${c.participants.length} đồng chí.`);
  });
});

describe('the demo', () => {
  it('holds the ward conference of the issued plan on 20/05/2026, with its roll call and notifications', async () => {
    const list = (await staff.inject({ url: `/api/plans/${planId}/conferences` })).json();
    const held = list.conferences.find((c: { status: string }) => c.status === 'held');
    const c = (await get(staff, held.id)).json();
    expect(c).toMatchObject({ heldOn: '2026-05-20', convenedOn: '2026-05-16', unsent: 0 });
    expect(c.participants.length).toBeGreaterThan(40);
    const roll = (await staff.inject({ url: `/api/conferences/${c.id}/attendance` })).json();
    expect(roll.counts.unmarked).toBe(0);
    expect(roll.counts.excused + roll.counts.absent).toBeGreaterThan(0);
    const mine = (await bithu.inject({ url: '/api/notifications' })).json();
    expect(mine.notifications.some((n: { link: string }) => n.link === `/hoi-nghi/${c.id}`)).toBe(true);
    expect((await get(bithu, c.id)).statusCode).toBe(200);
  });
});

describe('who may do what', () => {
  it('lets the leadership manage, the province read, others of the commune not, another commune not know', async () => {
    const c = (await create(leader)).json();
    expect(c.abilities).toMatchObject({ manage: true, edit: true });
    const province = await t.signIn('tinhuy');
    expect((await get(province, c.id)).statusCode).toBe(200);
    expect((await province.inject({ method: 'PATCH', url: `/api/conferences/${c.id}`, payload: { version: 1, venue: 'x' } })).statusCode).toBe(403);
    expect((await create(province)).statusCode).toBe(403);
    const ubnd = await t.signIn('ubnd');
    expect((await get(ubnd, c.id)).statusCode).toBe(403);
    expect((await get(bithu, c.id)).statusCode).toBe(403); // not summoned to this one
    expect((await post(bithu, c.id, '/send', { version: 1 })).statusCode).toBe(403);

    const other = await buildCommune(t.database, 'Đảng ủy xã Thử Nghiệm');
    const otherCell = await buildCell(t.database, other);
    const otherMember = await buildMember(t.database, otherCell);
    const { username, password } = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    const stranger = await t.signIn(username, password);
    expect((await get(stranger, c.id)).statusCode).toBe(404);
    expect((await create(stranger)).statusCode).toBe(404);
    expect((await post(stranger, c.id, '/send', { version: 1 })).statusCode).toBe(404);
    expect((await stranger.inject({ url: `/api/conferences/${c.id}/documents/convocation` })).statusCode).toBe(404);
    // Our staff cannot add another commune's member, nor summon from its units.
    const foreign = await post(staff, c.id, '/participants', { version: 1, memberId: otherMember.id });
    expect(foreign.statusCode).toBe(404);
    const foreignUnit = await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/groups`, payload: { version: 1, groups: [{ label: 'x', kind: 'unitMembers', unitIds: [otherCell.id] }] } });
    expect(foreignUnit.statusCode).toBe(404);
    expect((await get(staff, c.id)).json().version).toBe(1);
    const rows = await t.database.db.select().from(conferenceParticipants).where(and(eq(conferenceParticipants.conferenceId, c.id)));
    expect(rows.every((r) => r.tenantId === c.tenantId || r.tenantId === rows[0]!.tenantId)).toBe(true);
    expect((await t.database.db.select().from(conferences).where(eq(conferences.id, c.id)))[0]!.version).toBe(1);
  });

  it('keeps notifications private to their person', async () => {
    const mine = (await bithu.inject({ url: '/api/notifications?order=newest' })).json();
    const first = mine.notifications[0];
    expect(first).toBeDefined();
    expect((await staff.inject({ method: 'POST', url: `/api/notifications/${first.id}/read` })).statusCode).toBe(404);
    const count = (await bithu.inject({ url: '/api/notifications/unread-count' })).json().unread;
    const read = await bithu.inject({ method: 'POST', url: `/api/notifications/${first.id}/read` });
    expect(read.json().readAt).not.toBeNull();
    expect((await bithu.inject({ url: '/api/notifications/unread-count' })).json().unread).toBe(count - 1);
    expect((await bithu.inject({ method: 'POST', url: '/api/notifications/read-all' })).json().marked).toBe(count - 1);
    expect((await bithu.inject({ url: '/api/notifications/unread-count' })).json().unread).toBe(0);
    // The ward staff's own notifications (their person's) never include the secretary's.
    const staffOwn = (await staff.inject({ url: '/api/notifications?limit=100' })).json().notifications.map((n: { id: string }) => n.id);
    expect(staffOwn).not.toContain(first.id);
  });
});
