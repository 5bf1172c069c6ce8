// Read receipts: only the recipient unit itself confirms that it received a plan; the office, the
// leadership, the province and the administrator read the receipts but never write them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { findUnit } from '../../../../test/support/factories';
import { issueImportedPlan } from '../../../../test/support/fixtures';
import { planDeliveries } from './tables';

let t: TestApp;
let staff: Session;
let leader: Session;
let planId: string;
beforeAll(async () => {
  ({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }));
  planId = (await issueImportedPlan(staff, leader)).id;
});
afterAll(() => t?.close());

async function deliveryTo(unitName: string) {
  const unit = await findUnit(t.database, unitName);
  const [row] = await t.database.db
    .select()
    .from(planDeliveries)
    .where(and(eq(planDeliveries.planId, planId), eq(planDeliveries.unitId, unit.id)));
  if (!row) throw new Error(`no delivery to ${unitName}`);
  return row;
}

const confirm = async (username: string, deliveryId: string) =>
  (await t.signIn(username)).inject({ method: 'POST', url: `/api/inbox/${deliveryId}/read` });

describe('confirming receipt of a delivered plan', () => {
  it.each(['tinhuy', 'vanphong', 'banxaydung', 'thuongtruc', 'admin'])(
    '%s, who oversees the unit, gets 403 and the delivery stays unread',
    async (username) => {
      for (const unitName of ['Ủy ban nhân dân phường', 'Chi bộ Tràng Đà 1']) {
        const delivery = await deliveryTo(unitName);
        const res = await confirm(username, delivery.id);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.id).toBe('forbidden');
        expect(await deliveryTo(unitName)).toMatchObject({ readAt: null, readBy: null });
      }
    },
  );

  it('someone of another unit does not see the delivery: 404 in Vietnamese, still unread', async () => {
    const delivery = await deliveryTo('Ủy ban nhân dân phường');
    const res = await confirm('bithu', delivery.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ id: 'delivery.not-found', message: 'Không tìm thấy văn bản được gửi.' });
    expect((await deliveryTo('Ủy ban nhân dân phường')).readAt).toBeNull();
  });

  it.each([
    ['ubnd', 'Ủy ban nhân dân phường'],
    ['bithu', 'Chi bộ Tràng Đà 1'],
  ])('%s confirms the receipt of their own unit (%s)', async (username, unitName) => {
    const delivery = await deliveryTo(unitName);
    const res = await confirm(username, delivery.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).toEqual(expect.any(String));
    const stored = await deliveryTo(unitName);
    expect(stored.readAt).not.toBeNull();
    expect(stored.readBy).toBe((await t.signIn(username)).me.user.id);
  });
});
