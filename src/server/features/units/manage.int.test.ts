// Managing the tree through the API: every change and every refusal, with a read proving a refused
// change left everything as it was (decision 014).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildMember, buildUnit, findUnit } from '../../../../test/support/factories';
import { todayInVietnam } from '../../../domain/dates';
import { auditLog } from '../audit/tables';
import { members } from '../members/tables';
import { units, type Unit } from './tables';
import { listCellsOfTenant } from './service';
import { unitsOf } from '../plans/service';

let t: TestApp;
let staff: Session;
let commune: Unit;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
});
afterAll(() => t?.close());

const today = todayInVietnam();
const read = async (id: string) => (await t.database.db.select().from(units).where(eq(units.id, id)))[0];
const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n);
const post = (s: Session, url: string, payload: object) => s.inject({ method: 'POST', url, payload });
const patch = (s: Session, id: string, payload: object) => s.inject({ method: 'PATCH', url: `/api/units/${id}`, payload });

/** A refused request: its status and error id, and neither the unit nor the audit log changed. */
async function refused(res: Awaited<ReturnType<Session['inject']>>, status: number, id: string, unit: Unit, audit: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.id).toBe(id);
  expect(res.json().error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/u);
  expect(await read(unit.id)).toEqual(unit);
  expect(await auditCount()).toBe(audit);
}

