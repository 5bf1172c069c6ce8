// Writes the rows of a checked member list: inserts and updates in batches of 500, one statement
// each, with one audit entry per member (before and after). A new member gets a person and a
// "joined" event; a changed cell or exemption becomes an event dated today (membership-import.ts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { claimCards } from './cards';
import type { DbOrTx } from '../../db/client';
import type { AuditEntry } from '../audit/service';
import type { MemberDraft } from '../../../domain/member-import';
import { members, type Member } from './tables';
import { now } from '../../clock';
import { persons } from '../people/tables';
import { syncPersonsFromMembers } from '../people/persons-service';
import { recordImportedMembership } from '../people/membership-import';

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
    // Each new member is a new person, written first so the member can point at it.
    const batch = creates.slice(i, i + BATCH).map((d) => ({ ...fields(d), tenantId, personId: crypto.randomUUID() }));
    await tx.insert(persons).values(
      batch.map((m) => ({ tenantId, id: m.personId, fullName: m.fullName, gender: m.gender, birthDate: m.birthDate, phone: m.phone, email: m.email })),
    );
    const inserted = await tx.insert(members).values(batch).returning();
    await claimCards(tx, tenantId, inserted.map((m) => ({ cardNumber: m.cardNumber, memberId: m.id })));
    audit.push(...inserted.map((m) => ({ tenantId, actorId, action: 'member.import-create', entity: 'member', entityId: m.id, after: m })));
    await recordImportedMembership(tx, actorId, tenantId, inserted.map((after) => ({ before: null, after })));
  }
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    const ids = batch.map((d) => idOf(d)!);
    const inTenant = and(eq(members.tenantId, tenantId), inArray(members.id, ids));
    const before = await tx.select().from(members).where(inTenant);
    await tx.execute(updateStatement(tenantId, batch.map((d) => ({ id: idOf(d)!, d }))));
    const after = new Map((await tx.select().from(members).where(inTenant)).map((m) => [m.id, m]));
    await recordImportedMembership(tx, actorId, tenantId, before.map((b) => ({ before: b, after: after.get(b.id)! })));
    await syncPersonsFromMembers(tx, tenantId, ids);
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
  return sql`UPDATE members AS m SET cell_id = CASE WHEN m.left_on IS NULL THEN v.cell_id ELSE m.cell_id END, full_name = v.full_name, gender = v.gender, birth_date = v.birth_date,
    joined_on = v.joined_on, official_on = v.official_on, card_number = v.card_number, phone = v.phone, email = v.email,
    exempt = CASE WHEN m.left_on IS NULL THEN v.exempt ELSE m.exempt END, version = m.version + 1, updated_at = ${now()}
    FROM (VALUES ${values}) AS v(id, cell_id, full_name, gender, birth_date, joined_on, official_on, card_number, phone, email, exempt)
    WHERE m.id = v.id AND m.tenant_id = ${tenantId}::uuid`;
}
