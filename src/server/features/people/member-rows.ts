// Inserting members in bulk with everything a member has: a person each, a "joined" event in their
// cell, and an open exemption for those exempt. For the demo seed, factories and benchmarks;
// services create members through member-create.ts and the import (membership-import.ts).
import type { DbOrTx } from '../../db/client';
import { members, type Member } from '../members/tables';
import { membershipEvents, persons } from './tables';
import { claimCards } from '../members/cards';

export type NewMemberRow = Omit<typeof members.$inferInsert, 'personId'> & { personId?: string };

export async function insertMembersWithPeople(
  tx: DbOrTx,
  rows: NewMemberRow[],
  options: { joinedOn: (row: NewMemberRow) => string; exemptReason?: string },
): Promise<Member[]> {
  const inserted: Member[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ ...r, id: r.id ?? crypto.randomUUID(), personId: r.personId ?? crypto.randomUUID() }));
    const fresh = batch.filter((_, j) => !rows[i + j]!.personId);
    if (fresh.length) {
      await tx.insert(persons).values(
        fresh.map((r) => ({ tenantId: r.tenantId, id: r.personId, fullName: r.fullName, gender: r.gender, birthDate: r.birthDate ?? null, phone: r.phone ?? null, email: r.email ?? null })),
      );
    }
    const written = await tx.insert(members).values(batch).returning();
    inserted.push(...written);
    // Card numbers are national: each one is claimed in the lookup table (decision 017).
    for (const tenantId of new Set(written.map((m) => m.tenantId))) {
      const own = written.filter((m) => m.tenantId === tenantId);
      await claimCards(tx, tenantId, own.map((m) => ({ cardNumber: m.cardNumber, memberId: m.id })));
    }
    await tx.insert(membershipEvents).values(
      batch.flatMap((r) => {
        const on = options.joinedOn(r);
        const joined = { tenantId: r.tenantId, memberId: r.id, kind: 'joined' as const, on, cellId: r.cellId };
        const exempt = { tenantId: r.tenantId, memberId: r.id, kind: 'exemption' as const, on, reason: options.exemptReason ?? 'Tuổi cao, sức khỏe yếu' };
        return r.exempt ? [joined, exempt] : [joined];
      }),
    );
  }
  return inserted;
}