describe('creating, renaming, moving', () => {
  it('creates a cell under the commune, opened today, last among its siblings, audited', async () => {
    const audit = await auditCount();
    const res = await post(staff, '/api/units', { parentId: commune.id, kind: 'cell', name: '  Chi bộ   Khu Mới ' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Chi bộ Khu Mới', kind: 'cell', parentId: commune.id, tenantId: commune.id, openedOn: today, closedOn: null, version: 1 });
    expect(body.path).toBe(`${commune.path}${body.id}/`);
    const siblings = await t.database.db.select().from(units).where(eq(units.parentId, commune.id));
    expect(body.sortOrder).toBe(Math.max(...siblings.map((s) => s.sortOrder)));
    expect(await auditCount()).toBe(audit + 1);
    expect((await staff.inject({ url: `/api/units/${body.id}` })).json().unit).toMatchObject({ name: 'Chi bộ Khu Mới', openedOn: today });
  });

  it('takes the opening date given', async () => {
    const res = await post(staff, '/api/units', { parentId: commune.id, kind: 'residentialGroup', name: 'Tổ dân phố Cũ 1', openedOn: '1998-03-01' });
    expect(res.json().openedOn).toBe('1998-03-01');
  });

  it('refuses a name already used under the parent (folded), a kind the parent may not hold, a closed parent', async () => {
    const group = await buildUnit(t.database, commune, { kind: 'residentialGroup', name: 'Tổ dân phố Thử Tên' });
    const audit = await auditCount();
    const before = await count_(commune.id);
    const dup = await post(staff, '/api/units', { parentId: commune.id, kind: 'cell', name: 'chi bo trang da 1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toEqual({ id: 'unit.name-taken', message: '"Đảng ủy phường Nông Tiến" đã có đơn vị tên "chi bo trang da 1". Hãy đặt tên khác.' });
    const kind = await post(staff, '/api/units', { parentId: group.id, kind: 'cell', name: 'Chi bộ Trong Tổ' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.id).toBe('unit.kind-not-allowed');
    expect(kind.json().error.message).toContain('Chi bộ không thể trực thuộc tổ dân phố');
    const closed = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Đã Đóng' });
    await t.database.db.update(units).set({ closedOn: '2020-01-01' }).where(eq(units.id, closed.id));
    const intoClosed = await post(staff, '/api/units', { parentId: closed.id, kind: 'cell', name: 'Chi bộ Mới' });
    expect(intoClosed.statusCode).toBe(400);
    expect(intoClosed.json().error).toEqual({ id: 'unit.parent-closed', message: '"Đảng bộ Đã Đóng" đã đóng từ 01/01/2020: không thêm hoặc chuyển đơn vị vào đơn vị đã đóng.' });
    expect(await count_(commune.id)).toBe(before + 1);
    expect(await auditCount()).toBe(audit);
  });

  it('renames with the version; a stale version is 409 and changes nothing', async () => {
    const cell = await buildUnit(t.database, commune, { name: 'Chi bộ Đổi Tên' });
    const res = await patch(staff, cell.id, { version: 1, name: 'Chi bộ Tên Mới' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Chi bộ Tên Mới', version: 2 });
    const now = (await read(cell.id))!;
    await refused(await patch(staff, cell.id, { version: 1, name: 'Chi bộ Khác' }), 409, 'unit.version-conflict', now, await auditCount());
    await refused(await patch(staff, cell.id, { version: 2, name: 'Chi bộ Tràng Đà 2' }), 409, 'unit.name-taken', now, await auditCount());
  });

  it('moves a grassroots organisation with its cells: every path of the subtree follows, in one change', async () => {
    const org = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Chuyển' });
    const cells = await Promise.all([1, 2, 3].map((i) => buildUnit(t.database, org, { name: `Chi bộ Chuyển ${i}` })));
    const target = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Đích' });
    const audit = await auditCount();
    const res = await patch(staff, org.id, { version: 1, parentId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parentId: target.id, path: `${target.path}${org.id}/`, version: 2 });
    for (const cell of cells) expect((await read(cell.id))!.path).toBe(`${target.path}${org.id}/${cell.id}/`);
    const inTarget = await t.database.db.select().from(units).where(like(units.path, `${target.path}%`));
    expect(inTarget.length).toBe(5);
    expect(await auditCount()).toBe(audit + 1);
    // And back under the commune.
    expect((await patch(staff, org.id, { version: 2, parentId: commune.id })).statusCode).toBe(200);
    for (const cell of cells) expect((await read(cell.id))!.path).toBe(`${commune.path}${org.id}/${cell.id}/`);
  });

  it('refuses a move under itself or its own descendant, a kind the target may not hold, another commune', async () => {
    const org = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Vòng' });
    const sub = await buildUnit(t.database, org, { kind: 'grassrootsOrg', name: 'Đảng bộ bộ phận Vòng' });
    await buildUnit(t.database, sub, { name: 'Chi bộ Vòng' });
    const group = await findUnit(t.database, 'Tổ dân phố Tràng Đà 1');
    for (const parentId of [org.id, sub.id]) {
      const res = await patch(staff, org.id, { version: 1, parentId });
      await refused(res, 400, 'unit.move-into-itself', org, await auditCount());
      expect(res.json().error.message).toBe('Không thể chuyển "Đảng bộ Vòng" vào chính nó hoặc một đơn vị trực thuộc nó.');
    }
    await refused(await patch(staff, org.id, { version: 1, parentId: group.id }), 400, 'unit.kind-not-allowed', org, await auditCount());
    const second = await buildCommune(t.database, 'Đảng ủy xã Thử Chuyển');
    const admin = await t.signIn('admin');
    await refused(await patch(admin, org.id, { version: 1, parentId: second.id }), 400, 'unit.move-outside-commune', org, await auditCount());
    const rows = await t.database.db.select().from(units).where(like(units.path, `${org.path}%`));
    expect(rows.length).toBe(3);
  });
});

async function count_(parentId: string) {
  return Number((await t.database.db.select({ n: count() }).from(units).where(eq(units.parentId, parentId)))[0]!.n);
}

describe('closing and reopening', () => {
  it('closes an empty cell on a date; it is shown closed, receives no member, and reopens', async () => {
    const cell = await buildUnit(t.database, commune, { name: 'Chi bộ Đóng' });
    const res = await post(staff, `/api/units/${cell.id}/close`, { version: 1, closedOn: today });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ closedOn: today, version: 2 });
    const listed = (await staff.inject({ url: '/api/units' })).json().units.find((u: { id: string }) => u.id === cell.id);
    expect(listed.closedOn).toBe(today);
    // No member moves into it, no new unit under it.
    const from = await findUnit(t.database, 'Chi bộ Tràng Đà 3');
    const [member] = await t.database.db.select().from(members).where(eq(members.cellId, from.id)).limit(1);
    const move = await staff.inject({ method: 'POST', url: `/api/members/${member!.id}/transfer`, payload: { toCellId: cell.id, on: todayInVietnam() } });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.id).toBe('membership.cell-closed');
    expect((await t.database.db.select().from(members).where(eq(members.id, member!.id)))[0]!.cellId).toBe(from.id);
    const closed = (await read(cell.id))!;
    await refused(await post(staff, `/api/units/${cell.id}/close`, { version: 2, closedOn: today }), 409, 'unit.already-closed', closed, await auditCount());
    const back = await post(staff, `/api/units/${cell.id}/reopen`, { version: 2 });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ closedOn: null, version: 3 });
    await refused(await post(staff, `/api/units/${cell.id}/reopen`, { version: 3 }), 409, 'unit.not-closed', (await read(cell.id))!, await auditCount());
  });

  it('a closed unit is no recipient of a plan and no cell of a member import, from its closing day', async () => {
    const cell = await buildUnit(t.database, commune, { name: 'Chi bộ Hết Nhận' });
    const names = async (day: string) => ({
      recipients: (await unitsOf(t.database.db, commune.id, day)).map((u) => u.name),
      cells: (await listCellsOfTenant(t.database.db, commune.id, day)).map((u) => u.name),
    });
    expect((await names('2026-06-01')).recipients).toContain('Chi bộ Hết Nhận');
    await t.database.db.update(units).set({ closedOn: '2026-06-01' }).where(eq(units.id, cell.id));
    const before = await names('2026-05-31');
    const after = await names('2026-06-01');
    expect(before.recipients).toContain('Chi bộ Hết Nhận');
    expect(before.cells).toContain('Chi bộ Hết Nhận');
    expect(after.recipients).not.toContain('Chi bộ Hết Nhận');
    expect(after.cells).not.toContain('Chi bộ Hết Nhận');
  });

  it('refuses to close a cell with members, a unit with open children, or before it opened', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 4');
    await refused(await post(staff, `/api/units/${cell.id}/close`, { version: cell.version, closedOn: today }), 409, 'unit.close-has-members', cell, await auditCount());
    const org = await findUnit(t.database, 'Đảng bộ Ủy ban nhân dân phường');
    await refused(await post(staff, `/api/units/${org.id}/close`, { version: org.version, closedOn: today }), 409, 'unit.close-has-open-children', org, await auditCount());
    const created = (await post(staff, '/api/units', { parentId: commune.id, kind: 'agency', name: 'Cơ quan Mới Lập', openedOn: '2026-01-10' })).json();
    const fresh = (await read(created.id))!;
    await refused(await post(staff, `/api/units/${fresh.id}/close`, { version: 1, closedOn: '2026-01-09' }), 400, 'unit.close-before-open', fresh, await auditCount());
    await refused(await post(staff, `/api/units/${commune.id}/close`, { version: commune.version, closedOn: today }), 400, 'unit.commune-fixed', commune, await auditCount());
  });

  it('a name freed by closing may be used again; reopening the old one is then refused', async () => {
    const old = await buildUnit(t.database, commune, { kind: 'residentialGroup', name: 'Tổ dân phố Trùng' });
    expect((await post(staff, `/api/units/${old.id}/close`, { version: 1, closedOn: today })).statusCode).toBe(200);
    expect((await post(staff, '/api/units', { parentId: commune.id, kind: 'residentialGroup', name: 'Tổ dân phố Trùng' })).statusCode).toBe(201);
    await refused(await post(staff, `/api/units/${old.id}/reopen`, { version: 2 }), 409, 'unit.name-taken', (await read(old.id))!, await auditCount());
  });
});

describe('reordering and deleting', () => {
  it('moves a unit up and down among its siblings', async () => {
    const org = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Sắp Xếp' });
    const [a, b, c] = [await buildUnit(t.database, org, { name: 'Chi bộ X1' }), await buildUnit(t.database, org, { name: 'Chi bộ X2' }), await buildUnit(t.database, org, { name: 'Chi bộ X3' })];
    const order = async () => {
      const detail = (await staff.inject({ url: `/api/units/${org.id}` })).json();
      return detail.children.map((u: { name: string }) => u.name);
    };
    expect(await order()).toEqual(['Chi bộ X1', 'Chi bộ X2', 'Chi bộ X3']);
    expect((await post(staff, `/api/units/${c!.id}/reorder`, { version: 1, direction: 'up' })).statusCode).toBe(200);
    expect(await order()).toEqual(['Chi bộ X1', 'Chi bộ X3', 'Chi bộ X2']);
    expect((await post(staff, `/api/units/${a!.id}/reorder`, { version: 1, direction: 'down' })).statusCode).toBe(200);
    expect(await order()).toEqual(['Chi bộ X3', 'Chi bộ X1', 'Chi bộ X2']);
    await refused(await post(staff, `/api/units/${b!.id}/reorder`, { version: 1, direction: 'down' }), 400, 'unit.reorder-edge', (await read(b!.id))!, await auditCount());
  });

  it('deletes a unit made by mistake; refuses one with members or history, saying to close it', async () => {
    const mistake = (await post(staff, '/api/units', { parentId: commune.id, kind: 'cell', name: 'Chi bộ Tạo Nhầm' })).json();
    const del = await staff.inject({ method: 'DELETE', url: `/api/units/${mistake.id}?version=1` });
    expect(del.statusCode).toBe(204);
    expect(await read(mistake.id)).toBeUndefined();
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 6');
    const res = await staff.inject({ method: 'DELETE', url: `/api/units/${cell.id}?version=${cell.version}` });
    await refused(res, 409, 'unit.in-use', cell, await auditCount());
    expect(res.json().error.message).toMatch(/^Không thể xóa "Chi bộ Tràng Đà 6" vì đơn vị có đảng viên.*Hãy đóng đơn vị thay vì xóa/u);
    const withChild = await findUnit(t.database, 'Đảng bộ Ủy ban nhân dân phường');
    await refused(await staff.inject({ method: 'DELETE', url: `/api/units/${withChild.id}?version=${withChild.version}` }), 409, 'unit.in-use', withChild, await auditCount());
    const empty = await buildUnit(t.database, commune, { name: 'Chi bộ Cũ Xóa' });
    await buildMember(t.database, empty);
    await refused(await staff.inject({ method: 'DELETE', url: `/api/units/${empty.id}?version=1` }), 409, 'unit.in-use', empty, await auditCount());
  });
});

const roles = [
  ['admin', true],
  ['vanphong', true],
  ['thuongtruc', false],
  ['ubnd', false],
  ['bithu', false],
  ['dangvien', false],
  ['tinhuy', false],
] as const;

type Action = 'create' | 'rename' | 'move' | 'close' | 'reopen' | 'reorder' | 'delete';
const actions: Action[] = ['create', 'rename', 'move', 'close', 'reopen', 'reorder', 'delete'];

/** A fresh unit for the action below `parent`, and the request doing the action. */
async function attempt(s: Session, action: Action, parent: Unit) {
  const unit = await buildUnit(t.database, parent, { name: `Chi bộ Quyền ${action} ${Math.random().toString(36).slice(2, 8)}` });
  if (action === 'reopen') await t.database.db.update(units).set({ closedOn: '2020-01-01' }).where(eq(units.id, unit.id));
  if (action === 'reorder') await buildUnit(t.database, parent, { name: `Chi bộ Trước ${Math.random().toString(36).slice(2, 8)}` });
  await t.database.db.update(units).set({ sortOrder: 99_999 }).where(eq(units.id, unit.id));
  const target = action === 'move' ? await buildUnit(t.database, parent, { kind: 'grassrootsOrg', name: `Đảng bộ Đích ${Math.random().toString(36).slice(2, 8)}` }) : null;
  const before = (await read(unit.id))!;
  const res = await {
    create: () => post(s, '/api/units', { parentId: parent.id, kind: 'cell', name: `Chi bộ Tạo ${Math.random().toString(36).slice(2, 8)}` }),
    rename: () => patch(s, unit.id, { version: 1, name: `${unit.name} mới` }),
    move: () => patch(s, unit.id, { version: 1, parentId: target!.id }),
    close: () => post(s, `/api/units/${unit.id}/close`, { version: 1, closedOn: today }),
    reopen: () => post(s, `/api/units/${unit.id}/reopen`, { version: 1 }),
    reorder: () => post(s, `/api/units/${unit.id}/reorder`, { version: 1, direction: 'up' }),
    delete: () => s.inject({ method: 'DELETE', url: `/api/units/${unit.id}?version=1` }),
  }[action]();
  return { res, unit: before };
}

describe('who may manage units', () => {
  it.each(roles)('%s in the demo ward (allowed: %s)', async (username, allowed) => {
    const s = await t.signIn(username);
    for (const action of actions) {
      const audit = await auditCount();
      const { res, unit } = await attempt(s, action, commune);
      if (allowed) {
        expect(res.statusCode, `${action}: ${res.body}`).toBeLessThan(300);
      } else {
        await refused(res, 403, 'forbidden', unit, audit);
      }
    }
  });

  it.each(roles)('%s against a second commune’s real ids', async (username, allowed) => {
    const second = await buildCommune(t.database, `Đảng ủy xã Thứ Hai ${username}`);
    const s = await t.signIn(username);
    for (const action of actions) {
      const audit = await auditCount();
      const { res, unit } = await attempt(s, action, second);
      // The administrator works over the province; ward accounts do not know the second commune exists.
      if (username === 'admin') expect(res.statusCode, `${action}: ${res.body}`).toBeLessThan(300);
      else if (username === 'tinhuy') await refused(res, 403, 'forbidden', unit, audit);
      else await refused(res, 404, 'unit.not-found', unit, audit);
      expect(allowed || username !== 'admin').toBe(true);
    }
  });

  it('ward staff cannot move a unit of theirs into another commune (404, nothing changed)', async () => {
    const second = await buildCommune(t.database, 'Đảng ủy xã Đích Ngoài');
    const cell = await buildUnit(t.database, commune, { name: 'Chi bộ Muốn Đi' });
    await refused(await patch(staff, cell.id, { version: 1, parentId: second.id }), 404, 'unit.not-found', cell, await auditCount());
  });
});
