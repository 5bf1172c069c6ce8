// A production start: the province, the commune and the first administrator, with the password the
// person running the command chose. No demo data and no default password.
import type { Db } from '../db/client';
import { childPath } from '../../domain/org-tree';
import { badRequest } from '../errors';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { roleGrants } from '../auth/tables';
import { insertAccount } from '../auth/accounts';
import { units } from '../features/units/tables';
import { recordAudit } from '../features/audit/service';
import { isSeeded } from './demo';
import { seedPositionKinds } from '../features/people/positions-service';

export interface BootstrapInput {
  province: string;
  commune: string;
  adminUsername: string;
  adminPassword: string;
}

export async function bootstrapOrganisation(db: Db, input: BootstrapInput): Promise<void> {
  if (await isSeeded(db)) throw badRequest('bootstrap.not-empty', 'Cơ sở dữ liệu đã có dữ liệu; lệnh khởi tạo chỉ chạy trên cơ sở dữ liệu trống.');
  const problem = passwordProblem(input.adminPassword, input.adminUsername);
  if (problem) throw badRequest('auth.weak-password', problem);
  const username = input.adminUsername.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/u.test(username)) throw badRequest('bootstrap.username', 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch (3-40 ký tự).');
  const passwordHash = await hashPassword(input.adminPassword);
  await db.transaction(async (tx) => {
    const provinceId = crypto.randomUUID();
    const communeId = crypto.randomUUID();
    const provincePath = childPath(null, provinceId);
    await tx.insert(units).values([
      { id: provinceId, tenantId: provinceId, parentId: null, kind: 'province', name: input.province.trim(), path: provincePath },
      { id: communeId, tenantId: communeId, parentId: provinceId, kind: 'commune', name: input.commune.trim(), path: childPath(provincePath, communeId) },
    ]);
    await seedPositionKinds(tx, communeId);
    // The administrator is a province account: the province is its own tenant (decision 017).
    const admin = await insertAccount(tx, { username, passwordHash, displayName: 'Quản trị hệ thống', tenantId: provinceId });
    await tx.insert(roleGrants).values({ userId: admin.id, role: 'admin', unitId: provinceId, tenantId: provinceId });
    await recordAudit(tx, { tenantId: communeId, actorId: null, action: 'bootstrap', entity: 'unit', entityId: communeId, after: { province: input.province, commune: input.commune, admin: username } });
  });
}
