// Small factories for test data on top of the demo ward.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '../../src/server/db/client';
import { units } from '../../src/server/features/units/tables';
import { childPath } from '../../src/domain/org-tree';
import { members } from '../../src/server/features/members/tables';
import { insertMembersWithPeople } from '../../src/server/features/people/member-rows';
import { roleGrants, type Role } from '../../src/server/auth/tables';
import { insertAccount } from '../../src/server/auth/accounts';
import { tenantOfUnit } from '../../src/domain/tenants';
import { hashPassword } from '../../src/server/auth/passwords';
import { attachments, resolutions } from '../../src/server/features/resolutions/tables';
import { planDeliveries, planRecipients, plans } from '../../src/server/features/plans/tables';
import { bodyFromImport } from '../../src/server/features/plans/body';
import { importPlan } from '../../src/domain/plan-import';
import type { Unit } from '../../src/server/features/units/tables';
import { planFixture } from './fixtures';

export async function findUnit(database: Database, name: string) {
  const [unit] = await database.db.select().from(units).where(eq(units.name, name));
  if (!unit) throw new Error(`no unit ${name}`);
  return unit;
}

/** A second commune under the demo province: its own tenant, with a materialised path like the seed's. */
export async function buildCommune(database: Database, name: string) {
  const [province] = await database.db.select().from(units).where(eq(units.kind, 'province'));
  if (!province) throw new Error('no province');
  const id = crypto.randomUUID();
  const [commune] = await database.db
    .insert(units)
    .values({ id, tenantId: id, parentId: province.id, kind: 'commune', name, path: childPath(province.path, id) })
    .returning();
  return commune!;
}

let sequence = 0;
const next = () => {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}`;
};

/** A unit below `parent` (a cell by default), in the parent's commune. */
export async function buildUnit(database: Database, parent: Unit, values: { kind?: Unit['kind']; name?: string } = {}) {
  const id = crypto.randomUUID();
  const [unit] = await database.db
    .insert(units)
    .values({ id, tenantId: tenantOfUnit({ id, kind: values.kind ?? 'cell' }, parent), parentId: parent.id, kind: values.kind ?? 'cell', name: values.name ?? `Chi bộ Thử ${next()}`, path: childPath(parent.path, id) })
    .returning();
  return unit!;
}

/** A cell (chi bộ) of the commune. */
export const buildCell = (database: Database, commune: Unit, name?: string) => buildUnit(database, commune, { kind: 'cell', name });

/** A member of the cell, with a card number of their own. */
export async function buildMember(database: Database, cell: Unit, values: Partial<typeof members.$inferInsert> = {}) {
  const n = next();
  // With its person and its "joined" event (on joinedOn, else 2020-01-01), as every member has.
  const [member] = await insertMembersWithPeople(
    database.db,
    [{ tenantId: cell.tenantId!, cellId: cell.id, fullName: `Nguyễn Văn Thử ${n}`, gender: 'male', cardNumber: `9${String(Date.now()).slice(-7)}${sequence}`.slice(0, 12), ...values }],
    { joinedOn: (r) => r.joinedOn ?? '2020-01-01' },
  );
  return member!;
}

export const FACTORY_PASSWORD = 'mat-khau-thu-1';

/** A user holding `role` on `unit` (an account of the unit's tenant), who signs in with FACTORY_PASSWORD. */
export async function buildUserWithGrant(database: Database, { role, unit, memberId = null }: { role: Role; unit: Unit; memberId?: string | null }) {
  const username = `thu${next()}`;
  const tenantId = unit.tenantId;
  const user = await insertAccount(database.db, { username, passwordHash: await hashPassword(FACTORY_PASSWORD), displayName: `Người thử ${username}`, tenantId, memberId });
  await database.db.insert(roleGrants).values({ userId: user.id, role, unitId: unit.id, tenantId });
  return { user, username, password: FACTORY_PASSWORD };
}

/** A guiding document registered in the commune, optionally with an attachment row (its bytes are not stored). */
export async function buildResolution(database: Database, commune: Unit, values: Partial<typeof resolutions.$inferInsert> = {}) {
  const [row] = await database.db
    .insert(resolutions)
    .values({ tenantId: commune.id, kind: 'nghi-quyet', number: `${next().slice(-4)}-NQ/TU`, issuedOn: '2025-05-01', issuer: 'Tỉnh ủy', subject: 'Nghị quyết thử của đảng bộ khác', content: 'Nội dung riêng của đảng bộ khác.', ...values })
    .returning();
  const [file] = await database.db
    .insert(attachments)
    .values({ tenantId: commune.id, ownerType: 'resolution', ownerId: row!.id, sha256: '0'.repeat(64), fileName: 'nghi-quyet-rieng.pdf', contentType: 'application/pdf', size: 10 })
    .returning();
  return { resolution: row!, attachment: file! };
}

/**
 * A plan of the commune from the fixture's text: a draft, or issued (numbered, dated) and delivered to
 * `deliverTo` (a unit of the same commune).
 */
export async function buildPlan(database: Database, commune: Unit, { status = 'draft', deliverTo }: { status?: 'draft' | 'submitted' | 'approved' | 'issued'; deliverTo?: Unit } = {}) {
  const parsed = importPlan(planFixture, {});
  const issued = status === 'issued';
  const [plan] = await database.db
    .insert(plans)
    .values({
      tenantId: commune.id,
      issuerUnitId: commune.id,
      kind: 'propagation',
      status,
      title: parsed.title ?? 'Kế hoạch thử',
      source: planFixture,
      body: bodyFromImport(parsed),
      ...(issued ? { number: 1, numberPeriod: '2026', issuedOn: '2026-01-15' } : {}),
    })
    .returning();
  let delivery: typeof planDeliveries.$inferSelect | undefined;
  if (deliverTo) {
    await database.db.insert(planRecipients).values({ tenantId: commune.id, planId: plan!.id, position: 0, unitId: deliverTo.id, label: deliverTo.name });
    if (issued) [delivery] = await database.db.insert(planDeliveries).values({ tenantId: commune.id, planId: plan!.id, unitId: deliverTo.id }).returning();
  }
  return { plan: plan!, delivery };
}

export async function membersOf(database: Database, cellName: string) {
  const cell = await findUnit(database, cellName);
  return database.db.select().from(members).where(and(eq(members.cellId, cell.id)));
}

export const memberHeader = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Điện thoại', 'Email'];

export async function buildMemberXlsx(rows: (string | number | Date)[][], header = memberHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.addRow(header);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function buildMemberCsv(rows: (string | number)[][], header = memberHeader): Buffer {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return Buffer.from([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');
}

/** A multipart/form-data body with one file, for inject(). */
export function multipartFile(bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = `----qt${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
