// Reads of membership: a member's history, and the ward's counts per cell as of a date.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { memberFor } from '../members/service';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { resolveCommune, toRef } from '../units/service';
import { canListMembers } from '../units/policy';
import { membershipOf } from './membership-service';
import { countsAsOf } from './membership-queries';

/** GET /api/members/:id/membership: whoever sees the member (canViewMember) sees their history. */
export async function membershipFor(db: Db, actor: Actor, memberId: string) {
  await memberFor(db, actor, memberId);
  const [member] = await db.select().from(members).where(eq(members.id, memberId));
  return membershipOf(db, member!);
}

/** GET /api/cells/counts?on=: every cell the actor may list members of, with its counts that day. */
export async function cellCountsFor(db: Db, actor: Actor, on: string, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  const cells = await db.select().from(units).where(and(eq(units.tenantId, commune.id), eq(units.kind, 'cell')));
  const visible = new Set(cells.filter((c) => canListMembers(actor, toRef(c))).map((c) => c.id));
  if (visible.size === 0) throw forbidden('xem số đảng viên của các chi bộ');
  const counts = new Map((await countsAsOf(db, commune.id, on)).map((c) => [c.cellId, c]));
  return {
    on,
    cells: [...visible].map((cellId) => ({ cellId, members: counts.get(cellId)?.members ?? 0, expected: counts.get(cellId)?.expected ?? 0 })),
  };
}
