// Writes the rows of a checked member list: inserts and updates in batches of 500, one statement
// each, with one audit entry per member (before and after).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { claimCards } from './cards';
import type { DbOrTx } from '../../db/client';
import type { AuditEntry } from '../audit/service';
import type { MemberDraft } from '../../../domain/member-import';
import { members, type Member } from './tables';
import { now } from '../../clock';

const BATCH = 500;

function fields(d: MemberDraft) {
  const { row: _row, ...rest } = d;
  return rest;
}

/** `existing` maps card numbers to the commune's members that hold them; the others are created. */
export async function writeImportedMembers(tx: DbOrTx, actorId: string, tenantId: string, drafts: MemberDraft[], existing: Map<string, string>) {
  const audit: AuditEntry[] = [];
  const idOf = (d: MemberDraft) => (d.cardNumber ? existing.get(d.cardNumber) : undefined);
  const creates = drafts.filter((d) => !idOf(d));
  const updates = drafts.filter((d) => idOf(d));
  for (let i = 0; i < creates.length; i += BATCH) {
    const inserted = await tx
      .insert(members)
      .values(creates.slice(i, i + BATCH).map((d) => ({ ...fields(d), tenantId })))
      .returning();
    await claimCards(tx, tenantId, inserted.map((m) => ({ cardNumber: m.cardNumber, memberId: m.id })));
    audit.push(...inserted.map((m) => ({ tenantId, actorId, action: 'member.import-create', entity: 'member', entityId: m.id, after: m })));
  }
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    const ids = batch.map((d) => idOf(d)!);
    const inTenant = and(eq(members.tenantId, tenantId), inArray(members.id, ids));
    const before = await tx.select().from(members).where(inTenant);
    await tx.execute(updateStatement(tenantId, batch.map((d) => ({ id: idOf(d)!, d }))));
    const after = new Map((await tx.select().from(members).where(inTenant)).map((m) => [m.id, m]));
    audit.push(
      ...before.map((b: Member) => ({ tenantId, actorId, action: 'member.import-update', entity: 'member', entityId: b.id, before: b, after: after.get(b.id) })),
    );
  }
  return audit;
}

function updateStatement(tenantId: string, rows: { id: string; d: MemberDraft }[]) {
  const values = sql.join(
    rows.map(
      ({ id, d }) =>
        sql`(${id}::uuid, ${d.cellId}::uuid, ${d.fullName}::text, ${d.gender}::text, ${d.birthDate}::date, ${d.joinedOn}::date, ${d.officialOn}::date, ${d.cardNumber}::text, ${d.phone}::text, ${d.email}::text, ${d.exempt}::boolean)`,
    ),
    sql`, `,
  );
  return sql`UPDATE members AS m SET cell_id = v.cell_id, full_name = v.full_name, gender = v.gender, birth_date = v.birth_date,
    joined_on = v.joined_on, official_on = v.official_on, card_number = v.card_number, phone = v.phone, email = v.email,
    exempt = v.exempt, version = m.version + 1, updated_at = ${now()}
    FROM (VALUES ${values}) AS v(id, cell_id, full_name, gender, birth_date, joined_on, official_on, card_number, phone, email, exempt)
    WHERE m.id = v.id AND m.tenant_id = ${tenantId}::uuid`;
}
