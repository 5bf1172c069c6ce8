// People: every member is one, and so are those the ward deals with who are not members.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { conflict, notFound } from '../../errors';
import { normaliseFullName } from '../../../domain/vietnamese-names';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { createOnce, keyTaken } from '../../idempotency';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { canKnowUnit } from '../units/policy';
import { loadUnit, resolveCommune, toRef } from '../units/service';
import { forbidden } from '../../errors';
import { canEditPeople, canRecordMembership, canViewPeople, canViewPerson } from './policy';
import { canErasePersonalData, canExportPersonalData } from '../privacy/policy';
import { persons, positionKinds, positions, type Person } from './tables';
import type { PersonCreate, PersonUpdate, PositionDto } from './schema';
import { historyDto, loadHistory } from './membership-service';
import { erasedRecord } from '../privacy/errors';

export const personDto = ({ tenantId: _t, createdAt: _c, updatedAt: _u, ...rest }: Person) => rest;

/** Loads a person with their commune: another commune's person is not found. */
export async function loadPersonFor(db: DbOrTx, actor: Actor, id: string): Promise<{ person: Person; commune: Unit }> {
  const [person] = await db.select().from(persons).where(eq(persons.id, id));
  if (!person) throw notFound('person');
  const commune = await loadUnit(db, person.tenantId);
  if (!canKnowUnit(actor, toRef(commune))) throw notFound('person');
  return { person, commune };
}

/** GET /api/people: search by name (with or without diacritics), members or not. */
export async function listPeople(db: Db, actor: Actor, query: { q?: string; membership: 'all' | 'members' | 'nonMembers'; communeId?: string; limit: number }) {
  const commune = await resolveCommune(db, actor, query.communeId);
  if (!canViewPeople(actor, toRef(commune))) throw forbidden('xem danh sách người của đảng bộ này');
  const conditions = [eq(persons.tenantId, commune.id)];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`qt_fold(${persons.fullName}) like qt_fold(${pattern})`);
  }
  if (query.membership === 'members') conditions.push(isNotNull(members.id));
  if (query.membership === 'nonMembers') conditions.push(isNull(members.id));
  const rows = await db
    .select({ person: persons, memberId: members.id, cellName: units.name })
    .from(persons)
    .leftJoin(members, and(eq(members.tenantId, persons.tenantId), eq(members.personId, persons.id)))
    .leftJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(and(...conditions))
    .orderBy(query.q ? desc(sql`similarity(qt_fold(${persons.fullName}), qt_fold(${query.q}))`) : asc(persons.fullName), asc(persons.id))
    .limit(query.limit);
  const held = rows.length
    ? await db
        .select({ personId: positions.personId, name: positionKinds.name, unitName: units.name })
        .from(positions)
        .innerJoin(positionKinds, and(eq(positionKinds.tenantId, positions.tenantId), eq(positionKinds.code, positions.kindCode)))
        .innerJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
        .where(and(eq(positions.tenantId, commune.id), isNull(positions.toOn), inArray(positions.personId, rows.map((r) => r.person.id))))
    : [];
  return {
    people: rows.map((r) => ({
      ...personDto(r.person),
      memberId: r.memberId,
      cellName: r.cellName,
      positions: held.filter((h) => h.personId === r.person.id).map((h) => `${h.name}, ${h.unitName}`),
    })),
    abilities: { edit: canEditPeople(actor, toRef(commune)) },
  };
}

/** POST /api/people: someone who is not (yet) a member. */
export async function createPerson(db: Db, actor: Actor, input: PersonCreate, communeId?: string, idempotencyKey?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canEditPeople(actor, toRef(commune))) throw forbidden('thêm người vào danh sách của đảng bộ này');
  return db.transaction(async (tx) => {
    // A retried request (same Idempotency-Key) answers with the person the first one added.
    const request = { tenantId: commune.id, actorId: actor.userId, scope: 'person', key: idempotencyKey, taken: () => keyTaken('person') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => personDto(await loadPersonOfTenant(tx, commune.id, id)),
      create: async () => {
        const [person] = await tx
          .insert(persons)
          .values({ ...input, fullName: normaliseFullName(input.fullName), tenantId: commune.id })
          .returning();
        await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'person.create', entity: 'person', entityId: person!.id, after: person });
        return { id: person!.id, result: personDto(person!) };
      },
    });
    return result;
  });
}

/** PATCH /api/people/:id (version-conditional); a member's person keeps the member's record in step. */
export async function updatePerson(db: Db, actor: Actor, id: string, patch: PersonUpdate) {
  return db.transaction(async (tx) => {
    const { person, commune } = await loadPersonFor(tx, actor, id);
    if (!canEditPeople(actor, toRef(commune))) throw forbidden('sửa thông tin người này');
    if (patch.version !== person.version) throw conflict('person', personDto(person));
    if (person.erasedAt) throw erasedRecord();
    const { version, ...changes } = patch;
    if (changes.fullName) changes.fullName = normaliseFullName(changes.fullName);
    const updated = await updateVersioned(tx, persons, and(eq(persons.tenantId, person.tenantId), eq(persons.id, id)), version, { ...changes, updatedAt: now() }, {
      entity: 'person',
      current: async () => personDto((await tx.select().from(persons).where(eq(persons.id, id)))[0]!),
    });
    await syncMemberFromPerson(tx, updated);
    await recordAudit(tx, { tenantId: person.tenantId, actorId: actor.userId, action: 'person.update', entity: 'person', entityId: id, before: person, after: updated });
    return personDto(updated);
  });
}

/** The member record repeats the person's name and contacts: written together. */
async function syncMemberFromPerson(tx: Tx, p: Person) {
  const set: Partial<typeof members.$inferInsert> = { fullName: p.fullName, birthDate: p.birthDate, phone: p.phone, email: p.email, updatedAt: now() };
  if (p.gender) set.gender = p.gender;
  await tx
    .update(members)
    .set({ ...set, version: sql`${members.version} + 1` })
    .where(and(eq(members.tenantId, p.tenantId), eq(members.personId, p.id)));
}

/** After members change (PATCH, import): their persons take the same name and contacts. */
export async function syncPersonsFromMembers(tx: DbOrTx, tenantId: string, memberIds: string[]) {
  if (memberIds.length === 0) return;
  await tx.execute(sql`UPDATE persons p SET full_name = m.full_name, gender = m.gender, birth_date = m.birth_date, phone = m.phone, email = m.email,
      version = p.version + 1, updated_at = ${now()}
    FROM members m WHERE m.tenant_id = p.tenant_id AND m.person_id = p.id AND p.tenant_id = ${tenantId}::uuid AND m.id IN ${memberIds}
      AND (p.full_name, p.gender, p.birth_date, p.phone, p.email) IS DISTINCT FROM (m.full_name, m.gender, m.birth_date, m.phone, m.email)`);
}

/** Positions with their kind's, person's and unit's names. */
export async function positionsWhere(db: DbOrTx, tenantId: string, where: ReturnType<typeof eq>): Promise<PositionDto[]> {
  const rows = await db
    .select({ p: positions, kindName: positionKinds.name, personName: persons.fullName, unitName: units.name })
    .from(positions)
    .innerJoin(positionKinds, and(eq(positionKinds.tenantId, positions.tenantId), eq(positionKinds.code, positions.kindCode)))
    .innerJoin(persons, and(eq(persons.tenantId, positions.tenantId), eq(persons.id, positions.personId)))
    .innerJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .where(and(eq(positions.tenantId, tenantId), where))
    .orderBy(sql`${positions.toOn} IS NULL DESC`, asc(positionKinds.sortOrder), desc(positions.fromOn));
  return rows.map(({ p, kindName, personName, unitName }) => ({
    id: p.id,
    personId: p.personId,
    personName,
    kindCode: p.kindCode,
    kindName,
    unitId: p.unitId,
    unitName,
    fromOn: p.fromOn,
    toOn: p.toOn,
    version: p.version,
  }));
}

/** GET /api/people/:id: the person, their membership and its history, positions past and present. */
export async function personDetailFor(db: Db, actor: Actor, id: string) {
  const { person, commune } = await loadPersonFor(db, actor, id);
  const [member] = await db
    .select({ m: members, cell: units })
    .from(members)
    .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(and(eq(members.tenantId, person.tenantId), eq(members.personId, person.id)));
  if (!canViewPerson(actor, toRef(commune), member ? toRef(member.cell) : null)) throw notFound('person');
  const [events, held] = await Promise.all([
    member ? loadHistory(db, person.tenantId, member.m.id) : Promise.resolve([]),
    positionsWhere(db, person.tenantId, eq(positions.personId, person.id)),
  ]);
  return {
    person: personDto(person),
    member: member
      ? { id: member.m.id, cellId: member.m.cellId, cellName: member.cell.name, joinedOn: member.m.joinedOn, exempt: member.m.exempt, leftOn: member.m.leftOn, version: member.m.version }
      : null,
    membership: await historyDto(db, events),
    positions: held,
    abilities: {
      edit: canEditPeople(actor, toRef(commune)),
      recordMembership: member ? canRecordMembership(actor, toRef(member.cell)) : false,
      exportData: canExportPersonalData(actor, toRef(commune)),
      erase: canErasePersonalData(actor, toRef(commune)),
    },
  };
}

/** Whether a person of this commune exists (for positions and new members). */
export async function loadPersonOfTenant(db: DbOrTx, tenantId: string, id: string): Promise<Person> {
  const [person] = await db.select().from(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
  if (!person) throw notFound('person');
  return person;
}

